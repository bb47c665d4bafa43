package org.audiu.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.eval.EvaluationProtocol;
import org.audiu.core.eval.EvaluationResult;
import org.audiu.core.eval.Evaluator;
import org.audiu.core.plugin.Plugins;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A quick sanity band on the real datasets (one seed, a small forest); the full numbers are measured with
 * {@code audiu genres compare}. Skips with instructions when {@code ../shared/data} is absent.
 */
class SharedDataTest {
    static Path sharedFile(String name) {
        String dir = System.getProperty("audiu.shared.data", "../shared/data");
        Path file = Path.of(dir).resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "Skipping: " + file.toAbsolutePath() + " is absent. Put the "
                + "shared datasets in ../shared/data (see its README.md) or set -Daudiu.shared.data=DIR.");
        return file;
    }

    @ParameterizedTest
    @CsvSource({"music_genre.csv, popularity, 0.55", "spotify_songs.csv, track_popularity, 0.50"})
    void aSmallForestBeatsChanceByFar(String name, String popularity, double minimumAccuracy) {
        Path file = sharedFile(name);
        List<String> features = new ArrayList<>(List.of("danceability", "energy", "key", "loudness", "mode",
                "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms"));
        features.add(popularity);
        EvaluationData data = EvaluationData.fromDataset(
                new CsvDatasetReader(new CsvReadOptions(false, features, Optional.empty())).read(file));
        Plugins plugins = Plugins.fromClasspath();
        EvaluationResult r = new Evaluator(EvaluationProtocol.holdout(42, 1, 0.2), null).evaluate("random-forest",
                data.data(), seed -> plugins.trainers().create("random-forest", ComponentConfig.of("trainer",
                        "random-forest", Map.of("trees", "40", "min-samples-leaf", "2"), seed)));
        assertTrue(r.meanAccuracy() > minimumAccuracy, name + ": accuracy " + r.meanAccuracy());
    }
}
