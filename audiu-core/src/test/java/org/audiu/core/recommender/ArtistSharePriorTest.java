package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.relative.ArtistAffinity;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

/** A candidate's score blends the model's probability with its artist's share of the library. */
class ArtistSharePriorTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());

    private static TrainedRecommender train(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("model", "test-centroid"));
        values.putAll(extra);
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE).train();
    }

    private static List<CandidateRow> rows(TrainedRecommender r, int n) {
        var source = new org.audiu.core.demo.DemoFactories.CandidatesFactory().create(
                ComponentConfig.of("candidate source", "demo", Map.of(), 42));
        var chain = new FeatureProviderChain(List.of(new NamedFeatureProvider("demo",
                new org.audiu.core.demo.DemoFactories.FeaturesFactory().create(
                        ComponentConfig.of("feature provider", "demo", Map.of(), 42)))), r.baseSchema());
        List<Candidate> candidates;
        try (Stream<Candidate> s = source.candidates()) {
            candidates = s.limit(n).toList();
        }
        return new CandidateFeatures(chain).rows(candidates).rows();
    }

    @Test
    void theScoreIsTheModelsProbabilityBlendedWithTheArtistShare() throws Exception {
        TrainedRecommender r = train(Map.of("recommendations.artist-share-weight", "0.3"));
        assertEquals(0.3, r.artistShareWeight(), 0.0);
        assertTrue(r.blendsArtistShare());
        List<CandidateRow> pool = rows(r, 3000);
        double[][] matrix = pool.stream().map(c -> r.listenerFeatures().extend(c.track(), c.features(), false))
                .toArray(double[][]::new);
        double[] p = r.model().probabilityOf(TrainedRecommender.LIKED, matrix);
        int col = r.modelSchema().indexOf(ArtistAffinity.ARTIST_SHARE);
        double[] scores = r.score(pool);
        boolean someShare = false;
        for (int i = 0; i < scores.length; i++) {
            assertEquals(0.7 * p[i] + 0.3 * matrix[i][col], scores[i], 1e-12);
            someShare |= matrix[i][col] > 0;
        }
        assertTrue(someShare, "some candidates are by the library's artists");
        TrainedRecommender loaded = RecommenderFiles.fromBytes(RecommenderFiles.toBytes(r), "test",
                getClass().getClassLoader());
        assertEquals(0.3, loaded.artistShareWeight(), 0.0);
        assertArrayEquals(scores, loaded.score(pool), 0.0, "a saved recommender scores as before");
    }

    @Test
    void weightZeroIsTheModelAloneAndTheDefaultIsAFifth() {
        TrainedRecommender alone = train(Map.of("recommendations.artist-share-weight", "0"));
        assertFalse(alone.blendsArtistShare());
        List<CandidateRow> pool = rows(alone, 500);
        double[][] matrix = pool.stream().map(c -> alone.listenerFeatures().extend(c.track(), c.features(), false))
                .toArray(double[][]::new);
        assertArrayEquals(alone.model().probabilityOf(TrainedRecommender.LIKED, matrix), alone.score(pool), 0.0);
        assertEquals(0.2, train(Map.of()).artistShareWeight(), 0.0);
        TrainedRecommender noColumn = train(Map.of("listener-features", "album-affinity"));
        assertFalse(noColumn.blendsArtistShare(), "without artist-affinity there is no share to blend");
    }

    @Test
    void aWeightOutsideZeroToOneIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> train(Map.of("recommendations.artist-share-weight", "1.5")));
        assertTrue(e.getMessage().contains("recommendations.artist-share-weight"), e.getMessage());
    }
}
