package org.audiu.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.AudioFeatures;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.TrainedRecommender;

/**
 * Spark against the local engine on one machine: a generated catalogue ({@link GeneratedWorkload}, written once as
 * Parquet) scored for several listeners, first by the local engine's pool pass once per listener (one thread, the
 * catalogue streamed from the generator), then by {@link CatalogueScoring} on each Spark master in turn (reading
 * the Parquet), e.g. a standalone cluster and {@code local[2]} in one run. Reports tracks x listeners per second
 * for each, checks every master gives the local engine's lists, and estimates a large cluster's wall time from
 * each master's measured per-core rate.
 *
 * @param tracks        catalogue size
 * @param listeners     listeners (each one generated genre's listener, trained on the driver)
 * @param models        trainers, used in turn
 * @param trainingPool  the pool prefix the listeners train on (the tracks are the same at any catalogue size)
 * @param partitions    Parquet partitions to write (and read)
 */
public record SparkBenchmark(long tracks, int listeners, List<String> models, long trainingPool, int k,
                             int partitions, long seed, Path workDir) {
    /** The estimate's cluster: 50 M tracks x 10,000 listeners on 100 cores. */
    static final double ESTIMATE_TRACKS = 50e6;
    static final double ESTIMATE_LISTENERS = 10_000;
    static final int ESTIMATE_CORES = 100;

    /**
     * @param masters  the Spark masters to measure, in turn (the first also writes the Parquet catalogue)
     * @param sessions opens a session on a master; each is stopped after its measurement
     * @return the first master's figures at the top level (as a one-master run gives them), every master's under
     *         {@code masters}
     */
    public Map<String, Object> run(List<String> masters, Function<String, SparkSession> sessions,
                                   Consumer<String> log) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("No Spark master to measure");
        }
        GeneratedWorkload workload = new GeneratedWorkload(tracks, models, trainingPool, k, seed);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tracks", tracks);
        out.put("listeners", listeners);
        out.put("partitions", partitions);

        log.accept("training " + listeners + " listeners on the driver (pool of " + workload.trainingPool() + ")...");
        long t0 = System.nanoTime();
        List<GeneratedWorkload.Listener> trained = workload.train(listeners);
        List<ListenerArchive> archives = trained.stream().map(GeneratedWorkload.Listener::archive).toList();
        out.put("models", models);
        out.put("trainSeconds", seconds(t0));

        log.accept("local engine: one pool pass per listener...");
        workload.rankLocally(trained.get(0).recommender(), Math.min(tracks, 100_000));
        long t2 = System.nanoTime();
        List<List<Recommendation>> local = new ArrayList<>();
        for (GeneratedWorkload.Listener l : trained) {
            local.add(workload.rankLocally(l.recommender()));
        }
        double localSeconds = seconds(t2);
        double work = (double) tracks * listeners;
        double localRate = work / localSeconds;
        out.put("localSeconds", localSeconds);
        out.put("localTrackListenersPerSecond", localRate);

        String parquet = workDir.resolve("catalogue-" + tracks + ".parquet").toString();
        List<Map<String, Object>> perMaster = new ArrayList<>();
        for (String master : masters) {
            SparkSession spark = sessions.apply(master);
            try {
                if (perMaster.isEmpty()) {
                    log.accept("writing the generated catalogue to " + parquet + "...");
                    long t1 = System.nanoTime();
                    CatalogueParquet.write(spark, workload.candidates(spark, partitions), AudioFeatures.STANDARD,
                            parquet);
                    out.put("writeParquetSeconds", seconds(t1));
                }
                perMaster.add(measure(spark, parquet, archives, local, localRate, log));
            } finally {
                spark.stop();
            }
        }
        out.putAll(perMaster.get(0));
        out.put("masters", perMaster);
        return out;
    }

    private Map<String, Object> measure(SparkSession spark, String parquet, List<ListenerArchive> archives,
                                        List<List<Recommendation>> local, double localRate, Consumer<String> log) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("master", spark.sparkContext().master());
        int cores = spark.sparkContext().defaultParallelism();
        out.put("sparkCores", cores);
        log.accept("Spark " + spark.sparkContext().master() + ": one pass over the Parquet catalogue for all "
                + "listeners (a first, cold run, then the timed one)...");
        CatalogueInput input = new CatalogueInput(parquet, "parquet", 0);
        CatalogueScoring scoring = new CatalogueScoring(spark);
        CatalogueScoring.Settings settings = new CatalogueScoring.Settings(k, TrainedRecommender.DEFAULT_BATCH, 100);
        long t3 = System.nanoTime();
        scoring.score(input, archives, settings);
        double coldSeconds = seconds(t3);
        long t4 = System.nanoTime();
        CatalogueScoring.Result result = scoring.score(input, archives, settings);
        double sparkSeconds = seconds(t4);

        double sparkRate = (double) tracks * listeners / sparkSeconds;
        out.put("sparkColdSeconds", coldSeconds);
        out.put("sparkSeconds", sparkSeconds);
        out.put("sparkTrackListenersPerSecond", sparkRate);
        out.put("sparkOverLocalThroughput", sparkRate / localRate);
        out.put("goalSparkWithin2xOfLocal", sparkRate * 2 >= localRate);
        out.put("sparkPartitionsRead", result.partitions());
        out.put("identicalToLocal", compare(local, result, out));

        double perCore = sparkRate / cores;
        double estimateSeconds = ESTIMATE_TRACKS * ESTIMATE_LISTENERS / (perCore * ESTIMATE_CORES);
        Map<String, Object> estimate = new LinkedHashMap<>();
        estimate.put("tracks", (long) ESTIMATE_TRACKS);
        estimate.put("listeners", (long) ESTIMATE_LISTENERS);
        estimate.put("cores", ESTIMATE_CORES);
        estimate.put("measuredTrackListenersPerSecondPerCore", perCore);
        estimate.put("wallSeconds", estimateSeconds);
        estimate.put("wallHours", estimateSeconds / 3600);
        estimate.put("assumes", "the per-core rate measured on this master, linear scaling over cores, listeners "
                + "in passes of 100 over a cached catalogue, and no straggler or I/O bottleneck");
        out.put("estimate", estimate);
        return out;
    }

    private static boolean compare(List<List<Recommendation>> local, CatalogueScoring.Result spark,
                                   Map<String, Object> out) {
        double maxDiff = 0;
        boolean same = local.size() == spark.listeners().size();
        for (int l = 0; l < Math.min(local.size(), spark.listeners().size()); l++) {
            List<Recommendation> a = local.get(l);
            List<Recommendation> b = spark.listeners().get(l).recommendations();
            same &= a.size() == b.size();
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                same &= a.get(i).track().id().equals(b.get(i).track().id())
                        && a.get(i).reasons().equals(b.get(i).reasons());
                maxDiff = Math.max(maxDiff, Math.abs(a.get(i).score() - b.get(i).score()));
            }
        }
        out.put("maxScoreDifference", maxDiff);
        return same && maxDiff <= 1e-9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
