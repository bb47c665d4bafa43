package org.audiu.models.recommender;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.demo.DemoFactories;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.CandidateRow;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model kind of this module travels inside a saved trained recommender: after load it scores the same
 * candidates bit for bit, and ranks the pool into the same list, from many threads at once.
 */
public class SavedRecommenderTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath();

    @TempDir
    Path tmp;

    private static RecommendationEngine engine(String model, Map<String, String> params) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("model", model));
        values.putAll(params);
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE);
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

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "linear", "logistic-liblinear", "cart", "random-forest", "extra-trees",
        "xgboost", "voting"})
    void aLoadedRecommenderScoresAndRanksAsTheTrainedOne(String model) throws Exception {
        Map<String, String> small = switch (model) {
            case "random-forest", "extra-trees" -> Map.of("model.trees", "30");
            case "xgboost" -> Map.of("model.trees", "60");
            case "voting" -> Map.of("model.members", "logistic, random-forest", "model.random-forest.trees", "20");
            default -> Map.of();
        };
        checkRoundTrip(model, small, tmp);
    }

    /**
     * Trains the demo listener's recommender with {@code model}, saves and loads it, and checks the loaded one scores
     * the whole demo pool bit for bit as the trained one, ranks it into the same list, and answers the same from
     * four threads at once (also used by audiu-models-dl4j for 'mlp').
     */
    public static void checkRoundTrip(String model, Map<String, String> small, Path tmp) throws Exception {
        RecommendationResult fresh = engine(model, small).recommend();
        Path file = tmp.resolve(model + ".recommender");
        RecommenderFiles.save(fresh.recommender(), file);
        TrainedRecommender loaded = RecommenderFiles.load(file);

        List<CandidateRow> pool = pool(fresh.recommender());
        assertArrayEquals(fresh.recommender().score(pool), loaded.score(pool), model + ": scores after load");
        assertEquals(describe(fresh.recommendations()),
                describe(engine(model, small).recommendWith(loaded).recommendations()), model + ": the same list");

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(threads.submit(() -> describe(loaded.recommend(pool.stream(), 20))));
            }
            List<String> first = runs.get(0).get();
            for (Future<List<String>> run : runs) {
                assertEquals(first, run.get(), model + ": the same answer from every thread");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> describe(List<Recommendation> recs) {
        return recs.stream().map(r -> r.track().id() + " " + r.score() + " " + r.reasons()).toList();
    }
}
