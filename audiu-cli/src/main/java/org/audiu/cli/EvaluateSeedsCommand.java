package org.audiu.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.cli.serve.SeedQuality;
import org.audiu.cli.serve.SeedRecommender;
import org.audiu.cli.serve.ServeBackend;
import org.audiu.cli.serve.ServeOptions;
import org.audiu.cli.serve.TrainerChoice;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiu evaluate seeds}: the web page's seeds as an evaluation figure, the genre agreement of the
 * recommendations for one artist, one track, five tracks of one genre and one playlist, with the method the server
 * uses (neighbours below {@code --model-min-seeds} seed tracks, a model above) and, for comparison, a model always.
 */
@Command(name = "seeds", mixinStandardHelpOptions = true,
        description = {"The web page's seeds measured: for random single artists, single tracks, five tracks of one "
                + "genre and catalogue playlists of the configured catalogue (default: the embedded demo), the share "
                + "of the top --k recommendations whose genre label is the seeds' own (labels are never used to "
                + "recommend). Compares the server's routing (neighbours for seeds of fewer than --model-min-seeds "
                + "tracks) with a model trained on every set of seeds."})
public final class EvaluateSeedsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Recommendations per probe (default "
            + "${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--probes", paramLabel = "N", defaultValue = "40",
            description = "Probes per kind of seed (default ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--model-min-seeds", paramLabel = "N", defaultValue = "" + SeedRecommender.DEFAULT_MIN_MODEL_SEEDS,
            description = "The server's routing: seeds of fewer tracks are ranked by neighbours (default "
                    + "${DEFAULT-VALUE}).")
    int minModelSeeds;

    @Option(names = "--recommend-model", paramLabel = "NAME", defaultValue = ServeOptions.DEFAULT_RECOMMEND_MODEL,
            description = "The model trained on the seeds, as in serve (default ${DEFAULT-VALUE}).")
    String recommendModel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1 || probes < 1 || minModelSeeds < 1) {
            throw new ConfigException("--k, --probes and --model-min-seeds must be at least 1; got --k " + k
                    + ", --probes " + probes + ", --model-min-seeds " + minModelSeeds + ".");
        }
        AudiuConfig config = options.loadConfig();
        Plugins plugins = Plugins.fromClasspath();
        long start = System.nanoTime();
        ServeOptions base = ServeOptions.defaults().withRecommenderCacheSize(0).withRecommendModel(TrainerChoice.of(
                recommendModel, Map.of(), ServeOptions.RECOMMEND_DEFAULTS, "--recommend-param "));
        Map<String, SeedQuality.Report> reports = new LinkedHashMap<>();
        SeedRecommender routed = ServeBackend.seedRecommender(config, plugins, base.withMinModelSeeds(minModelSeeds));
        reports.put("served (neighbours below " + minModelSeeds + " seed tracks)",
                new SeedQuality(routed.catalogue(), routed).measure(k, probes, config.seed()));
        SeedRecommender model = ServeBackend.seedRecommender(config, plugins, base.withMinModelSeeds(1));
        reports.put("model always (" + recommendModel + ")",
                new SeedQuality(model.catalogue(), model).measure(k, probes, config.seed()));
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("catalogue", routed.catalogue().source());
            json.put("tracks", routed.catalogue().size());
            json.put("k", k);
            json.put("probes", probes);
            json.put("seed", config.seed());
            json.put("modelMinSeeds", minModelSeeds);
            json.put("recommendModel", recommendModel);
            List<Map<String, Object>> rows = new ArrayList<>();
            reports.forEach((routing, report) -> report.kinds().forEach(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("routing", routing);
                row.put("kind", r.kind());
                row.put("probes", r.probes());
                row.put("genreAgreement", r.genreAgreement());
                row.put("offGenreLists", r.offGenreLists());
                row.put("distinctScoreShare", r.distinctScoreShare());
                row.put("methods", r.methods());
                row.put("meanMillis", r.meanMillis());
                rows.add(row);
            }));
            json.put("results", rows);
            json.put("seconds", seconds);
            out.println(Json.write(json));
        } else {
            out.printf(Locale.ROOT, "catalogue %s (%,d tracks); top %d per probe, %d probes per kind%n",
                    routed.catalogue().source(), routed.catalogue().size(), k, probes);
            out.printf(Locale.ROOT, "%-44s %-26s %6s %10s %10s %10s %8s%n", "routing", "seeds", "probes",
                    "genre agr.", "off-genre", "distinct", "ms");
            reports.forEach((routing, report) -> report.kinds().forEach(r -> out.printf(Locale.ROOT,
                    "%-44s %-26s %6d %10.3f %10.3f %10.3f %8.0f%n", routing, r.kind(), r.probes(),
                    r.genreAgreement(), r.offGenreLists(), r.distinctScoreShare(), r.meanMillis())));
            out.printf(Locale.ROOT, "genre agreement: share of recommendations with the seeds' genre label; off-genre: "
                    + "share of lists with at most one such track; distinct: share of distinct ranking scores (3 decimals) in a list; %.1f s%n", seconds);
        }
        out.flush();
        return 0;
    }
}
