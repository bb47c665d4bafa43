package org.audiu.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.recommender.ArtistCap;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {
    private static EngineSettings settings(Map<String, String> values) {
        return EngineSettings.from(ComponentConfig.of("engine", "engine", values, 42));
    }

    private static List<Track> oneArtist(int n) {
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Track.builder("t" + i, "Song " + i).artists("Solo").build());
        }
        return out;
    }

    @Test
    void theAdaptiveCapsThresholdIsConfigurable() {
        EngineSettings defaults = settings(Map.of());
        assertEquals(ArtistCap.MIN_TRACKS_TO_ADAPT, defaults.adaptiveCapMinTracks());
        assertEquals(defaults, EngineSettings.defaults(42));
        assertTrue(defaults.artistCap(oneArtist(5)).isAdaptive(), "5 tracks adapt by default");
        assertFalse(defaults.artistCap(oneArtist(4)).isAdaptive());

        EngineSettings eight = settings(Map.of("recommendations.per-artist.adaptive.min-tracks", "8"));
        assertEquals(8, eight.adaptiveCapMinTracks());
        assertFalse(eight.artistCap(oneArtist(7)).isAdaptive());
        assertEquals(10, eight.artistCap(oneArtist(8)).perArtist(10));

        EngineSettings fixed = settings(Map.of("recommendations.per-artist.adaptive", "false"));
        assertEquals(ArtistCap.fixed(2), fixed.artistCap(oneArtist(20)));
    }

    @Test
    void tenNegativesPerLikedTrackByDefault() {
        assertEquals(10, settings(Map.of()).negativesPerLiked(), 0.0);
        assertEquals(10, EngineSettings.defaults(1).negativesPerLiked(), 0.0);
        assertEquals(3, settings(Map.of("training.negatives-per-liked", "3")).negativesPerLiked(), 0.0);
    }

    @Test
    void anInvalidThresholdIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> settings(Map.of("recommendations.per-artist.adaptive.min-tracks", "0")));
        assertTrue(e.getMessage().contains("recommendations.per-artist.adaptive.min-tracks"), e.getMessage());
        assertThrows(ConfigException.class,
                () -> settings(Map.of("recommendations.per-artist.adaptive.min-tracks", "many")));
    }
}
