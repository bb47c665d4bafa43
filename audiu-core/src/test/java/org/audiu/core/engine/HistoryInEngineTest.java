package org.audiu.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.demo.DemoFactories;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

/** A listening history alone as the library: history signals, skipped tracks as real negatives, history reasons. */
class HistoryInEngineTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
    private static final long DAY = 86_400_000L;

    private static RecommendationEngine engine(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("model", "test-centroid"));
        values.putAll(extra);
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE);
    }

    /** The demo listener's tracks played often and to the end; ten pool tracks played and skipped every time. */
    private static ListenerLibrary history(RecommendationEngine engine, List<Track> skipped) {
        ListenerLibrary demo = new DemoFactories.LibraryFactory().create(ComponentConfig.of("library source", "demo",
                Map.of(), 42)).load();
        List<TrackPlays> plays = new ArrayList<>();
        long t0 = 1_700_000_000_000L;
        int i = 0;
        for (Track t : demo.distinctTracks()) {
            int n = 2 + i % 9;
            plays.add(new TrackPlays(t, n, n, n * 200_000L, n, 0, 0, t0, t0 + (i % 30) * DAY, Math.min(n, 1 + i % 5)));
            i++;
        }
        Set<String> known = demo.tracksById().keySet();
        try (var pool = engine.candidates().candidates()) {
            pool.map(Candidate::track).filter(t -> !known.contains(t.id())).limit(10).forEach(skipped::add);
        }
        for (Track t : skipped) {
            plays.add(new TrackPlays(t, 6, 6, 6 * 4_000L, 0, 6, 6, t0, t0 + 10 * DAY, 3));
        }
        return ListenerLibrary.ofHistory(plays);
    }

    @Test
    void aHistoryAloneTrainsWithItsSkipsAsNegativesAndExplainsWithPlays() {
        RecommendationEngine base = engine(Map.of());
        List<Track> skipped = new ArrayList<>();
        ListenerLibrary library = history(base, skipped);
        RecommendationResult r = base.withLibrary(() -> library, "listening-history").recommend();
        RunReport report = r.report();
        assertEquals(150, report.likedExamples(), "the skipped tracks are not liked");
        assertTrue(report.preferenceWeights().containsKey("play-count"), report.preferenceWeights().toString());
        assertTrue(report.preferenceWeights().containsKey("skip-rate"));
        Set<String> skippedIds = new java.util.HashSet<>();
        skipped.forEach(t -> skippedIds.add(t.id()));
        for (Recommendation rec : r.recommendations()) {
            assertTrue(!skippedIds.contains(rec.track().id()), "a played track is never recommended");
        }
        assertTrue(r.recommendations().stream().anyMatch(x -> x.reasons().stream()
                .anyMatch(s -> s.matches("you played \\d+ tracks? by .+ \\d+ times?"))), "history reasons");

        RecommendationResult off = engine(Map.of("training.skipped.weight", "0")).withLibrary(() -> library,
                "listening-history").recommend();
        assertEquals(160, off.report().likedExamples(), "weight 0: the skipped tracks stay ordinary library tracks");
        assertEquals(report.negativeExamples() - 10, off.report().negativeExamples());
    }
}
