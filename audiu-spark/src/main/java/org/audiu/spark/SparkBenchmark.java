package org.audiu.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.AudioFeatures;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.demo.DemoCatalog;
import org.audiu.core.demo.GeneratedCatalogue;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.engine.PoolRanking;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;

/**
 * Spark against the local engine on one machine: a generated catalogue (written once as Parquet) scored for several
 * listeners, first by the local engine's pool pass once per listener (one thread, the catalogue streamed from the
 * generator), then by {@link CatalogueScoring} on the session's master (reading the Parquet). Reports tracks x
 * listeners per second for each, checks both give the same lists, and estimates a large cluster's wall time from
 * the measured per-core rate.
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
    static final int TRACKS_PER_ARTIST = 20;

    public Map<String, Object> run(SparkSession spark, Consumer<String> log) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tracks", tracks);
        out.put("listeners", listeners);
        out.put("master", spark.sparkContext().master());
        int cores = spark.sparkContext().defaultParallelism();
        out.put("sparkCores", cores);
        out.put("partitions", partitions);

        log.accept("training " + listeners + " listeners on the driver (pool of " + trainingPool + ")...");
        long t0 = System.nanoTime();
        List<ListenerArchive> archives = new ArrayList<>();
        List<TrainedRecommender> recommenders = new ArrayList<>();
        List<String> genres = DemoCatalog.genres();
        for (int i = 0; i < listeners; i++) {
            String genre = genres.get(i % genres.size());
            String model = models.get(i % models.size());
            TrainedRecommender r = engine(genre, 10 + i / genres.size(), model).train();
            recommenders.add(r);
            try {
                archives.add(new ListenerArchive("listener-" + i, model + " " + genre, RecommenderFiles.toBytes(r)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.put("models", models);
        out.put("trainSeconds", seconds(t0));

        String parquet = workDir.resolve("catalogue-" + tracks + ".parquet").toString();
        log.accept("writing the generated catalogue to " + parquet + "...");
        long t1 = System.nanoTime();
        CatalogueParquet.write(spark, generated(spark), AudioFeatures.STANDARD, parquet);
        out.put("writeParquetSeconds", seconds(t1));

        log.accept("local engine: one pool pass per listener...");
        GeneratedCatalogue catalogue = new GeneratedCatalogue(tracks, seed, TRACKS_PER_ARTIST);
        rankLocally(recommenders.get(0), new GeneratedCatalogue(Math.min(tracks, 100_000), seed, TRACKS_PER_ARTIST));
        long t2 = System.nanoTime();
        List<List<Recommendation>> local = new ArrayList<>();
        for (TrainedRecommender r : recommenders) {
            local.add(rankLocally(r, catalogue));
        }
        double localSeconds = seconds(t2);

        log.accept("Spark: one pass over the Parquet catalogue for all listeners (a first, cold run, then the timed one)...");
        CatalogueInput input = new CatalogueInput(parquet, "parquet", 0);
        CatalogueScoring scoring = new CatalogueScoring(spark);
        CatalogueScoring.Settings settings = new CatalogueScoring.Settings(k, TrainedRecommender.DEFAULT_BATCH, 100);
        long t3 = System.nanoTime();
        scoring.score(input, archives, settings);
        double coldSeconds = seconds(t3);
        long t4 = System.nanoTime();
        CatalogueScoring.Result result = scoring.score(input, archives, settings);
        double sparkSeconds = seconds(t4);

        double work = (double) tracks * listeners;
        double localRate = work / localSeconds;
        double sparkRate = work / sparkSeconds;
        out.put("localSeconds", localSeconds);
        out.put("localTrackListenersPerSecond", localRate);
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
        estimate.put("assumes", "the per-core rate measured here, linear scaling over cores, listeners in passes of "
                + "100 over a cached catalogue, and no straggler or I/O bottleneck");
        out.put("estimate", estimate);
        return out;
    }

    private RecommendationEngine engine(String genre, int artists, String model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("model", model);
        values.put("seed", Long.toString(seed));
        values.put("library.source", "generated");
        values.put("library.size", Long.toString(trainingPool));
        values.put("library.genre", genre);
        values.put("library.artists", Integer.toString(artists));
        values.put("features", "generated");
        values.put("features.generated.size", Long.toString(trainingPool));
        values.put("candidates.source", "generated");
        values.put("candidates.size", Long.toString(trainingPool));
        values.put("recommendations", Integer.toString(k));
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("").toAbsolutePath(),
                "audiu spark bench"), Plugins.fromClasspath(), ProgressReporter.NONE);
    }

    private List<Recommendation> rankLocally(TrainedRecommender r, GeneratedCatalogue catalogue) {
        return new PoolRanking(catalogue::candidates, new CandidateFeatures(new FeatureProviderChain(List.of(),
                r.baseSchema())), TrainedRecommender.DEFAULT_BATCH, ProgressReporter.NONE)
                .rank(r, k, tracks).recommendations();
    }

    private JavaRDD<Candidate> generated(SparkSession spark) {
        long size = tracks;
        long s = seed;
        int parts = partitions;
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(java.util.stream.IntStream.range(0, parts).boxed().toList(), parts)
                .flatMap(part -> {
                    GeneratedCatalogue c = new GeneratedCatalogue(size, s, TRACKS_PER_ARTIST);
                    long from = size * part / parts;
                    long to = size * (part + 1) / parts;
                    return java.util.stream.LongStream.range(from, to).mapToObj(c::candidate).iterator();
                });
    }

    private static boolean compare(List<List<Recommendation>> local, CatalogueScoring.Result spark,
                                   Map<String, Object> out) {
        double maxDiff = 0;
        boolean same = true;
        for (int l = 0; l < local.size(); l++) {
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
