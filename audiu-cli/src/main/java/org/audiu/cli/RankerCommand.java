package org.audiu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.twostage.TwoStageSettings;
import org.audiu.models.ranking.CompiledRanker;
import org.audiu.models.ranking.RankerTraining;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiu ranker}: the two-stage recommender's learnt ranker. */
@Command(name = "ranker", mixinStandardHelpOptions = true,
        description = "Train the two-stage recommender's ranker across a catalogue's playlists.",
        subcommands = {RankerCommand.Train.class})
public final class RankerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code audiu ranker train --catalogue FILE --out FILE}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Every playlist of the catalogue with at least 20 unique tracks (--min-tracks) becomes a "
                    + "training query: a seeded 20%% of it (--hidden) is hidden, its own model is trained on the rest, "
                    + "the retrievers (two-stage.retrievers) propose candidates with the playlist itself left out, "
                    + "and the hidden tracks among them are the relevant ones. One XGBoost ranker (two-stage.ranker.*, "
                    + "rank:ndcg by default) is trained on all queries, compiled, and saved as one checksummed file; "
                    + "'recommend --ranker FILE' (or two-stage.ranker-file) then ranks with it."})
    public static final class Train implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--catalogue", paramLabel = "FILE", required = true,
                description = "The playlist catalogue (spotify_songs.csv).")
        Path catalogue;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to save the ranker.")
        Path out;

        @Option(names = "--threads", paramLabel = "N",
                description = "Playlists prepared at once (default: the number of cores).")
        Integer threads;

        @Mixin
        PlaylistProtocolOptions protocol;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (threads != null && threads < 1) {
                throw new ConfigException("--threads must be at least 1, got " + threads + ".");
            }
            Path file = EvaluateCommand.existingData(catalogue);
            AudiuConfig config = options.loadConfig();
            long start = System.nanoTime();
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            RankerTraining.Trained trained = RankerTraining.train(file, config, protocol.splitter(), workers);
            CompiledRanker ranker = trained.ranker();
            TwoStageSettings settings = trained.settings();
            Map<String, String> provenance = trained.provenance();
            String checksum = trained.save(out);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter w = spec.commandLine().getOut();
            if (options.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("out", out.toAbsolutePath().normalize().toString());
                json.put("sha256", checksum);
                json.put("ranker", ranker.describe());
                json.put("features", ranker.features());
                json.put("parameters", ranker.parameters());
                json.put("settings", settings.effective());
                json.put("provenance", provenance);
                json.put("seconds", seconds);
                w.println(Json.write(json));
            } else {
                w.printf(Locale.ROOT, "ranker: %s%nsaved: %s (sha256 %s)%n%.1f s%n", ranker.describe(),
                        out.toAbsolutePath().normalize(), checksum, seconds);
            }
            w.flush();
            return 0;
        }
    }
}
