package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.testkit.PlaylistTestData;
import org.audiu.core.twostage.ModelScores;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.audiu.core.twostage.TwoStageRecommender;
import org.audiu.core.twostage.TwoStageSettings;
import org.audiu.models.ranking.RankerFile;
import org.audiu.models.ranking.RankerTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins {@code recommend --ranker}'s list before it was made faster (issue 24 part 5): the command (which loads the
 * ranker and lays out the engine's own pool rows on a thread of its own while the single-stage engine trains) ranks
 * exactly as the plain library path, written out here step by step as the command first did it: the pool CSV read
 * again, a fresh {@link TwoStageRecommender}, {@link ModelScores} of the listener's freshly trained model. Track for
 * track, score for score, reason for reason, for two listeners and with and without a random forest.
 */
class TwoStageRecommendPinnedTest {
    private static final int K = 8;

    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AudiuCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void recommendRankerRanksAsThePlainLibraryPath() throws Exception {
        PlaylistTestData.dataset(dir, "songs", 160, PlaylistTestData.playlists(5, 160, 12, 24));
        Path songs = dir.resolve("songs.csv");
        AudiuConfig training = new AudiuConfig(Map.of("seed", "42", "model", "logistic", "two-stage.ranker.rounds",
                "20"), dir, "test two-stage settings");
        Path ranker = dir.resolve("ranker.zip");
        RankerTraining.train(songs, training, PlaylistSplitter.standard(), 2).save(ranker);
        for (String[] listener : new String[][] {{"pl3", "logistic"}, {"pl7", "random-forest"}}) {
            Path config = dir.resolve(listener[0] + ".properties");
            Files.writeString(config, String.join("\n", "seed = 42", "library.source = csv-playlist",
                    "library.path = songs.csv", "library.playlist = " + listener[0], "features = dataset",
                    "features.dataset.path = songs.csv", "candidates.source = dataset",
                    "candidates.path = songs.csv", "model = " + listener[1], "model.random-forest.trees = 10",
                    "recommendations = " + K, "two-stage.ranker.rounds = 20", ""));
            JsonNode got = new ObjectMapper().readTree(run("recommend", "--config", config.toString(), "--ranker",
                    ranker.toString(), "--json"));

            AudiuConfig c = AudiuConfig.load(config);
            RecommendationEngine engine = RecommendationEngine.fromConfig(c, Plugins.fromClasspath(),
                    ProgressReporter.NONE);
            RecommendationResult single = engine.recommend();
            TrainedRecommender own = single.recommender();
            EvaluationCatalogue catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults())
                    .read(songs));
            TwoStageRecommender plain = new TwoStageRecommender(new TwoStageCatalogue(catalogue),
                    TwoStageSettings.from(c), RankerFile.read(ranker).ranker());
            boolean[] excluded = new boolean[catalogue.size()];
            for (int i = 0; i < excluded.length; i++) {
                excluded[i] = own.excludes(catalogue.track(i));
            }
            int k = single.recommendations().size();
            List<Recommendation> expected = plain.recommend(engine.prepare().library(),
                    ModelScores.of(own, catalogue, excluded), excluded, k, own.perArtist(k));
            assertEquals(K, expected.size(), listener[0]);
            assertEquals(K, got.size(), listener[0]);
            for (int i = 0; i < K; i++) {
                String where = listener[0] + " (" + listener[1] + "), rank " + (i + 1);
                assertEquals(expected.get(i).track().id(), got.get(i).get("trackId").asText(), where);
                assertEquals(expected.get(i).score(), got.get(i).get("score").asDouble(), 1e-12, where);
                List<String> reasons = new ObjectMapper().convertValue(got.get(i).get("reasons"),
                        new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
                assertEquals(expected.get(i).reasons(), reasons, where);
            }
            assertTrue(got.get(0).get("reasons").get(0).asText().startsWith("found by "), got.toString());
        }
    }
}
