package org.audiu.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.AudioFeatures;
import org.audiu.core.AudiuException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.twostage.TwoStageSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiu spark}: score a catalogue for many listeners on Spark ({@code score}), turn audiU CSV files into a
 * Parquet catalogue ({@code convert}), and compare Spark with the local engine ({@code bench}). The job jar's main
 * class for {@code spark-submit}.
 */
@Command(name = "audiu spark", mixinStandardHelpOptions = true,
        description = "Score a whole catalogue for many listeners on Apache Spark.",
        subcommands = {SparkScoringCli.Score.class, SparkScoringCli.Convert.class, SparkBenchCommand.class})
public final class SparkScoringCli {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) {
        // ./audiu spark logs through slf4j-simple: Spark's INFO lines would bury the results (spark-submit uses
        // the cluster's log4j2 settings instead).
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SparkScoringCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof AudiuException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("audiu spark: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Rank a catalogue for each listener; writes OUT/recommendations.parquet and .json.")
    static final class Score implements Callable<Integer> {
        @Mixin SparkOptions spark;

        @Option(names = "--catalogue", required = true, paramLabel = "PATH",
                description = "Parquet (file or folder) or CSV (file, folder or glob) of tracks with features")
        String catalogue;

        @Option(names = "--format", paramLabel = "FORMAT", description = "parquet or csv (default: csv when the "
                + "path ends in .csv)")
        String format;

        @Option(names = "--partitions", paramLabel = "N", description = "at least this many partitions (default: "
                + "Spark's split)")
        int partitions;

        @Option(names = "--recommender", paramLabel = "[NAME=]FILE",
                description = "a saved trained recommender (./audiu train --out FILE), one per listener; repeatable")
        List<String> recommenders = new ArrayList<>();

        @Option(names = "--train", paramLabel = "[NAME=]CONFIG",
                description = "an audiU configuration whose listener is trained on the driver; repeatable")
        List<String> train = new ArrayList<>();

        @Option(names = "--limit", paramLabel = "K", defaultValue = "20", description = "recommendations per "
                + "listener (default: ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "4096",
                description = "candidates per model call (default: ${DEFAULT-VALUE})")
        int batchSize;

        @Option(names = "--listeners-per-pass", paramLabel = "N", defaultValue = "100",
                description = "listeners scored in one pass over the catalogue (default: ${DEFAULT-VALUE})")
        int listenersPerPass;

        @Option(names = "--ranker", paramLabel = "FILE",
                description = {"Rank with the two-stage recommender: the listeners' candidates come from the "
                        + "retrievers over the whole --catalogue (one audiU playlist CSV file, held by every executor) "
                        + "and this ranker, saved by 'audiu ranker train', orders them (default: two-stage.ranker-file "
                        + "of --config; without either, the single-stage engine scores every catalogue row)."})
        String ranker;

        @Option(names = "--config", paramLabel = "FILE",
                description = "an audiU configuration for the two-stage.* settings (two-stage.ranker-file, "
                        + "two-stage.retrievers, two-stage.candidates)")
        String config;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
        String out;

        @Option(names = "--overwrite", description = "replace earlier results in --out")
        boolean overwrite;

        @Option(names = "--json", description = "print the recommendations as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            String chosenFormat = format == null ? CatalogueInput.guessFormat(catalogue) : format;
            CatalogueInput input = new CatalogueInput(catalogue, chosenFormat, partitions);
            AudiuConfig settings = config == null ? AudiuConfig.defaults() : AudiuConfig.load(Path.of(config));
            String rankerFile = ranker != null ? ranker : TwoStageSettings.configured(settings)
                    ? TwoStageSettings.from(settings).rankerFile().map(Path::toString).orElse(null) : null;
            if (rankerFile != null && !chosenFormat.equalsIgnoreCase("csv")) {
                throw new IllegalArgumentException("The two-stage ranker (" + rankerFile + ") needs the playlist "
                        + "catalogue as one audiU CSV file, the file 'ranker train --catalogue' took; " + catalogue
                        + " is " + chosenFormat + ". Give the CSV, or leave out the ranker for the single-stage "
                        + "engine.");
            }
            SparkSession session = spark.session("audiU catalogue scoring");
            try {
                RecommendationOutput output = new RecommendationOutput(session);
                output.checkTarget(out, overwrite);
                List<ListenerArchive> listeners = new ListenerSources(session.sparkContext().hadoopConfiguration())
                        .read(recommenders, train);
                long t0 = System.nanoTime();
                CatalogueScoring.Result result = rankerFile != null
                        ? new TwoStageScoring(session).score(catalogue, rankerFile, settings, listeners, limit)
                        : new CatalogueScoring(session).score(input, listeners,
                        new CatalogueScoring.Settings(limit, batchSize, listenersPerPass));
                double seconds = (System.nanoTime() - t0) / 1e9;
                output.write(result, out, overwrite);
                print(result, seconds);
            } finally {
                session.stop();
            }
            return 0;
        }

