package org.audiu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.RecommenderProvenance;
import org.audiu.core.recommender.TrainedRecommender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu train}: learns the listener's taste and saves it as a trained recommender file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Learn the listener's taste and save it as one trained-recommender file.",
            "'audiu recommend --recommender FILE' then ranks the candidate pool with it, without retraining."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "Where to write the trained recommender (folders are created).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(out)) {
            throw new ConfigException("--out " + out.toAbsolutePath() + " is a folder; give a file name such as "
                    + out.resolve("listener.recommender") + ".");
        }
        AudiuConfig config = options.loadConfig();
        long start = System.nanoTime();
        RecommendationEngine engine = RecommendationEngine.fromConfig(config, Plugins.fromClasspath(),
                ConsoleProgress.to(spec.commandLine().getErr()));
        TrainedRecommender recommender = engine.train();
        RecommenderFiles.save(recommender, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        RecommenderProvenance p = recommender.provenance();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", out.toAbsolutePath().toString());
        summary.put("bytes", Files.size(out));
        summary.put("components", p.components());
        summary.put("modelParameters", recommender.model().provenance().parameters());
        summary.put("seed", p.seed());
        summary.put("libraryTracks", p.libraryTracks());
        summary.put("likedExamples", p.likedExamples());
        summary.put("negativeExamples", p.negativeExamples());
        summary.put("holdoutAuc", Double.isNaN(p.holdoutAuc()) ? null : p.holdoutAuc());
        summary.put("features", recommender.modelSchema().names());
        summary.put("perArtist", recommender.artistCap().minimum());
        summary.put("topArtistShare", recommender.artistCap().topArtistShare());
        summary.put("seconds", seconds);
        PrintWriter w = spec.commandLine().getOut();
        if (options.json()) {
            w.println(Json.write(summary));
        } else {
            w.printf(Locale.ROOT, "trained %s on %d liked tracks vs %d sampled (held-out AUC %.3f), %d features; "
                            + "wrote %s (%,d bytes) in %.1f s%n", p.components().get("model"), p.likedExamples(),
                    p.negativeExamples(), p.holdoutAuc(), recommender.modelSchema().size(), out, Files.size(out),
                    seconds);
            w.println("rank the pool with it: ./audiu recommend --recommender " + out
                    + (options.configFile() == null ? "" : " --config " + options.configFile()));
        }
        w.flush();
        return 0;
    }
}
