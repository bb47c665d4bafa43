package org.audiu.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Small cases computed by hand. */
class RankingMetricsTest {
    private static final double EPS = 1e-12;

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void hitsAtRanksOneAndThreeOfFive() {
        // relevant {a, c, x, y}; ranked a b c d e; k = 5
        RankingMetrics m = RankingMetrics.of(List.of("a", "b", "c", "d", "e"), Set.of("a", "c", "x", "y"), 5);
        assertEquals(2.0 / 5, m.precision(), EPS);
        assertEquals(2.0 / 4, m.recall(), EPS);
        double dcg = 1 + 1 / log2(4);
        double ideal = 1 + 1 / log2(3) + 1 / log2(4) + 1 / log2(5);
        assertEquals(dcg / ideal, m.ndcg(), EPS);
        // R = 4: the first four hold a and c
        assertEquals(2.0 / 4, m.rPrecision(), EPS);
        assertEquals(1.0, m.hitRate(), EPS);
    }

    @Test
    void perfectAndEmptyLists() {
        RankingMetrics perfect = RankingMetrics.of(List.of("a", "b", "z"), Set.of("a", "b"), 3);
        assertEquals(2.0 / 3, perfect.precision(), EPS);
        assertEquals(1.0, perfect.recall(), EPS);
        assertEquals(1.0, perfect.ndcg(), EPS);
        assertEquals(1.0, perfect.rPrecision(), EPS);
        RankingMetrics miss = RankingMetrics.of(List.of("x", "y"), Set.of("a"), 10);
        assertEquals(0, miss.precision(), EPS);
        assertEquals(0, miss.recall(), EPS);
        assertEquals(0, miss.ndcg(), EPS);
        assertEquals(0, miss.rPrecision(), EPS);
        assertEquals(0, miss.hitRate(), EPS);
    }

    @Test
    void cutOffIgnoresHitsBelowK() {
        // relevant at rank 3 only, k = 2: nothing counts for @k, but R-precision with R = 3 sees it.
        RankingMetrics m = RankingMetrics.of(List.of("x", "y", "a", "b"), Set.of("a", "q", "r"), 2);
        assertEquals(0, m.precision(), EPS);
        assertEquals(0, m.recall(), EPS);
        assertEquals(0, m.ndcg(), EPS);
        assertEquals(0, m.hitRate(), EPS);
        assertEquals(1.0 / 3, m.rPrecision(), EPS);
    }

    @Test
    void ndcgWithOneRelevantDependsOnlyOnItsRank() {
        assertEquals(1.0, RankingMetrics.of(List.of("a", "x"), Set.of("a"), 10).ndcg(), EPS);
        assertEquals(1 / log2(3), RankingMetrics.of(List.of("x", "a"), Set.of("a"), 10).ndcg(), EPS);
        assertEquals(0.5, RankingMetrics.of(List.of("x", "y", "a"), Set.of("a"), 10).ndcg(), EPS);
    }

    @Test
    void meanAveragesEachMetric() {
        RankingMetrics a = new RankingMetrics(0.1, 0.2, 0.3, 0.4, 1);
        RankingMetrics b = new RankingMetrics(0.3, 0.4, 0.5, 0.6, 0);
        RankingMetrics m = RankingMetrics.mean(List.of(a, b));
        assertEquals(0.2, m.precision(), EPS);
        assertEquals(0.3, m.recall(), EPS);
        assertEquals(0.4, m.ndcg(), EPS);
        assertEquals(0.5, m.rPrecision(), EPS);
        assertEquals(0.5, m.hitRate(), EPS);
    }

    @Test
    void undefinedCasesFail() {
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.of(List.of("a"), Set.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.of(List.of("a"), Set.of("a"), 0));
    }
}