        private void print(CatalogueScoring.Result result, double seconds) throws Exception {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("engine", result.engine());
                m.put("catalogueRows", result.catalogueRows());
                m.put("partitions", result.partitions());
                m.put("passes", result.passes());
                m.put("seconds", seconds);
                m.put("output", List.of(out + "/" + RecommendationOutput.PARQUET, out + "/" + RecommendationOutput.JSON));
                List<Map<String, Object>> ls = new ArrayList<>();
                for (CatalogueScoring.ListenerResult l : result.listeners()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("listener", l.listener());
                    e.put("source", l.source());
                    e.put("scored", l.scored());
                    e.put("recommendations", l.recommendations().stream().map(SparkScoringCli::json).toList());
                    ls.add(e);
                }
                m.put("listeners", ls);
                System.out.println(JSON.writeValueAsString(m));
                return;
            }
            System.out.printf(Locale.ROOT, "Scored %,d catalogue rows for %d listener(s) in %.1f s (%d partitions, "
                    + "%d pass(es)); wrote %s/%s and %s/%s%n", result.catalogueRows(), result.listeners().size(),
                    seconds, result.partitions(), result.passes(), out, RecommendationOutput.PARQUET, out,
                    RecommendationOutput.JSON);
            System.out.println("engine: " + result.engine());
            for (CatalogueScoring.ListenerResult l : result.listeners()) {
                System.out.printf(Locale.ROOT, "%n%s (%s):%n", l.listener(), l.source());
                int rank = 1;
                for (Recommendation r : l.recommendations()) {
                    System.out.printf(Locale.ROOT, "%3d. %-40s %-25s %.4f  %s%n", rank++, r.track().name(),
                            r.track().artistsText(), r.score(), String.join("; ", r.reasons()));
                }
            }
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Read audiU CSV files (each with audiU's CSV reader) and write them as a Parquet catalogue.")
    static final class Convert implements Callable<Integer> {
        @Mixin SparkOptions spark;

        @Option(names = "--catalogue", required = true, paramLabel = "CSV", description = "a CSV file, folder or glob")
        String catalogue;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the Parquet folder to write")
        String out;

        @Option(names = "--features", split = ",", paramLabel = "A,B",
                description = "the feature columns to keep (default: the 13 standard audio features)")
        List<String> features = new ArrayList<>();

        @Option(names = "--json", description = "print the summary as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            FeatureSchema schema = features.isEmpty() ? AudioFeatures.STANDARD : new FeatureSchema(features);
            SparkSession session = spark.session("audiU catalogue conversion");
            try {
                long rows = CatalogueParquet.convertCsv(session, catalogue, schema, out);
                if (json) {
                    System.out.println(JSON.writeValueAsString(Map.of("rows", rows, "output", out)));
                } else {
                    System.out.printf(Locale.ROOT, "Wrote %,d tracks to %s%n", rows, out);
                }
            } finally {
                session.stop();
            }
            return 0;
        }
    }

    static Map<String, Object> json(Recommendation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackId", r.track().id());
        m.put("name", r.track().name());
        m.put("artists", r.track().artists());
        m.put("score", r.score());
        m.put("reasons", r.reasons());
        m.put("album", r.track().album());
        r.track().genre().ifPresent(g -> m.put("genre", g));
        return m;
    }
}
