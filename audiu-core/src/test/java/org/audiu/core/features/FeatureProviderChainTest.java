package org.audiu.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderUnavailableException;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;

class FeatureProviderChainTest {
    private static final FeatureSchema TARGET = FeatureSchema.of("energy", "valence", "duration_ms");

    /** Knows the given ids; counts calls. */
    static final class Known implements FeatureProvider {
        final FeatureSchema schema;
        final Map<String, double[]> rows;
        final List<List<String>> calls = new ArrayList<>();

        Known(FeatureSchema schema, Map<String, double[]> rows) {
            this.schema = schema;
            this.rows = rows;
        }

        @Override public FeatureSchema schema() { return schema; }

        @Override
        public Map<String, FeatureVector> lookup(List<Track> tracks) {
            calls.add(tracks.stream().map(Track::id).toList());
            Map<String, FeatureVector> out = new HashMap<>();
            tracks.forEach(t -> {
                if (rows.containsKey(t.id())) {
                    out.put(t.id(), new FeatureVector(schema, rows.get(t.id())));
                }
            });
            return out;
        }
    }

    @Test
    void firstProviderWinsLaterOnesSeeOnlyWhatIsMissingUnknownTracksAreReported() {
        Known first = new Known(FeatureSchema.of("valence", "energy"), Map.of("a", new double[] {0.1, 0.9}));
        Known second = new Known(FeatureSchema.of("energy"), Map.of("a", new double[] {0.5}, "b",
                new double[] {0.7}));
        FeatureProviderChain chain = new FeatureProviderChain(List.of(new NamedFeatureProvider("first", first),
                new NamedFeatureProvider("second", second)), TARGET);
        FeatureLookup result = chain.lookup(List.of(TestData.track("a", "X"), TestData.track("b", "Y"),
                TestData.track("c", "Z"), TestData.track("a", "X")));
        assertEquals(List.of(List.of("a", "b", "c")), first.calls, "duplicates are asked once");
        assertEquals(List.of(List.of("b", "c")), second.calls);
        FeatureVector a = result.found().get("a");
        assertEquals(0.9, a.get("energy"), "projected by name");
        assertEquals(0.1, a.get("valence"));
        assertEquals(200_000, a.get("duration_ms"), "metadata filled from the track");
        assertTrue(Double.isNaN(result.found().get("b").get("valence")), "absent feature is missing, not 0");
        assertEquals(List.of("c"), result.missingIds());
        assertEquals(Map.of("first", 1, "second", 1), result.foundByProvider());
    }

    @Test
    void anUnavailableProviderIsSkippedForTheRestOfTheRun() {
        int[] calls = {0};
        FeatureProvider forbidden = new FeatureProvider() {
            @Override public FeatureSchema schema() { return TARGET; }
            @Override public Map<String, FeatureVector> lookup(List<Track> tracks) {
                calls[0]++;
                throw new FeatureProviderUnavailableException("HTTP 403: audio features are closed to this app");
            }
        };
        Known fallback = new Known(FeatureSchema.of("energy"), Map.of("a", new double[] {0.4}));
        FeatureProviderChain chain = new FeatureProviderChain(List.of(new NamedFeatureProvider("spotify", forbidden),
                new NamedFeatureProvider("fallback", fallback)), TARGET);
        assertEquals(0.4, chain.lookup(List.of(TestData.track("a", "X"))).found().get("a").get("energy"));
        chain.lookup(List.of(TestData.track("a", "X")));
        assertEquals(1, calls[0], "asked once, then skipped");
        assertEquals(2, fallback.calls.size());
    }
}
