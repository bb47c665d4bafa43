package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.demo.DemoFactories;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tops of disjoint parts of a pool, merged with {@code offerScored}, are exactly the top of one pass over the
 * whole pool, artist cap included (what audiu-spark relies on to merge a catalogue's partitions).
 */
class TopRecommendationsMergeTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void mergedPartialTopsEqualOnePass(int perArtist) {
        Map<String, String> values = new HashMap<>(Map.of("model", "test-centroid",
                "recommendations.per-artist", Integer.toString(perArtist)));
        TrainedRecommender r = RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE).train();
        List<CandidateRow> pool = pool(r).stream().filter(c -> !r.excludes(c.track())).toList();

        TrainedRecommender.TopRecommendations whole = r.top(20);
        whole.offer(pool);
        List<Recommendation> expected = whole.recommendations();

        int parts = 13;
        List<List<CandidateRow>> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            split.add(new ArrayList<>());
        }
        for (int i = 0; i < pool.size(); i++) {
            split.get((i * 7) % parts).add(pool.get(i));
        }
        TrainedRecommender.TopRecommendations merged = r.top(20);
        for (List<CandidateRow> part : split) {
            TrainedRecommender.TopRecommendations top = r.top(20);
            top.offer(part);
            assertTrue(top.kept().size() <= 20, "a partial top is bounded");
            top.kept().forEach(s -> merged.offerScored(s.item(), s.score()));
        }
        List<Recommendation> actual = merged.recommendations();
        assertEquals(20, expected.size());
        assertEquals(describe(expected), describe(actual));
    }

    private static List<String> describe(List<Recommendation> recs) {
        return recs.stream().map(x -> x.track().id() + " " + x.score() + " " + x.reasons()).toList();
    }

    private static List<CandidateRow> pool(TrainedRecommender r) {
        var source = new DemoFactories.CandidatesFactory().create(ComponentConfig.of("c", "demo", Map.of(), 42));
        var chain = new FeatureProviderChain(List.of(new NamedFeatureProvider("demo",
                new DemoFactories.FeaturesFactory().create(ComponentConfig.of("f", "demo", Map.of(), 42)))),
                r.baseSchema());
        List<Candidate> all;
        try (Stream<Candidate> s = source.candidates()) {
            all = s.toList();
        }
        return new CandidateFeatures(chain).rows(all).rows();
    }
}
