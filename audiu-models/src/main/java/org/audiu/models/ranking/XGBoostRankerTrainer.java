package org.audiu.models.ranking;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.twostage.RankerTrainer;
import org.audiu.core.twostage.RankingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the two-stage recommender's ranker with XGBoost (xgboost4j, on the classpath through Tribuo) and a ranking
 * objective over query groups (one query per playlist), then compiles it ({@link CompiledRanker}). Parameters, under
 * {@code two-stage.ranker.}: {@code objective} ({@code rank:ndcg}, {@code rank:pairwise} or {@code rank:map}; default
 * {@code rank:ndcg}), {@code rounds} (200), {@code max-depth} (6), {@code eta} (0.1), {@code min-child-weight} (1),
 * {@code subsample} (0.8), {@code colsample} (0.8), {@code threads} (1). Deterministic for a seed (histogram trees).
 */
public final class XGBoostRankerTrainer implements RankerTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(XGBoostRankerTrainer.class);
    /** The ranking objectives XGBoost offers. */
    public static final List<String> OBJECTIVES = List.of("rank:ndcg", "rank:pairwise", "rank:map");

    /** The trainer's parameters, each checked. */
    public record Settings(String objective, int rounds, int maxDepth, double eta, double minChildWeight,
                           double subsample, double colsample, int threads) {
        public Settings {
            Objects.requireNonNull(objective, "objective");
            if (!OBJECTIVES.contains(objective)) {
                throw new IllegalArgumentException("objective must be one of " + OBJECTIVES + ", got " + objective);
            }
            if (rounds < 1 || maxDepth < 1 || threads < 1) {
                throw new IllegalArgumentException("rounds, max-depth and threads must be >= 1, got " + rounds + ", "
                        + maxDepth + ", " + threads);
            }
            if (!(eta > 0 && eta <= 1) || !(minChildWeight >= 0) || !(subsample > 0 && subsample <= 1)
                    || !(colsample > 0 && colsample <= 1)) {
                throw new IllegalArgumentException("eta and subsample and colsample must be in (0, 1], "
                        + "min-child-weight >= 0; got " + eta + ", " + subsample + ", " + colsample + ", "
                        + minChildWeight);
            }
        }

        public static Settings defaults() {
            return new Settings("rank:ndcg", 200, 6, 0.1, 1, 0.8, 0.8, 1);
        }
    }

    private final Settings settings;

    public XGBoostRankerTrainer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Reads {@code two-stage.ranker.*} and fails on a key it does not know. */
    public static XGBoostRankerTrainer fromConfig(ComponentConfig c) {
        Settings d = Settings.defaults();
        XGBoostRankerTrainer t = new XGBoostRankerTrainer(new Settings(
                c.getChoice("objective", d.objective(), OBJECTIVES), c.getInt("rounds", d.rounds(), 1, 100_000),
                c.getInt("max-depth", d.maxDepth(), 1, 30), c.getDouble("eta", d.eta(), 1e-6, 1),
                c.getDouble("min-child-weight", d.minChildWeight(), 0, 1e6),
                c.getDouble("subsample", d.subsample(), 0.01, 1), c.getDouble("colsample", d.colsample(), 0.01, 1),
                c.getInt("threads", d.threads(), 1, 1024)));
        c.failOnUnreadKeys();
        return t;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("objective", settings.objective());
        p.put("rounds", Integer.toString(settings.rounds()));
        p.put("max-depth", Integer.toString(settings.maxDepth()));
        p.put("eta", Double.toString(settings.eta()));
        p.put("min-child-weight", Double.toString(settings.minChildWeight()));
        p.put("subsample", Double.toString(settings.subsample()));
        p.put("colsample", Double.toString(settings.colsample()));
        p.put("threads", Integer.toString(settings.threads()));
        return p;
    }

    @Override
    public CompiledRanker train(List<RankingQuery> queries, List<String> features, long seed) {
        List<RankingQuery> used = queries.stream().filter(RankingQuery::hasRelevant).toList();
        if (used.isEmpty()) {
            throw new IllegalArgumentException("None of the " + queries.size() + " ranking queries has a relevant "
                    + "candidate: the retrievers found none of the hidden tracks, so there is nothing to learn. "
                    + "Raise two-stage.candidates or add retrievers.");
        }
        int cols = features.size();
        int rows = used.stream().mapToInt(q -> q.labels().length).sum();
        float[] data = new float[rows * cols];
        float[] labels = new float[rows];
        int[] groups = new int[used.size()];
        Set<String> trainedOn = new LinkedHashSet<>();
        int r = 0;
        for (int q = 0; q < used.size(); q++) {
            RankingQuery query = used.get(q);
            trainedOn.add(query.playlistId());
            groups[q] = query.labels().length;
            for (int i = 0; i < query.labels().length; i++) {
                double[] row = query.rows()[i];
                if (row.length != cols) {
                    throw new IllegalArgumentException("Query " + query.playlistId() + " has a row of " + row.length
                            + " values for " + cols + " features");
                }
                for (int j = 0; j < cols; j++) {
                    data[r * cols + j] = (float) row[j];
                }
                labels[r++] = query.labels()[i];
            }
        }
        long start = System.nanoTime();
        DMatrix matrix = null;
        Booster booster = null;
        try {
            matrix = new DMatrix(data, rows, cols, Float.NaN);
            matrix.setLabel(labels);
            matrix.setGroup(groups);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", settings.objective());
            params.put("eta", settings.eta());
            params.put("max_depth", settings.maxDepth());
            params.put("min_child_weight", settings.minChildWeight());
            params.put("subsample", settings.subsample());
            params.put("colsample_bytree", settings.colsample());
            params.put("tree_method", "hist");
            params.put("nthread", settings.threads());
            params.put("seed", (int) (seed ^ (seed >>> 32)));
            params.put("verbosity", 0);
            booster = XGBoost.train(matrix, params, settings.rounds(), new HashMap<>(), null, null);
            byte[] json = booster.toByteArray("json");
            CompiledRanker ranker = new CompiledRanker(json, features, trainedOn, parameters());
            LOG.debug("Ranker trained on {} queries, {} rows in {} ms", used.size(), rows,
                    (System.nanoTime() - start) / 1_000_000);
            return ranker;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train the ranker: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("The trained ranker could not be compiled: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }
}
