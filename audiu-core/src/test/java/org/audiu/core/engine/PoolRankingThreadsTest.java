package org.audiu.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

/**
 * The ranking pass gives the same list, track for track and score for score, on one thread and on several: with a
 * pool read in parts (the generated source) and with a pool read by one thread and ranked by all (the demo).
 */
class PoolRankingThreadsTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());

    private static RecommendationEngine engine(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("model", "test-centroid", "batch-size", "128",
                "recommendations", "60", "recommendations.per-artist", "2"));
        values.putAll(extra);
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE);
    }

    private static void sameOnEveryThreadCount(RecommendationEngine engine) {
        TrainedRecommender recommender = engine.train();
        PoolRanking.Ranking one = engine.rank(recommender, 60, -1, 0);
        assertEquals(60, one.recommendations().size());
        for (int helpers : new int[] {1, 3}) {
            PoolRanking.Ranking many = engine.rank(recommender, 60, -1, helpers);
            assertEquals(one.poolSize(), many.poolSize(), "pool, " + helpers + " helpers");
            assertEquals(lines(one.recommendations()), lines(many.recommendations()), helpers + " helpers");
        }
    }

    private static List<String> lines(List<Recommendation> recs) {
        return recs.stream().map(r -> r.track().id() + " " + r.score() + " " + r.reasons()).toList();
    }

    @Test
    void aPoolReadInPartsRanksAsOneThreadDoes() {
        sameOnEveryThreadCount(engine(Map.of("library.source", "generated", "library.size", "30000",
                "features", "generated", "features.generated.size", "30000", "candidates.source", "generated",
                "candidates.size", "30000")));
    }

    @Test
    void aPoolReadByOneThreadRanksAsOneThreadDoes() {
        sameOnEveryThreadCount(engine(Map.of()));
    }

    @Test
    void aNegativeNumberOfHelpersIsRefused() {
        RecommendationEngine e = engine(Map.of());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> e.rank(e.train(), 10, -1, -1));
        assertTrue(ex.getMessage().contains("helpers"), ex.getMessage());
    }
}
