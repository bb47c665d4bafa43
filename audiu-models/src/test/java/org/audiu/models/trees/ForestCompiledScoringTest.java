package org.audiu.models.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;

/**
 * audiU forests score through their compiled form ({@code CompiledTrees}) with the results of the tree-by-tree walk
 * ({@link ForestModel#predictReference}) to 1e-6, on training rows, random rows, rows with missing values and rows
 * sitting exactly on every split threshold (and one float step either side).
 */
class ForestCompiledScoringTest {
    private static final double TOLERANCE = 1e-6;

    /** Training rows, noisy copies with some NaN, and rows on, just below and just above every threshold. */
    static double[][] probeRows(LabelledData data, ForestModel model, long seed) {
        Random r = new Random(seed);
        List<double[]> rows = new ArrayList<>(List.of(data.featureMatrix()));
        int d = data.schema().size();
        for (int i = 0; i < 3000; i++) {
            double[] row = data.examples().get(r.nextInt(data.size())).features();
            for (int j = 0; j < d; j++) {
                row[j] += r.nextGaussian() * 2;
                if (r.nextInt(30) == 0) {
                    row[j] = Double.NaN;
                }
            }
            rows.add(row);
        }
        // Tree preprocessing only imputes: a raw value equal to a threshold lands exactly on it.
        for (Tree t : model.treeList()) {
            for (int n = 0; n < t.nodes(); n++) {
                if (t.feature[n] < 0) {
                    continue;
                }
                float threshold = t.threshold[n];
                for (double v : new double[] {threshold, Math.nextDown(threshold), Math.nextUp(threshold),
                        (double) threshold + 1e-12}) {
                    double[] row = data.examples().get(r.nextInt(data.size())).features();
                    row[t.feature[n]] = v;
                    rows.add(row);
                }
            }
        }
        return rows.toArray(double[][]::new);
    }

    static void assertSameAsReference(ForestModel model, LabelledData data) {
        double[][] rows = probeRows(data, model, 7);
        double[][] fast = model.predictProbabilities(rows);
        double[][] reference = model.predictReference(rows);
        double worst = 0;
        for (int i = 0; i < rows.length; i++) {
            assertEquals(reference[i].length, fast[i].length);
            for (int j = 0; j < reference[i].length; j++) {
                worst = Math.max(worst, Math.abs(fast[i][j] - reference[i][j]));
            }
        }
        assertTrue(worst <= TOLERANCE, "largest difference from the reference " + worst + " over " + rows.length
                + " rows");
        for (int c = 0; c < model.labels().size(); c++) {
            double[] column = model.probabilityOf(model.labels().get(c), rows);
            for (int i = 0; i < rows.length; i++) {
                assertEquals(reference[i][c], column[i], TOLERANCE, "probabilityOf row " + i);
            }
        }
        assertTrue(model.compiled().orElseThrow().describe().contains(model.trees() + " trees"),
                model.compiled().orElseThrow().describe());
    }

    @Test
    void randomForestAsTrainedByDefaultIsExact() {
        LabelledData data = ForestTrainerTest.xor(600, 11);
        assertSameAsReference((ForestModel) ForestTrainerTest.forest("random-forest", Map.of("trees", "40"), 3)
                .train(data), data);
    }

    @Test
    void extraTreesAreExact() {
        LabelledData data = ForestTrainerTest.xor(500, 12);
        assertSameAsReference((ForestModel) ForestTrainerTest.forest("extra-trees", Map.of("trees", "30"), 4)
                .train(data), data);
    }

    @Test
    void multiClassForestsWithDistributionLeavesAreExact() {
        // Shallow trees and large leaves: most leaves hold a distribution, not one class.
        LabelledData data = TestData.blobs(4, 150, 5, 13);
        assertSameAsReference((ForestModel) ForestTrainerTest.forest("random-forest", Map.of("trees", "25",
                "max-depth", "4", "min-samples-leaf", "7"), 5).train(data), data);
        assertSameAsReference((ForestModel) ForestTrainerTest.forest("extra-trees", Map.of("trees", "20",
                "min-samples-leaf", "3"), 6).train(data), data);
    }

    @Test
    void aForestWhoseNodesShareAChildIsScoredTreeByTree() {
        // Readable from a file (children after parents, in range) but not a tree: nodes 0 and 1 share node 2.
        Tree shared = new Tree(new int[] {0, 1, -1, -1}, new float[] {0.5f, 1.5f, 0, 0}, new int[] {1, 2, 0, 1},
                new float[0], 2);
        LabelledData data = ForestTrainerTest.xor(50, 15);
        org.audiu.models.prep.FeaturePipeline pipeline = org.audiu.models.prep.FeaturePipeline.fit(data.schema(),
                data.featureMatrix(), org.audiu.models.prep.PreprocessingOptions.forTrees());
        ForestModel model = new ForestModel(List.of(shared), pipeline, new org.audiu.core.spi.training.ModelProvenance(
                "random-forest", Map.of(), 1, data.size(), data.schema(), data.labels(), pipeline.describe(),
                Map.of(), java.time.Instant.EPOCH));
        assertTrue(model.compiled().isEmpty());
        double[][] rows = {{0, 0, 0}, {1, 0, 0}, {0, 2, 0}};
        double[][] p = model.predictProbabilities(rows);
        assertEquals(1.0, p[0][0], "node 0 -> 1 -> 2: class 0");
        assertEquals(1.0, p[1][0], "node 0 -> 2: class 0");
        assertEquals(1.0, p[2][1], "node 0 -> 1 -> 3: class 1");
        assertEquals(1.0, model.probabilityOf(model.labels().get(1), rows)[2]);
    }

    @Test
    void largeBatchesAreScoredInParallelWithTheSameResults() {
        LabelledData data = ForestTrainerTest.xor(400, 14);
        ForestModel model = (ForestModel) ForestTrainerTest.forest("random-forest", Map.of("trees", "20"), 8)
                .train(data);
        Random r = new Random(3);
        double[][] rows = new double[20_011][3];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.round(r.nextGaussian() * 8) / 4.0;
            }
        }
        double[][] fast = model.predictProbabilities(rows);
        double[][] reference = model.predictReference(rows);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(reference[i][0], fast[i][0], TOLERANCE, "row " + i);
            assertEquals(reference[i][1], fast[i][1], TOLERANCE, "row " + i);
        }
    }
}
