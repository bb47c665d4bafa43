package org.audiu.models.compiled;

import java.util.List;
import java.util.Locale;

/**
 * Decision trees in flat arrays: one node table for every tree of a forest (or a single tree). Node {@code n} is a
 * split on column {@code feature[n]} (go to {@code greater[n]} when {@code row[feature] > threshold[n]}, else to
 * {@code lessOrEqual[n]}, exactly Tribuo's rule) or, when {@code feature[n] < 0}, a leaf whose contribution to each
 * label is {@code leafValues[leaf[n] * labels + j]}. Scores are summed over trees in tree order and divided by
 * the weight sum (voting) or their own total (fully weighted voting), as Tribuo's combiners do.
 */
final class CompiledForest implements CompiledClassifier {
    private final List<String> labels;
    private final int featureCount;
    private final int[] roots;
    private final int[] feature;
    private final double[] threshold;
    private final int[] greater;
    private final int[] lessOrEqual;
    private final int[] leaf;
    private final double[] leafValues;
    private final double divisor;
    private final boolean divideByTotal;
    private final String kind;

    // The same trees laid out for the interleaved walk: node n's children are first[n] (row <= threshold) and
    // first[n] + 1 (row > threshold); a leaf is its own first child and tests +infinity, so it stays put.
    private final int[] walkRoots;
    private final int[] walkDepth;
    private final int[] walkFeature;
    private final double[] walkThreshold;
    private final int[] walkFirst;
    private final int[] walkLeaf;
    /** Node n packed in one cache-friendly pair: [2n] threshold bits, [2n + 1] first child << 32 | column. */
    private final long[] packed;

