package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReasonWriterSpacingTest {
    /** Every pair compared by its Euclidean distance, as the reasons' radius was computed before. */
    private static double byEveryPair(double[][] rows) {
        if (rows.length < 2) {
            return 1.0;
        }
        double[] nearest = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < rows.length; j++) {
                if (i != j) {
                    double s = 0;
                    for (int k = 0; k < rows[i].length; k++) {
                        double d = rows[i][k] - rows[j][k];
                        s += d * d;
                    }
                    best = Math.min(best, Math.sqrt(s));
                }
            }
            nearest[i] = best;
        }
        Arrays.sort(nearest);
        return Math.max(1e-9, nearest[nearest.length / 2]);
    }

    @Test
    void theTypicalSpacingIsExactlyThatOfEveryPair() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(300);
            int d = 1 + r.nextInt(14);
            double[][] rows = new double[n][d];
            for (double[] row : rows) {
                for (int k = 0; k < d; k++) {
                    // Some repeated rows and coarse values, so ties and zero distances occur.
                    row[k] = trial % 3 == 0 ? r.nextInt(3) : r.nextGaussian();
                }
            }
            assertEquals(byEveryPair(rows), ReasonWriter.typicalSpacing(rows), 0.0, "trial " + trial);
        }
        assertEquals(1.0, ReasonWriter.typicalSpacing(new double[][] {{1, 2}}), 0.0);
    }
}
