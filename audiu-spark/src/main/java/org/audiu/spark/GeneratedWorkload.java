package org.audiu.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
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
 * A generated catalogue and listeners to score over it, the same for every run with one seed: listener {@code i}
 * is the generated genre {@code i mod genres}'s listener, trained on the driver with {@code models[i mod models]}
 * on the catalogue's first {@code trainingPool} tracks; the local engine's answer for each is its pool pass over
 * the whole generated catalogue. Used by {@code audiu spark bench} and the standalone-cluster test.
 *
 * @param tracks       catalogue size
 * @param models       trainers, used in turn
 * @param trainingPool the pool prefix the listeners train on (the tracks are the same at any catalogue size)
 * @param k            recommendations per listener
 */
public record GeneratedWorkload(long tracks, List<String> models, long trainingPool, int k, long seed) {
    static final int TRACKS_PER_ARTIST = 20;

    public GeneratedWorkload {
        models = List.copyOf(models);
        if (tracks < 1 || models.isEmpty() || trainingPool < 1 || k < 1) {
            throw new IllegalArgumentException("tracks, training pool and k must be >= 1 and one model given, got "
                    + tracks + ", " + trainingPool + ", " + k + ", " + models);
        }
        trainingPool = Math.min(trainingPool, tracks);
    }

    /** One trained listener: its archive as the job ships it, and the recommender the local engine runs. */
    public record Listener(ListenerArchive archive, TrainedRecommender recommender) {
    }

    /** Trains {@code count} listeners named {@code listener-0} ... on the driver. */
    public List<Listener> train(int count) {
        List<Listener> out = new ArrayList<>(count);
        List<String> genres = DemoCatalog.genres();
        for (int i = 0; i < count; i++) {
            String genre = genres.get(i % genres.size());
            String model = models.get(i % models.size());
            TrainedRecommender r = engine(genre, 10 + i / genres.size(), model).train();
            try {
                out.add(new Listener(new ListenerArchive("listener-" + i, model + " " + genre,
                        RecommenderFiles.toBytes(r)), r));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write listener " + i + "'s recommender", e);
            }
        }
        return out;
    }

    /** The catalogue as Spark candidates, generated inside {@code partitions} tasks (for writing Parquet). */
    public JavaRDD<Candidate> candidates(SparkSession spark, int partitions) {
        long size = tracks;
        long s = seed;
        int parts = partitions;
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(IntStream.range(0, parts).boxed().toList(), parts)
                .flatMap(part -> {
                    GeneratedCatalogue c = new GeneratedCatalogue(size, s, TRACKS_PER_ARTIST);
                    long from = size * part / parts;
                    long to = size * (part + 1) / parts;
                    return LongStream.range(from, to).mapToObj(c::candidate).iterator();
                });
    }

    /** The local engine's list for one recommender: its pool pass over the generated catalogue, one thread. */
    public List<Recommendation> rankLocally(TrainedRecommender r) {
        return rankLocally(r, tracks);
    }

    /** As {@link #rankLocally(TrainedRecommender)} over the catalogue's first {@code size} tracks (a warm-up). */
    public List<Recommendation> rankLocally(TrainedRecommender r, long size) {
        GeneratedCatalogue catalogue = new GeneratedCatalogue(size, seed, TRACKS_PER_ARTIST);
        return new PoolRanking(catalogue::candidates, new CandidateFeatures(new FeatureProviderChain(List.of(),
                r.baseSchema())), TrainedRecommender.DEFAULT_BATCH, ProgressReporter.NONE)
                .rank(r, k, size).recommendations();
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
                "generated workload"), Plugins.fromClasspath(), ProgressReporter.NONE);
    }
}
