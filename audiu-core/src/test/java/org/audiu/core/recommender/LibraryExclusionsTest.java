package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.FittedState;
import org.junit.jupiter.api.Test;

class LibraryExclusionsTest {
    private static Track track(String id, String artist, String name) {
        return Track.builder(id, name).artists(artist).build();
    }

    private static LibraryExclusions of(Track... tracks) {
        List<PlaylistItem> items = java.util.Arrays.stream(tracks).map(PlaylistItem::of).toList();
        return LibraryExclusions.of(new ListenerLibrary(List.of(), List.of(new Playlist("p", "P", true, items)),
                Map.of(), Map.of(), List.of()));
    }

    @Test
    void excludesByIdAndBySongUnderAnotherIdIgnoringCase() {
        LibraryExclusions e = of(track("a", "AC/DC", "You Shook Me All Night Long"), track("b", "Beyoncé", "Halo"),
                track("c", "Straße", "Über"));
        assertTrue(e.excludes(track("a", "Someone", "Else")), "same id");
        assertTrue(e.excludes(track("x", "ac/dc", "YOU SHOOK ME ALL NIGHT LONG")), "same song, other id and case");
        assertTrue(e.excludes(track("y", "BEYONCÉ", "halo")), "non-ASCII names take the exact path");
        assertTrue(e.excludes(track("z", "STRAßE", "ÜBER")));
        assertFalse(e.excludes(track("w", "AC/DC", "Thunderstruck")));
        assertTrue(e.excludes(track("v", "Beyonce", "Halo")), "accents do not make another song (SongNames)");
        assertTrue(e.excludes(track("r", "AC/DC", "You Shook Me All Night Long - Remastered 2003")),
                "an edition suffix does not make another song");
        assertFalse(e.excludes(track("t", "Beyonce", "Halo - Live")), "a live version is another recording");
        assertFalse(e.excludes(track("u", "AC/DC", "")), "an empty title matches nothing");
        assertEquals(3, e.size());
    }

    @Test
    void savedExclusionsExcludeTheSame() throws IOException {
        LibraryExclusions e = of(track("a", "Queen", "Bohemian Rhapsody"), track("b", "Sigur Rós", "Hoppípolla"));
        FittedState.Writer w = new FittedState.Writer();
        e.writeState(w);
        LibraryExclusions back = LibraryExclusions.readState(new FittedState.Reader(w.toBytes()));
        for (Track t : List.of(track("q", "QUEEN", "bohemian rhapsody"), track("s", "sigur rós", "HOPPÍPOLLA"),
                track("a", "x", "y"), track("n", "Queen", "Radio Ga Ga"))) {
            assertEquals(e.excludes(t), back.excludes(t), t.toString());
        }
        assertEquals(e.size(), back.size());
    }

    @Test
    void bannedArtistsTracksAreExcludedUnderAnyOfTheirArtistsAndSurviveSaving() throws IOException {
        ListenerLibrary library = new ListenerLibrary(List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(),
                List.of(), List.of(track("banned-id", "Crazy Frog", "Axel F")),
                List.of(org.audiu.core.Artist.named("Nickelback")));
        LibraryExclusions e = LibraryExclusions.of(library);
        assertTrue(e.excludes(track("banned-id", "x", "y")), "a banned track, by id");
        assertTrue(e.excludes(track("other-id", "crazy frog", "Axel F")), "a banned track, by song");
        assertTrue(e.excludes(track("n1", "NICKELBACK", "How You Remind Me")), "a banned artist's track");
        assertTrue(e.excludes(Track.builder("n2", "Duet").artists("Someone", "Nickelback").build()),
                "a banned artist as a second artist");
        assertFalse(e.excludes(track("q", "Queen", "Radio Ga Ga")));
        assertEquals(1, e.bannedArtists());
        FittedState.Writer w = new FittedState.Writer();
        e.writeState(w);
        LibraryExclusions back = LibraryExclusions.readState(new FittedState.Reader(w.toBytes()));
        assertTrue(back.excludes(track("n3", "Nickelback", "Photograph")));
        assertFalse(back.excludes(track("q", "Queen", "Radio Ga Ga")));
    }
}
