package org.audiu.models.ranking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.PlaylistContinuation;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.audiu.core.twostage.TwoStageMethod;
import org.audiu.core.twostage.TwoStageSettings;

/**
 * What {@code audiu ranker train} does, as a library call: every eligible playlist of the catalogue becomes a
 * training query (a seeded share hidden, its own model trained on the rest, the retrievers' candidates labelled by
 * the hidden tracks), one XGBoost ranker is trained on all queries and compiled. The CLI and the tests that need a
 * real ranker (the Spark job's) share this one path.
 */
public final class RankerTraining {
    private RankerTraining() {
    }

    /** A trained ranker with the settings and provenance {@link RankerFile} saves beside it. */
    public record Trained(CompiledRanker ranker, TwoStageSettings settings, Map<String, String> provenance) {
        public Trained {
            Objects.requireNonNull(ranker, "ranker");
            Objects.requireNonNull(settings, "settings");
            provenance = Map.copyOf(provenance);
        }

        /** Saves it as one checksummed file; returns the file's SHA-256. */
        public String save(Path out) throws IOException {
            return RankerFile.write(out, ranker, settings.effective(), provenance);
        }
    }

    /**
     * @param catalogue the playlist catalogue (an audiU CSV such as {@code spotify_songs.csv})
     * @param config    the {@code two-stage.*} settings, the per-playlist model and the seed
     * @param workers   playlists prepared at once
     */
    public static Trained train(Path catalogue, AudiuConfig config, PlaylistSplitter splitter, int workers)
            throws IOException {
        TwoStageSettings settings = TwoStageSettings.from(config);
        XGBoostRankerTrainer trainer = XGBoostRankerTrainer.fromConfig(settings.rankerParameters());
        EvaluationCatalogue evaluation = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults())
                .read(catalogue));
        PlaylistContinuation queries = new PlaylistContinuation(evaluation, new PlaylistContinuation.Options(10,
                1, config.seed(), workers, splitter, 0));
        EngineMethod engine = new EngineMethod("audiu", config, Plugins.fromClasspath(), evaluation);
        TwoStageMethod twoStage = new TwoStageMethod(engine, new TwoStageCatalogue(evaluation), queries,
                settings, trainer, workers);
        CompiledRanker ranker = (CompiledRanker) twoStage.trainOnEveryPlaylist(config.seed());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("catalogue", catalogue.getFileName().toString());
        provenance.put("catalogue.sha256", RankerFile.sha256(Files.readAllBytes(catalogue)));
        provenance.put("seed", Long.toString(config.seed()));
        provenance.put("hidden", Double.toString(splitter.hiddenShare()));
        provenance.put("min-tracks", Integer.toString(splitter.minTracks()));
        provenance.put("queries", Integer.toString(ranker.trainedOn().size()));
        provenance.put("model", config.get("model").orElse("logistic"));
        return new Trained(ranker, settings, provenance);
    }
}
