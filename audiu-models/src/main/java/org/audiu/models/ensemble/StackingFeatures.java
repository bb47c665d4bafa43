package org.audiu.models.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.audiu.core.FeatureSchema;

/**
 * The meta-learner's input: the log of each member's probability of each label (clipped at {@value #FLOOR}),
 * optionally followed by the original features.
 */
final class StackingFeatures {
    static final double FLOOR = 1e-4;

    private StackingFeatures() {
    }

    static FeatureSchema schema(List<String> memberNames, List<String> labels, FeatureSchema original,
                                boolean passthrough) {
        List<String> names = new ArrayList<>();
        for (String m : memberNames) {
            for (String l : labels) {
                names.add(m + ":" + l);
            }
        }
        if (passthrough) {
            original.names().forEach(n -> names.add("feature:" + n));
        }
        return new FeatureSchema(names);
    }

    /** Writes member {@code m}'s probabilities into the meta rows. */
    static void put(double[][] metaRows, int[] rowIndex, double[][] probabilities, int m, int labels) {
        for (int i = 0; i < probabilities.length; i++) {
            double[] target = metaRows[rowIndex == null ? i : rowIndex[i]];
            for (int j = 0; j < labels; j++) {
                target[m * labels + j] = Math.log(Math.max(FLOOR, probabilities[i][j]));
            }
        }
    }

    /** Appends the original features after the member block. */
    static void passthrough(double[][] metaRows, double[][] rows, int offset) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, metaRows[i], offset, rows[i].length);
        }
    }
}
