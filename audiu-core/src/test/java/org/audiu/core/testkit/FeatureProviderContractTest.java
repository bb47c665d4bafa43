package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProvider;
import org.junit.jupiter.api.Test;

/**
 * Extend this to prove a feature provider behaves: known tracks come back in its schema, unknown ones are absent
 * (not an error, not a fabricated vector), and it answers only for tracks it was asked about.
 */
public abstract class FeatureProviderContractTest {
    protected abstract FeatureProvider provider();

    /** Tracks the provider knows (at least one). */
    protected abstract List<Track> knownTracks();

    /** A track the provider does not know. */
    protected abstract Track unknownTrack();

    @Test
    void returnsKnownTracksInItsSchema() {
        FeatureProvider p = provider();
        Map<String, FeatureVector> found = p.lookup(knownTracks());
        assertEquals(knownTracks().stream().map(Track::id).distinct().count(), found.size());
        for (FeatureVector v : found.values()) {
            assertEquals(p.schema(), v.schema());
            int present = 0;
            for (int i = 0; i < v.schema().size(); i++) {
                assertFalse(Double.isInfinite(v.get(i)));
                if (!v.isMissing(i)) {
                    present++;
                }
            }
            assertTrue(present > 0, "a found track must have at least one feature value");
        }
    }

    @Test
    void leavesUnknownTracksOut() {
        List<Track> asked = new ArrayList<>(knownTracks());
        asked.add(unknownTrack());
        Map<String, FeatureVector> found = provider().lookup(asked);
        assertFalse(found.containsKey(unknownTrack().id()));
        assertTrue(asked.stream().map(Track::id).toList().containsAll(found.keySet()));
    }

    @Test
    void emptyRequestGivesEmptyResult() {
        assertTrue(provider().lookup(List.of()).isEmpty());
    }
}
