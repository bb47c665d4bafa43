package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.audiu.core.Track;
import org.junit.jupiter.api.Test;

class ArtistCapTest {
    private static List<Track> library(int byTop, int byOthers) {
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < byTop; i++) {
            out.add(Track.builder("top" + i, "Song " + i).artists("Top Artist").build());
        }
        for (int i = 0; i < byOthers; i++) {
            out.add(Track.builder("other" + i, "Other " + i).artists("Artist " + i).build());
        }
        return out;
    }

    @Test
    void aSmallConcentratedLibraryGetsTheAdaptiveCapByDefault() {
        // Half of a 10-track playlist hidden leaves 5 tracks: 4 by one artist want that artist, not 2 of 10 places.
        ArtistCap cap = ArtistCap.adaptive(2, library(4, 1));
        assertTrue(cap.isAdaptive(), cap.toString());
        assertEquals(0.8, cap.topArtistShare(), 1e-12);
        assertEquals(8, cap.perArtist(10));
    }

    @Test
    void twoOrFourSeedsKeepTheFixedCap() {
        // Two web seeds by one artist (ServeApiTest) are not a concentrated taste.
        assertEquals(ArtistCap.fixed(2), ArtistCap.adaptive(2, library(2, 0)));
        assertEquals(ArtistCap.fixed(2), ArtistCap.adaptive(2, library(3, 1)));
        assertEquals(2, ArtistCap.adaptive(2, library(2, 0)).perArtist(12));
    }

    @Test
    void theThresholdIsAParameter() {
        assertFalse(ArtistCap.adaptive(2, library(4, 1), 10).isAdaptive());
        assertTrue(ArtistCap.adaptive(2, library(2, 0), 2).isAdaptive());
        assertEquals(12, ArtistCap.adaptive(2, library(2, 0), 2).perArtist(12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArtistCap.adaptive(2, library(2, 0), 0));
        assertTrue(e.getMessage().contains("minTracks"), e.getMessage());
    }
}
