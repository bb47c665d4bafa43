package org.audiu.models.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CompiledTrees} against a plain row-by-row walk of the same random trees: both combinations, missing values
 * sent either way, thresholds at -0.0 and 0.0, rows exactly on thresholds, single-leaf trees, and batches that end
 * inside a block.
 */
class CompiledTreesTest {
    private static final List<String> LABELS = List.of("a", "b", "c");
    private static final int FEATURES = 5;

    /** A random tree in plain arrays, walked row by row as the reference. */
    private record PlainTree(int[] feature, float[] threshold, boolean[] missingLeft, int[] left, int[] right,
                             float[][] distribution, int[] label, float[] margin) {
        int leafOf(double[] row) {
            int n = 0;
            while (feature[n] >= 0) {
                float v = (float) row[feature[n]];
                n = (v != v ? missingLeft[n] : v <= threshold[n]) ? left[n] : right[n];
            }
            return n;
        }
    }

    private static final float[] SPECIAL = {0f, -0f, 1.5f, -2.25f};

    private static PlainTree randomTree(Random r, int maxNodes) {
        return randomTree(r, maxNodes, -1);
    }

    /** With {@code onlyLabel >= 0}, every margin leaf adds to that label (as in boosted trees). */
    private static PlainTree randomTree(Random r, int maxNodes, int onlyLabel) {
        int capacity = 2 * maxNodes + 1;
        int[] feature = new int[capacity];
        float[] threshold = new float[capacity];
        boolean[] missingLeft = new boolean[capacity];
        int[] left = new int[capacity];
        int[] right = new int[capacity];
        float[][] distribution = new float[capacity][];
        int[] label = new int[capacity];
        float[] margin = new float[capacity];
        int[] depth = new int[capacity];
        int size = 1;
        // Nodes are numbered in the order they are expanded (not breadth first), so layout matters to the test.
        for (int n = 0; n < size; n++) {
            boolean split = size + 2 <= capacity && depth[n] < 12 && (n == 0 ? r.nextInt(6) > 0 : r.nextInt(3) > 0)
                    && size < maxNodes;
            if (split) {
                feature[n] = r.nextInt(FEATURES);
                threshold[n] = r.nextInt(4) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)]
                        : (float) (Math.round(r.nextGaussian() * 8) / 4.0);
                missingLeft[n] = r.nextBoolean();
                left[n] = size + 1;
                right[n] = size;
                depth[size] = depth[size + 1] = depth[n] + 1;
                size += 2;
            } else {
                feature[n] = -1;
                float[] d = new float[LABELS.size()];
                if (r.nextBoolean()) {
                    d[r.nextInt(d.length)] = 1f;
                } else {
                    float total = 0;
                    for (int j = 0; j < d.length; j++) {
                        d[j] = r.nextInt(5);
                        total += d[j];
                    }
                    for (int j = 0; j < d.length; j++) {
                        d[j] = total == 0 ? 1f / d.length : d[j] / total;
                    }
                }
                distribution[n] = d;
                label[n] = onlyLabel >= 0 ? onlyLabel : r.nextInt(LABELS.size());
                margin[n] = (float) r.nextGaussian();
            }
        }
        return new PlainTree(java.util.Arrays.copyOf(feature, size), threshold, missingLeft, left, right,
                distribution, label, margin);
    }

    private static double[][] rows(Random r, int n) {
        double[][] rows = new double[n][FEATURES];
        for (double[] row : rows) {
            for (int j = 0; j < FEATURES; j++) {
                int kind = r.nextInt(12);
                row[j] = kind == 0 ? Double.NaN : kind == 1 ? SPECIAL[r.nextInt(SPECIAL.length)]
                        : kind == 2 ? Math.nextUp((float) (Math.round(r.nextGaussian() * 8) / 4.0))
                        : Math.round(r.nextGaussian() * 8) / 4.0;
            }
        }
        return rows;
    }

    private static void add(CompiledTrees.Builder b, PlainTree t, boolean margins) {
        b.startTree();
        for (int n = 0; n < t.feature().length; n++) {
            if (t.feature()[n] >= 0) {
                b.split(n, t.feature()[n], t.threshold()[n], t.missingLeft()[n], t.left()[n], t.right()[n]);
            } else if (margins) {
                b.leaf(n, t.label()[n], t.margin()[n]);
            } else {
                b.leaf(n, t.distribution()[n]);
            }
        }
    }

    @Test
    void meanOfDistributionsEqualsTheRowByRowWalk() {
        Random r = new Random(1);
        for (int trial = 0; trial < 6; trial++) {
            PlainTree[] trees = new PlainTree[1 + r.nextInt(40)];
            CompiledTrees.Builder b = CompiledTrees.builder(LABELS, FEATURES);
            for (int t = 0; t < trees.length; t++) {
                trees[t] = randomTree(r, 2 + r.nextInt(120));
                add(b, trees[t], false);
            }
            CompiledTrees compiled = b.meanOfDistributions("test forest");
            int n = 1 + r.nextInt(900);
            double[][] rows = rows(r, n);
            double[] out = new double[n * LABELS.size()];
            compiled.scores(rows, n, out);
            assertMeanOfWalkedDistributions(trees, rows, out, "trial " + trial + " ");
        }
    }

    /**
     * Exactly (not to a tolerance) the arithmetic the kernels promise: the distribution leaves summed in double in
     * tree order, then each label's count of pure leaves, divided by the total; whichever pure label the kernels
     * count by difference. Forests with many pure leaves of one label, of another, and mixed; batches over several
     * blocks.
     */
    @Test
    void meanOfDistributionsIsExactlyTheKernelsArithmetic() {
        Random r = new Random(3);
        for (int trial = 0; trial < 6; trial++) {
            PlainTree[] trees = new PlainTree[1 + r.nextInt(50)];
            CompiledTrees.Builder b = CompiledTrees.builder(LABELS, FEATURES);
            int favoured = trial % 3;
            for (int t = 0; t < trees.length; t++) {
                PlainTree tree = randomTree(r, 2 + r.nextInt(150));
                for (int n = 0; n < tree.feature().length; n++) {
                    // Most leaves pure, mostly on one label, so that label is the one counted by difference.
                    if (tree.feature()[n] < 0 && r.nextInt(4) > 0) {
                        float[] d = new float[LABELS.size()];
                        d[r.nextInt(3) == 0 ? r.nextInt(d.length) : favoured] = 1f;
                        tree.distribution()[n] = d;
                    }
                }
                trees[t] = tree;
                add(b, tree, false);
            }
            CompiledTrees compiled = b.meanOfDistributions("test forest");
            int n = 1 + r.nextInt(1500);
            double[][] rows = rows(r, n);
            double[] out = new double[n * LABELS.size()];
            compiled.scores(rows, n, out);
            for (int i = 0; i < n; i++) {
                double[] sums = new double[LABELS.size()];
                int[] counts = new int[LABELS.size()];
                for (PlainTree t : trees) {
                    float[] d = t.distribution()[t.leafOf(rows[i])];
                    // Pure: 1 on one label, 0 on the others.
                    int pure = -1;
                    int zeros = 0;
                    for (int j = 0; j < d.length; j++) {
                        pure = d[j] == 1f ? j : pure;
                        zeros += d[j] == 0f ? 1 : 0;
                    }
                    if (pure >= 0 && zeros == d.length - 1) {
                        counts[pure]++;
                    } else {
                        for (int j = 0; j < d.length; j++) {
                            sums[j] += d[j];
                        }
                    }
                }
                double total = 0;
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += counts[j];
                    total += sums[j];
                }
                for (int j = 0; j < sums.length; j++) {
                    assertEquals(sums[j] / total, out[i * LABELS.size() + j], 0.0, "trial " + trial + " row " + i);
                }
            }
        }
    }

    @Test
    void softmaxOfMarginsEqualsTheRowByRowWalkInFloat() {
        Random r = new Random(2);
        for (int trial = 0; trial < 6; trial++) {
            PlainTree[] trees = new PlainTree[1 + r.nextInt(60)];
            CompiledTrees.Builder b = CompiledTrees.builder(LABELS, FEATURES);
            for (int t = 0; t < trees.length; t++) {
                // Odd trials: one label per tree, so leaves are found through leaf-index bit planes.
                trees[t] = randomTree(r, 2 + r.nextInt(trial == 5 ? 600 : 64), trial % 2 == 1 ? t % 3 : -1);
                add(b, trees[t], true);
            }
            CompiledTrees compiled = b.softmaxOfMargins(0.5f, "test boosting");
            int n = 1 + r.nextInt(700);
            double[][] rows = rows(r, n);
            double[] out = new double[n * LABELS.size()];
            compiled.scores(rows, n, out);
            for (int i = 0; i < n; i++) {
                float[] margins = {0.5f, 0.5f, 0.5f};
                for (PlainTree t : trees) {
                    int leaf = t.leafOf(rows[i]);
                    margins[t.label()[leaf]] += t.margin()[leaf];
                }
                // Exactly XGBoost's float softmax, as the kernels compute it.
                float max = Math.max(margins[0], Math.max(margins[1], margins[2]));
                float[] e = new float[3];
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    e[j] = (float) Math.exp(margins[j] - max);
                    sum += e[j];
                }
                for (int j = 0; j < 3; j++) {
                    assertEquals(e[j] / (float) sum, out[i * 3 + j], 0.0, "trial " + trial);
                }
            }
        }
    }

    /**
     * Features with thousands of distinct thresholds (more than a block has rows) next to features with few, in
     * one forest: the same leaves as the row-by-row walk, on rows exactly on thresholds, just above them and
     * missing.
     */
    @Test
    void featuresWithManyDistinctThresholdsScoreLikeTheWalk() {
        Random r = new Random(4);
        PlainTree[] trees = new PlainTree[200];
        CompiledTrees.Builder b = CompiledTrees.builder(LABELS, FEATURES);
        for (int t = 0; t < trees.length; t++) {
            PlainTree tree = randomTree(r, 300);
            for (int n = 0; n < tree.feature().length; n++) {
                if (tree.feature()[n] == 0 || tree.feature()[n] == 2) {
                    tree.threshold()[n] = (r.nextInt(40_001) - 20_000) / 1000f;
                }
            }
            trees[t] = tree;
            add(b, tree, false);
        }
        CompiledTrees compiled = b.meanOfDistributions("fine thresholds");
        java.util.Set<Float> distinct = new java.util.HashSet<>();
        for (PlainTree t : trees) {
            for (int n = 0; n < t.feature().length; n++) {
                if (t.feature()[n] == 0) {
                    distinct.add(t.threshold()[n]);
                }
            }
        }
        assertTrue(distinct.size() > 4 * CompiledTrees.BLOCK, distinct.size() + " distinct thresholds");
        int n = 1300;
        double[][] rows = rows(r, n);
        for (double[] row : rows) {
            for (int j : new int[] {0, 2}) {
                float v = (r.nextInt(40_001) - 20_000) / 1000f;
                int kind = r.nextInt(4);
                row[j] = kind == 0 ? Double.NaN : kind == 1 ? Math.nextUp(v) : v;
            }
        }
        double[] out = new double[n * LABELS.size()];
        compiled.scores(rows, n, out);
        assertMeanOfWalkedDistributions(trees, rows, out, "");
    }

    /** Each row's scores are the normalised sum of the leaf distributions a plain walk of every tree reaches. */
    private static void assertMeanOfWalkedDistributions(PlainTree[] trees, double[][] rows, double[] out,
                                                        String where) {
        for (int i = 0; i < rows.length; i++) {
            double[] acc = new double[LABELS.size()];
            for (PlainTree t : trees) {
                float[] d = t.distribution()[t.leafOf(rows[i])];
                for (int j = 0; j < acc.length; j++) {
                    acc[j] += d[j];
                }
            }
            double total = 0;
            for (double v : acc) {
                total += v;
            }
            for (int j = 0; j < acc.length; j++) {
                assertEquals(acc[j] / total, out[i * LABELS.size() + j], 1e-12, where + "row " + i);
            }
        }
    }

    @Test
    void singleRowsAndSingleLeafTreesWork() {
        CompiledTrees.Builder b = CompiledTrees.builder(LABELS, FEATURES);
        b.startTree().leaf(0, new float[] {0.25f, 0.25f, 0.5f});
        b.startTree().split(0, 3, 0f, true, 2, 1).leaf(1, new float[] {1, 0, 0}).leaf(2, new float[] {0, 0, 1});
        CompiledTrees compiled = b.meanOfDistributions("tiny");
        double[] out = new double[3];
        compiled.scores(new double[] {0, 0, 0, -0.0, 0}, out);
        assertEquals(0.125, out[0]);
        assertEquals(0.75, out[2]);
        compiled.scores(new double[] {0, 0, 0, Double.NaN, 0}, out);
        assertEquals(0.75, out[2], "missing goes left, to node 2");
        compiled.scores(new double[] {0, 0, 0, 1e-30, 0}, out);
        assertEquals(0.625, out[0]);
        assertTrue(compiled.describe().contains("2 trees, 4 nodes"), compiled.describe());
    }

    @Test
    void malformedTreesAreRejectedWithTheReason() {
        CompiledTrees.Builder b = CompiledTrees.builder(LABELS, FEATURES);
        b.startTree().split(0, 1, 1f, false, 1, 2).leaf(1, new float[] {1, 0, 0});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.meanOfDistributions("x"));
        assertTrue(e.getMessage().contains("split 0 has the missing, repeated or shared child 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CompiledTrees.builder(LABELS, FEATURES).startTree()
                .split(0, FEATURES, 1f, false, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> CompiledTrees.builder(LABELS, FEATURES).startTree()
                .leaf(0, new float[] {1, 0}));
        CompiledTrees.Builder mixed = CompiledTrees.builder(LABELS, FEATURES);
        mixed.startTree().leaf(0, new float[] {1, 0, 0});
        assertThrows(IllegalStateException.class, () -> mixed.startTree().leaf(0, 1, 0.5f));
        CompiledTrees.Builder cycle = CompiledTrees.builder(LABELS, FEATURES);
        cycle.startTree().split(0, 1, 1f, false, 1, 0).leaf(1, new float[] {1, 0, 0});
        assertThrows(IllegalStateException.class, () -> cycle.meanOfDistributions("x"));
    }
}
