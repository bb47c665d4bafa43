package org.audiu.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiu spark bench}: Spark against the local engine on this machine ({@link SparkBenchmark}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Score a generated catalogue for several listeners with Spark and with the local engine.")
final class SparkBenchCommand implements Callable<Integer> {
    @Mixin SparkOptions spark;

    @Option(names = "--tracks", defaultValue = "1000000", description = "catalogue size (default: ${DEFAULT-VALUE})")
    long tracks;

    @Option(names = "--listeners", defaultValue = "10", description = "listeners (default: ${DEFAULT-VALUE})")
    int listeners;

    @Option(names = "--models", split = ",", description = "trainers, used in turn (default: logistic,random-forest)")
    List<String> models = new ArrayList<>(List.of("logistic", "random-forest"));

    @Option(names = "--training-pool", defaultValue = "100000",
            description = "the generated pool the listeners train on (default: ${DEFAULT-VALUE})")
    long trainingPool;

    @Option(names = "--limit", defaultValue = "20", description = "recommendations per listener (default: "
            + "${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--partitions", defaultValue = "8", description = "Parquet partitions (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--seed", defaultValue = "42", description = "the generated catalogue's seed")
    long seed;

    @Option(names = "--work-dir", description = "where the Parquet catalogue goes (default: a temporary folder, "
            + "deleted after)")
    Path workDir;

    @Option(names = "--against", paramLabel = "URL", description = "a further Spark master measured in the same "
            + "run, after --master (repeatable), e.g. --master spark://127.0.0.1:7077 --against local[2]")
    List<String> against = new ArrayList<>();

    @Option(names = "--json", description = "print the measurements as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (spark.master == null) {
            spark.master = "local[2]";
        }
        boolean temporary = workDir == null;
        Path dir = temporary ? Files.createTempDirectory("audiu-spark-bench") : workDir;
        List<String> masters = new ArrayList<>();
        masters.add(spark.master);
        masters.addAll(against);
        try {
            Map<String, Object> r = new SparkBenchmark(tracks, listeners, models, Math.min(trainingPool, tracks),
                    limit, partitions, seed, dir).run(masters, m -> spark.session("audiU Spark benchmark", m),
                    line -> System.err.println("audiu spark bench: " + line));
            if (json) {
                System.out.println(SparkScoringCli.JSON.writeValueAsString(r));
            } else {
                print(r);
            }
        } finally {
            if (temporary) {
                org.apache.commons.io.FileUtils.deleteDirectory(dir.toFile());
            }
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> r) {
        System.out.printf(Locale.ROOT, "%,d tracks x %d listeners (%s)%n", r.get("tracks"), r.get("listeners"),
                r.get("models"));
        System.out.printf(Locale.ROOT, "  local engine (1 thread, per listener): %.2f s, %,.0f tracks x listeners/s%n",
                r.get("localSeconds"), r.get("localTrackListenersPerSecond"));
        for (Map<String, Object> m : (List<Map<String, Object>>) r.get("masters")) {
            Map<String, Object> e = (Map<String, Object>) m.get("estimate");
            System.out.printf(Locale.ROOT, "  Spark %s, %d cores (all listeners in one pass): %.2f s, %,.0f tracks x "
                    + "listeners/s (cold run %.2f s)%n", m.get("master"), m.get("sparkCores"), m.get("sparkSeconds"),
                    m.get("sparkTrackListenersPerSecond"), m.get("sparkColdSeconds"));
            System.out.printf(Locale.ROOT, "    Spark / local throughput: %.2f (goal: at least 0.5) %s; identical "
                    + "lists: %s (max score difference %.1e)%n", m.get("sparkOverLocalThroughput"),
                    (Boolean) m.get("goalSparkWithin2xOfLocal") ? "met" : "NOT met", m.get("identicalToLocal"),
                    m.get("maxScoreDifference"));
            System.out.printf(Locale.ROOT, "    estimate: %,d tracks x %,d listeners on %d cores at %,.0f per core: "
                    + "%.1f h%n", e.get("tracks"), e.get("listeners"), e.get("cores"),
                    e.get("measuredTrackListenersPerSecondPerCore"), e.get("wallHours"));
        }
    }
}
