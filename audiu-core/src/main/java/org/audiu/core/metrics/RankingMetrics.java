package org.audiu.core.metrics;

import java.util.List;
import java.util.Set;

/**
 * Top-k metrics of one ranked list against a set of relevant items (binary relevance), as used for playlist
 * continuation.
 *
 * @param precision  P@k: relevant items among the first k, divided by k
 * @param recall     recall@k: relevant items among the first k, divided by the number of relevant items
 * @param ndcg       NDCG@k: DCG of the first k (gain 1 / log2(rank + 1)) divided by the DCG of a perfect list
 * @param rPrecision relevant items among the first R (R = number of relevant items), divided by R
 * @param hitRate    1 when at least one of the first k is relevant, else 0
 */
public record RankingMetrics(double precision, double recall, double ndcg, double rPrecision, double hitRate) {
    /** The metric names in {@link #values()} order, as the CLI prints them. */
    public static final List<String> NAMES = List.of("p@k", "recall@k", "ndcg@k", "rprec", "hit@k");

    /**
     * Scores a ranked list.
     *
     * @param ranked   items best first (at least max(k, R) of them for exact R-precision; fewer count as misses)
     * @param relevant the relevant items; must not be empty
     * @param k        the cut-off, at least 1
     */
    public static RankingMetrics of(List<String> ranked, Set<String> relevant, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("No relevant items: the metrics are undefined");
        }
        int hits = 0;
        double dcg = 0;
        int cut = Math.min(k, ranked.size());
        for (int i = 0; i < cut; i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
                dcg += 1.0 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1.0 / log2(i + 2);
        }
        int r = relevant.size();
        int rHits = 0;
        for (int i = 0; i < Math.min(r, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                rHits++;
            }
        }
        return new RankingMetrics((double) hits / k, (double) hits / r, dcg / ideal, (double) rHits / r,
                hits > 0 ? 1 : 0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The values in {@link #NAMES} order. */
    public double[] values() {
        return new double[] {precision, recall, ndcg, rPrecision, hitRate};
    }

    /** The mean of several results, metric by metric. */
    public static RankingMetrics mean(List<RankingMetrics> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("No results to average");
        }
        double[] sum = new double[5];
        for (RankingMetrics m : all) {
            double[] v = m.values();
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        int n = all.size();
        return new RankingMetrics(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n);
    }
}