    /**
     * @param divisor       scores are divided by this (the weight sum of a voting forest, else 1)
     * @param divideByTotal scores are divided by their own sum (a fully weighted vote)
     */
    CompiledForest(List<String> labels, int featureCount, int[] roots, int[] feature, double[] threshold,
                   int[] greater, int[] lessOrEqual, int[] leaf, double[] leafValues, double divisor,
                   boolean divideByTotal, String kind) {
        this.labels = List.copyOf(labels);
        this.featureCount = featureCount;
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.greater = greater;
        this.lessOrEqual = lessOrEqual;
        this.leaf = leaf;
        this.leafValues = leafValues;
        this.divisor = divisor;
        this.divideByTotal = divideByTotal;
        this.kind = kind;
        int nodes = feature.length;
        this.walkRoots = new int[roots.length];
        this.walkDepth = new int[roots.length];
        this.walkFeature = new int[nodes];
        this.walkThreshold = new double[nodes];
        this.walkFirst = new int[nodes];
        this.walkLeaf = new int[nodes];
        int next = 0;
        int[] queue = new int[nodes];
        int[] level = new int[nodes];
        int[] slotOf = new int[nodes];
        for (int t = 0; t < roots.length; t++) {
            // Breadth first: each split's two children get consecutive slots.
            int head = 0;
            int tail = 0;
            queue[tail] = roots[t];
            level[tail++] = 0;
            int rootSlot = next++;
            walkRoots[t] = rootSlot;
            slotOf[0] = rootSlot;
            int depth = 0;
            while (head < tail) {
                int q = head++;
                int n = queue[q];
                int slot = slotOf[q];
                depth = Math.max(depth, level[q]);
                if (feature[n] < 0) {
                    walkFeature[slot] = 0;
                    walkThreshold[slot] = Double.POSITIVE_INFINITY;
                    walkFirst[slot] = slot;
                    walkLeaf[slot] = leaf[n];
                } else {
                    walkFeature[slot] = feature[n];
                    walkThreshold[slot] = threshold[n] == 0.0 ? 0.0 : threshold[n]; // -0.0 compares as 0.0
                    walkFirst[slot] = next;
                    walkLeaf[slot] = -1;
                    queue[tail] = lessOrEqual[n];
                    level[tail] = level[q] + 1;
                    slotOf[tail++] = next++;
                    queue[tail] = greater[n];
                    level[tail] = level[q] + 1;
                    slotOf[tail++] = next++;
                }
            }
            walkDepth[t] = depth;
        }
        this.packed = new long[2 * nodes];
        for (int n = 0; n < nodes; n++) {
            packed[2 * n] = Double.doubleToRawLongBits(walkThreshold[n]);
            packed[2 * n + 1] = ((long) walkFirst[n] << 32) | walkFeature[n];
        }
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    /** Rows walked through a tree together: independent walks overlap their memory latency. */
    static final int BLOCK = 32;

    /**
     * Scores rows {@code BLOCK} at a time: each tree is walked by all of them, level by level, without branches
     * (leaves point to themselves), so the walks overlap instead of waiting on each other's mispredicted branches.
     */
    @Override
    public void scores(double[][] rows, int count, double[] out) {
        int k = labels.size();
        int d = featureCount;
        java.util.Arrays.fill(out, 0, count * k, 0.0);
        int[] at = new int[BLOCK];
        double[] x = new double[d * BLOCK];
        final long[] p = packed;
        for (int from = 0; from < count; from += BLOCK) {
            int b = Math.min(BLOCK, count - from);
            for (int r = 0; r < b; r++) {
                double[] row = rows[from + r];
                for (int f = 0; f < d; f++) {
                    x[f * BLOCK + r] = row[f];
                }
            }
            for (int t = 0; t < walkRoots.length; t++) {
                java.util.Arrays.fill(at, 0, b, walkRoots[t]);
                int r0 = 0;
                for (; r0 + LANES <= b; r0 += LANES) {
                    walkEight(p, x, at, r0, walkDepth[t]);
                }
                for (int level = r0 < b ? walkDepth[t] : 0; level > 0; level--) {
                    for (int r = r0; r < b; r++) {
                        int n = at[r];
                        long info = p[2 * n + 1];
                        double value = x[(int) info * BLOCK + r];
                        // threshold - value is negative exactly when value > threshold (no NaN in preprocessed
                        // rows; thresholds hold no -0.0): its sign bit picks the child without a branch.
                        long sign = Double.doubleToRawLongBits(Double.longBitsToDouble(p[2 * n]) - value) >>> 63;
                        at[r] = (int) (info >>> 32) + (int) sign;
                    }
                }
                for (int r = 0; r < b; r++) {
                    int base = walkLeaf[at[r]] * k;
                    int o = (from + r) * k;
                    for (int j = 0; j < k; j++) {
                        out[o + j] += leafValues[base + j];
                    }
                }
            }
        }
        for (int r = 0; r < count; r++) {
            int o = r * k;
            double dv = divisor;
            if (divideByTotal) {
                dv = 0;
                for (int j = 0; j < k; j++) {
                    dv += out[o + j];
                }
            }
            if (dv != 1.0) {
                for (int j = 0; j < k; j++) {
                    out[o + j] /= dv;
                }
            }
        }
    }

    /** Rows walked together in registers. */
    private static final int LANES = 8;

    /**
     * Eight rows down one tree, each row's position in a local variable so that the eight independent walks stay
     * in registers and overlap.
     */
    private static void walkEight(long[] p, double[] x, int[] at, int r, int depth) {
        int n0 = at[r];
        int n1 = at[r + 1];
        int n2 = at[r + 2];
        int n3 = at[r + 3];
        int n4 = at[r + 4];
        int n5 = at[r + 5];
        int n6 = at[r + 6];
        int n7 = at[r + 7];
        for (int level = depth; level > 0; level--) {
            n0 = step(p, x, n0, r);
            n1 = step(p, x, n1, r + 1);
            n2 = step(p, x, n2, r + 2);
            n3 = step(p, x, n3, r + 3);
            n4 = step(p, x, n4, r + 4);
            n5 = step(p, x, n5, r + 5);
            n6 = step(p, x, n6, r + 6);
            n7 = step(p, x, n7, r + 7);
        }
        at[r] = n0;
        at[r + 1] = n1;
        at[r + 2] = n2;
        at[r + 3] = n3;
        at[r + 4] = n4;
        at[r + 5] = n5;
        at[r + 6] = n6;
        at[r + 7] = n7;
    }

    /** One level for one row: threshold - value is negative exactly when value > threshold. */
    private static int step(long[] p, double[] x, int n, int r) {
        long info = p[2 * n + 1];
        double value = x[(int) info * BLOCK + r];
        long sign = Double.doubleToRawLongBits(Double.longBitsToDouble(p[2 * n]) - value) >>> 63;
        return (int) (info >>> 32) + (int) sign;
    }

    /** Number of trees. */
    int trees() {
        return roots.length;
    }

    @Override
    public void scores(double[] row, double[] out) {
        int k = labels.size();
        java.util.Arrays.fill(out, 0, k, 0.0);
        final int[] f = feature;
        final double[] t = threshold;
        final int[] gt = greater;
        final int[] le = lessOrEqual;
        for (int root : roots) {
            int n = root;
            int col;
            while ((col = f[n]) >= 0) {
                n = row[col] > t[n] ? gt[n] : le[n];
            }
            int base = leaf[n] * k;
            for (int j = 0; j < k; j++) {
                out[j] += leafValues[base + j];
            }
        }
        double d = divisor;
        if (divideByTotal) {
            d = 0;
            for (int j = 0; j < k; j++) {
                d += out[j];
            }
        }
        if (d != 1.0) {
            for (int j = 0; j < k; j++) {
                out[j] /= d;
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d trees, %d nodes", kind, roots.length, feature.length);
    }
}
