package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.spi.preference.PreferenceSignal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Extend this to prove a preference signal behaves: on a library with its data it gives a value in [0, 1] for
 * tracks of that library only, the same every time; on a library without its data (the empty library, and the
 * one {@link #libraryWithoutItsData()} supplies) it answers an empty Optional, not an exception. If this passes,
 * the weighted scorer can blend the signal and drop it for listeners it knows nothing about.
 */
public abstract class PreferenceSignalContractTest {
    /** The signal under test. */
    protected abstract PreferenceSignal signal();

    /** A library holding the signal's data; {@link TestData#smallLibrary()} by default. */
    protected ListenerLibrary library() {
        return TestData.smallLibrary();
    }

    /**
     * A library with tracks but without what the signal reads (no popularity, no top artists, ...), for which the
     * signal documents an empty answer; empty (the check is skipped) when every non-empty library has its data.
     */
    protected Optional<ListenerLibrary> libraryWithoutItsData() {
        return Optional.empty();
    }

    @Test
    void scoresLibraryTracksWithinZeroAndOne() {
        ListenerLibrary library = library();
        Map<String, Double> values = signal().score(library).orElseThrow(
                () -> new AssertionError("no data in a library that has it: " + library().tracksById().size()
                        + " tracks"));
        assertFalse(values.isEmpty(), "data but not one value");
        for (Map.Entry<String, Double> e : values.entrySet()) {
            assertTrue(library.tracksById().containsKey(e.getKey()), "a value for " + e.getKey()
                    + ", which is not a track of the library");
            double v = e.getValue();
            assertTrue(v >= 0 && v <= 1, "value " + v + " for " + e.getKey() + " is outside [0, 1]");
        }
    }

    @Test
    void isDeterministic() {
        assertEquals(signal().score(library()), signal().score(library()));
    }

    @Test
    void emptyLibraryHasNoData() {
        assertEquals(Optional.empty(), signal().score(ListenerLibrary.empty()));
    }

    @Test
    void libraryWithoutItsDataHasNoData() {
        Optional<ListenerLibrary> library = libraryWithoutItsData();
        Assumptions.assumeTrue(library.isPresent(), "every library with tracks has this signal's data");
        assertFalse(library.get().isEmpty(), "libraryWithoutItsData() must hold tracks");
        assertEquals(Optional.empty(), signal().score(library.get()));
    }
}
