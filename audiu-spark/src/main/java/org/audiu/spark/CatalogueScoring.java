package org.audiu.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a whole catalogue for many listeners on Spark. Listeners are taken in groups of {@code listenersPerPass};
 * for each group the archives are broadcast once, each executor loads them once ({@link BroadcastRecommenders}),
 * every partition keeps a bounded top-k per listener ({@link PartitionScorer}) and the partial tops are merged with
 * {@code treeReduce} ({@link PartialTops#merge}). Only k candidates per listener and partition ever leave an
 * executor; the catalogue is never collected. The result equals what the local engine gives each recommender over
 * the same catalogue: same tracks, same order, same scores and reasons.
 */
public final class CatalogueScoring {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueScoring.class);

    private final SparkSession spark;

    public CatalogueScoring(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    /**
     * @param k                recommendations per listener
     * @param batchSize        candidates scored per model call
     * @param listenersPerPass listeners scored in one pass over the catalogue (their recommenders share executor
     *                         memory); more listeners take more passes over a cached catalogue
     */
    public record Settings(int k, int batchSize, int listenersPerPass) {
        public Settings {
            if (k < 1 || batchSize < 1 || listenersPerPass < 1) {
                throw new IllegalArgumentException("k, batch size and listeners per pass must be >= 1, got " + k
                        + ", " + batchSize + ", " + listenersPerPass);
            }
        }

        public static Settings defaults(int k) {
            return new Settings(k, TrainedRecommender.DEFAULT_BATCH, 100);
        }
    }

    /** One listener's result. {@code scored}: catalogue rows scored (those outside the listener's library). */
    public record ListenerResult(String listener, String source, long scored, List<Recommendation> recommendations) {
        public ListenerResult {
            recommendations = List.copyOf(recommendations);
        }
    }

    /** Which engine ranked when no ranker is given. */
    public static final String SINGLE_STAGE = "single-stage (no ranker: 'spark score --ranker FILE', or "
            + "two-stage.ranker-file in --config FILE, for the two-stage recommender)";

    /**
     * Every listener's result, in the order given, with the catalogue's size and how the work was split.
     *
     * @param engine which engine ranked: {@link #SINGLE_STAGE}, or {@code two-stage (ranker ..., sha256 ...)}
     */
    public record Result(List<ListenerResult> listeners, long catalogueRows, int partitions, int passes,
                         String engine) {
        public Result {
            listeners = List.copyOf(listeners);
            java.util.Objects.requireNonNull(engine, "engine");
        }
    }

    public Result score(CatalogueInput catalogue, List<ListenerArchive> archives, Settings settings) {
        if (archives.isEmpty()) {
            throw new IllegalArgumentException("No listener to score: give at least one --recommender FILE or "
                    + "--train CONFIG");
        }
        List<TrainedRecommender> all = validate(archives);
        Set<String> wanted = new LinkedHashSet<>();
        all.forEach(r -> wanted.addAll(r.baseSchema().names()));
        JavaRDD<Candidate> candidates = catalogue.candidates(spark, new FeatureSchema(new ArrayList<>(wanted)));
        int passes = (archives.size() + settings.listenersPerPass() - 1) / settings.listenersPerPass();
        if (passes > 1) {
            candidates = candidates.persist(StorageLevel.MEMORY_AND_DISK());
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<ListenerResult> results = new ArrayList<>();
        long rows = 0;
        try {
            for (int from = 0; from < archives.size(); from += settings.listenersPerPass()) {
                List<ListenerArchive> group = archives.subList(from, Math.min(archives.size(),
                        from + settings.listenersPerPass()));
                List<TrainedRecommender> loaded = all.subList(from, from + group.size());
                Broadcast<BroadcastRecommenders> shipped = sc.broadcast(new BroadcastRecommenders(group));
                try {
                    int k = settings.k();
                    PartialTops merged = candidates
                            .mapPartitions(new PartitionScorer(shipped, k, settings.batchSize()))
                            .treeReduce((a, b) -> PartialTops.merge(a, b, shipped.value().recommenders(), k), 2);
                    rows = merged.rows();
                    List<List<Recommendation>> recs = merged.recommendations(loaded, k);
                    for (int l = 0; l < group.size(); l++) {
                        results.add(new ListenerResult(group.get(l).listener(), group.get(l).source(),
                                merged.scored()[l], recs.get(l)));
                    }
                } finally {
                    shipped.destroy();
                }
            }
        } finally {
            if (passes > 1) {
                candidates.unpersist();
            }
        }
        LOG.info("Scored {} catalogue rows for {} listeners in {} partitions, {} pass(es)", rows, archives.size(),
                candidates.getNumPartitions(), passes);
        return new Result(results, rows, candidates.getNumPartitions(), passes, SINGLE_STAGE);
    }

    /** Loads every archive once on the driver, so a corrupt file fails here, named, before any task starts. */
    private static List<TrainedRecommender> validate(List<ListenerArchive> archives) {
        Set<String> names = new LinkedHashSet<>();
        List<TrainedRecommender> out = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ListenerArchive a : archives) {
            if (!names.add(a.listener())) {
                throw new DataException("Two listeners are named '" + a.listener() + "' (" + a.source() + "); give "
                        + "each a distinct name (--recommender NAME=FILE).");
            }
            out.add(RecommenderFiles.fromBytes(a.bytes(), a.source(), loader));
        }
        return out;
    }
}
