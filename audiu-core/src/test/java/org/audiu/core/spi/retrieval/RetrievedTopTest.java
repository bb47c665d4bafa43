package org.audiu.core.spi.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.audiu.core.recommender.TopK;
import org.junit.jupiter.api.Test;

/**
 * {@link Retrieved#top} keeps positions in a primitive heap (issue 24 part 5: a string key per offered position made
 * it half of ranking a large pool); it must select and order exactly as the {@link TopK} it replaced, with its
 * zero-padded position as the tie-breaking key.
 */
class RetrievedTopTest {
    /** The implementation before, kept as the reference. */
    private static Retrieved reference(double[] score, boolean[] excluded, int limit) {
        TopK<Integer> top = new TopK<>(Math.max(1, limit));
        for (int i = 0; i < score.length; i++) {
            if (!excluded[i] && score[i] > 0 && !Double.isNaN(score[i])) {
                top.offer(i, score[i], String.format("%09d", i));
            }
        }
        List<TopK.Scored<Integer>> kept = top.sortedDescending();
        return new Retrieved(kept.stream().mapToInt(TopK.Scored::item).toArray(),
                kept.stream().mapToDouble(TopK.Scored::score).toArray());
    }

    @Test
    void selectsAndOrdersAsTheTopKItReplacedTiesNaNExcludedAndNonPositiveIncluded() {
        Random r = new Random(24);
        int cases = 0;
        for (int n : new int[] {0, 1, 2, 7, 100, 3000}) {
            for (int limit : new int[] {0, 1, 3, 50, 200, 5000}) {
                for (int rep = 0; rep < 5; rep++) {
                    double[] score = new double[n];
                    boolean[] excluded = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        double u = r.nextDouble();
                        // few distinct values, so that ties are the rule; some NaN, zero and negative scores
                        score[i] = u < 0.05 ? Double.NaN : u < 0.1 ? 0 : u < 0.15 ? -1 : r.nextInt(rep + 2) + 1;
                        excluded[i] = r.nextDouble() < 0.1;
                    }
                    Retrieved want = reference(score, excluded, limit);
                    Retrieved got = Retrieved.top(score, excluded, limit);
                    String where = "n " + n + ", limit " + limit + ", rep " + rep;
                    assertArrayEquals(want.positions(), got.positions(), where);
                    assertArrayEquals(want.scores(), got.scores(), where);
                    cases++;
                }
            }
        }
        assertEquals(180, cases);
    }
}
