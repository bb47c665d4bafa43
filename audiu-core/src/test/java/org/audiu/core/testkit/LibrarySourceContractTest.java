package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.SavedTrack;
import org.audiu.core.spi.library.LibrarySource;
import org.junit.jupiter.api.Test;

/** Extend this to prove a library source behaves: a non-empty library, saved tracks once each, repeatable loads. */
public abstract class LibrarySourceContractTest {
    protected abstract LibrarySource source();

    @Test
    void loadsANonEmptyLibrary() {
        ListenerLibrary library = source().load();
        assertFalse(library.isEmpty());
        assertFalse(library.distinctTracks().isEmpty());
    }

    @Test
    void savedTracksAppearOnce() {
        Set<String> seen = new HashSet<>();
        for (SavedTrack s : source().load().savedTracks()) {
            assertFalse(!seen.add(s.track().id()), "saved track twice: " + s.track().id());
        }
    }

    @Test
    void loadsTheSameLibraryTwice() {
        assertEquals(source().load().tracksById().keySet(), source().load().tracksById().keySet());
    }
}
