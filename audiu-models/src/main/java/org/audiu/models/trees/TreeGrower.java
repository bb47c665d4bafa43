package org.audiu.models.trees;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one classification tree with the Gini criterion (weighted counts) on a {@link TreeData}. At each node it
 * tries up to {@code maxFeatures} randomly drawn features that are not constant in the node.
 *
 * <p>{@link SplitRule#BEST} keeps, for every feature, the node's rows in that feature's order (filtered once per
 * tree from the presorted columns, then stably partitioned at each split), so scoring every threshold of a feature
 * is one linear scan, with no sorting inside the tree. {@link SplitRule#RANDOM} draws one threshold per feature and
 * only partitions a single row list. Not thread-safe: one grower per thread.
 */
final class TreeGrower {
    private final TreeData data;
    private final TreeParams params;
    private final int classes;
    private final boolean best;
    private final int[][] lists;
    private final int[] idx;
    private final int[] buffer;
    private final boolean[] goesLeft;
    private final int[] perm;
    private final double[] counts;
    private final double[] left;
    private final double[] right;
    private double[] sampleWeight;

    private int bestFeature;
    private float bestThreshold;
    private int bestLeftCount;
    private float candidateThreshold;
    private int candidateLeftCount;

    // Growing arrays of the tree under construction.
    private int[] feature = new int[64];
    private float[] threshold = new float[64];
    private int[] child = new int[64];
    private float[] dist = new float[256];
    private int nodes;
    private int distLength;

    TreeGrower(TreeData data, TreeParams params) {
        this.data = data;
        this.params = params;
        this.classes = data.classes;
        this.best = params.rule() == SplitRule.BEST;
        this.lists = best ? new int[data.features][data.rows] : null;
        this.idx = best ? null : new int[data.rows];
        this.buffer = best ? new int[data.rows] : null;
        this.goesLeft = best ? new boolean[data.rows] : null;
        this.perm = new int[data.features];
        this.counts = new double[classes];
        this.left = new double[classes];
        this.right = new double[classes];
    }

    /**
     * Grows a tree.
     *
     * @param weights the weight of each row in this tree (bootstrap multiplicity times example weight); rows with
     *                weight 0 are left out
     */
    Tree grow(double[] weights, SplittableRandom rng) {
        this.sampleWeight = weights;
        int m = 0;
        if (best) {
            for (int f = 0; f < data.features; f++) {
                int k = 0;
                int[] list = lists[f];
                for (int i : data.sorted[f]) {
                    if (weights[i] > 0) {
                        list[k++] = i;
                    }
                }
                m = k;
            }
        } else {
            for (int i = 0; i < data.rows; i++) {
                if (weights[i] > 0) {
                    idx[m++] = i;
                }
            }
        }
        nodes = 0;
        distLength = 0;
        for (int f = 0; f < perm.length; f++) {
            perm[f] = f;
        }
        int[] stackNode = new int[64];
        int[] stackLo = new int[64];
        int[] stackHi = new int[64];
        int[] stackDepth = new int[64];
        stackNode[0] = newNode();
        stackLo[0] = 0;
        stackHi[0] = m;
        stackDepth[0] = 0;
        int top = 1;
        int[] rows = best ? (data.features > 0 ? lists[0] : new int[0]) : idx;
        while (top > 0) {
            top--;
            int node = stackNode[top];
            int lo = stackLo[top];
            int hi = stackHi[top];
            int depth = stackDepth[top];
            Arrays.fill(counts, 0);
            double total = 0;
            for (int p = lo; p < hi; p++) {
                int i = rows[p];
                counts[data.y[i]] += sampleWeight[i];
                total += sampleWeight[i];
            }
            int present = 0;
            for (double c : counts) {
                if (c > 0) {
                    present++;
                }
            }
            boolean leaf = present <= 1 || hi - lo < params.minSamplesSplit() || hi - lo < 2 * params.minSamplesLeaf()
                    || (params.maxDepth() > 0 && depth >= params.maxDepth());
            if (!leaf && findSplit(lo, hi, total, rng)) {
                int mid = best ? partitionLists(lo, hi) : partitionIdx(lo, hi);
                int l = newNode();
                newNode();
                feature[node] = bestFeature;
                threshold[node] = bestThreshold;
                child[node] = l;
                if (top + 2 > stackNode.length) {
                    int size = stackNode.length * 2;
                    stackNode = Arrays.copyOf(stackNode, size);
                    stackLo = Arrays.copyOf(stackLo, size);
                    stackHi = Arrays.copyOf(stackHi, size);
                    stackDepth = Arrays.copyOf(stackDepth, size);
                }
                stackNode[top] = l + 1;
                stackLo[top] = mid;
                stackHi[top] = hi;
                stackDepth[top] = depth + 1;
                top++;
                stackNode[top] = l;
                stackLo[top] = lo;
                stackHi[top] = mid;
                stackDepth[top] = depth + 1;
                top++;
            } else {
                makeLeaf(node, total);
            }
        }
        return new Tree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(child, nodes),
                Arrays.copyOf(dist, distLength), classes);
    }

    /** Finds the best split of the node's rows into bestFeature/bestThreshold; false when no feature can split. */
    private boolean findSplit(int lo, int hi, double total, SplittableRandom rng) {
        int d = perm.length;
        int evaluated = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        bestFeature = -1;
        for (int v = 0; v < d && evaluated < params.maxFeatures(); v++) {
            int swap = v + rng.nextInt(d - v);
            int f = perm[swap];
            perm[swap] = perm[v];
            perm[v] = f;
            double score = best ? bestThresholdOf(f, lo, hi, total) : randomThresholdOf(f, lo, hi, total, rng);
            if (Double.isNaN(score)) {
                continue; // constant in this node: does not count as a tried feature
            }
            evaluated++;
            if (score > bestScore) {
                bestScore = score;
                bestFeature = f;
                bestThreshold = candidateThreshold;
                bestLeftCount = candidateLeftCount;
            }
        }
        return bestFeature >= 0;
    }

    /**
     * The best Gini proxy (sum over both sides of squared class weights / side weight) of feature f over the
     * node's rows, which {@code lists[f]} holds in f's order; NaN when f is constant in the node, -inf when no
     * threshold leaves enough rows on both sides.
     */
    private double bestThresholdOf(int f, int lo, int hi, double total) {
        int[] list = lists[f];
        float[] col = data.x[f];
        if (col[list[lo]] == col[list[hi - 1]]) {
            return Double.NaN;
        }
        Arrays.fill(left, 0);
        double sqLeft = 0;
        double sqRight = 0;
        for (int c = 0; c < classes; c++) {
            right[c] = counts[c];
            sqRight += counts[c] * counts[c];
        }
        double wLeft = 0;
        double wRight = total;
        int minLeaf = params.minSamplesLeaf();
        int m = hi - lo;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestPos = -1;
        int[] y = data.y;
        float current = col[list[lo]];
        for (int p = lo; p < hi - 1; p++) {
            int i = list[p];
            double w = sampleWeight[i];
            int c = y[i];
            sqLeft += (2 * left[c] + w) * w;
            left[c] += w;
            sqRight += (w - 2 * right[c]) * w;
            right[c] -= w;
            wLeft += w;
            wRight -= w;
            float next = col[list[p + 1]];
            if (next == current) {
                continue;
            }
            current = next;
            int nLeft = p + 1 - lo;
            if (nLeft < minLeaf || m - nLeft < minLeaf) {
                continue;
            }
            double score = sqLeft / wLeft + sqRight / wRight;
            if (score > bestScore) {
                bestScore = score;
                bestPos = p;
            }
        }
        if (bestPos >= 0) {
            float a = col[list[bestPos]];
            float b = col[list[bestPos + 1]];
            float t = (float) ((a + (double) b) / 2);
            candidateThreshold = t >= b || t < a ? a : t;
            candidateLeftCount = bestPos + 1 - lo;
        }
        return bestScore;
    }

    private double randomThresholdOf(int f, int lo, int hi, double total, SplittableRandom rng) {
        float[] col = data.x[f];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int p = lo; p < hi; p++) {
            float v = col[idx[p]];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        if (min == max) {
            return Double.NaN;
        }
        float t = (float) (min + rng.nextDouble() * ((double) max - min));
        if (t >= max || t < min) {
            t = min;
        }
        Arrays.fill(left, 0);
        double wLeft = 0;
        int nLeft = 0;
        int[] y = data.y;
        for (int p = lo; p < hi; p++) {
            int i = idx[p];
            if (col[i] <= t) {
                left[y[i]] += sampleWeight[i];
                wLeft += sampleWeight[i];
                nLeft++;
            }
        }
        int minLeaf = params.minSamplesLeaf();
        if (nLeft < minLeaf || hi - lo - nLeft < minLeaf) {
            return Double.NEGATIVE_INFINITY;
        }
        double wRight = total - wLeft;
        double sqLeft = 0;
        double sqRight = 0;
        for (int c = 0; c < classes; c++) {
            double r = counts[c] - left[c];
            sqLeft += left[c] * left[c];
            sqRight += r * r;
        }
        candidateThreshold = t;
        candidateLeftCount = nLeft;
        return sqLeft / wLeft + sqRight / wRight;
    }

    /** Stably partitions every feature's list by the chosen split; returns the start of the right child. */
    private int partitionLists(int lo, int hi) {
        int mid = lo + bestLeftCount;
        int[] chosen = lists[bestFeature];
        for (int p = lo; p < hi; p++) {
            goesLeft[chosen[p]] = p < mid;
        }
        for (int f = 0; f < lists.length; f++) {
            if (f == bestFeature) {
                continue;
            }
            int[] list = lists[f];
            int l = lo;
            int r = 0;
            for (int p = lo; p < hi; p++) {
                int i = list[p];
                if (goesLeft[i]) {
                    list[l++] = i;
                } else {
                    buffer[r++] = i;
                }
            }
            System.arraycopy(buffer, 0, list, l, r);
        }
        return mid;
    }

    private int partitionIdx(int lo, int hi) {
        float[] col = data.x[bestFeature];
        float t = bestThreshold;
        int i = lo;
        int j = hi - 1;
        while (i <= j) {
            if (col[idx[i]] <= t) {
                i++;
            } else {
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
                j--;
            }
        }
        return i;
    }

    private int newNode() {
        if (nodes == feature.length) {
            int size = feature.length * 2;
            feature = Arrays.copyOf(feature, size);
            threshold = Arrays.copyOf(threshold, size);
            child = Arrays.copyOf(child, size);
        }
        feature[nodes] = -1;
        return nodes++;
    }

    private void makeLeaf(int node, double total) {
        feature[node] = -1;
        int only = -1;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                present++;
                only = c;
            }
        }
        if (present == 1) {
            child[node] = only;
            return;
        }
        if (distLength + classes > dist.length) {
            dist = Arrays.copyOf(dist, Math.max(dist.length * 2, distLength + classes));
        }
        for (int c = 0; c < classes; c++) {
            dist[distLength + c] = (float) (counts[c] / total);
        }
        child[node] = -(distLength + 1);
        distLength += classes;
    }
}
