package org.audiu.models.compiled;

import static org.audiu.models.compiled.CompiledTrees.BLOCK;
import static org.audiu.models.compiled.CompiledTrees.WORDS;

import java.util.Arrays;
import java.util.List;
import org.audiu.models.compiled.CompiledTrees.Combination;

/**
 * The flat arrays that {@link CompiledTrees}' kernels read, built from the trees a {@link TreeNodes} laid out, and
 * the first step of scoring a block: ranking its rows by each feature into bit masks ({@link #rank}). Immutable.
 */
final class TreeTables {
    final List<String> labels;
    final int featureCount;
    final int trees;
    final int totalNodes;
    /** Per tree: slots of its nodes (masks), and where its splits and leaves start in the tables below. */
    final int[] treeSlots;
    final int[] splitStart;
    final int[] pureStart;
    final int[] valueStart;
    /** Per split, breadth first: the slot of its mask times WORDS. */
    final int[] splits;
    /**
     * Per pure leaf (distribution 1 on one label, mean mode) of a label other than {@link #skipLabel}, by tree then
     * label: slot * WORDS, label * WORDS.
     */
    final int[] pure;
    /** Mean mode: the label whose pure leaves are not joined (its counts follow from the others'). */
    final int skipLabel;
    /** Per value leaf: slot * WORDS, then the leaf's index into leafValues (mean) or its label (softmax). */
    final int[] valueLeaves;
    /** Mean mode: labels.size() values per leaf. Softmax mode: one margin per value leaf. */
    final float[] leafValues;
    /** Per used feature: its splits ordered by threshold, and those thresholds. */
    final int[][] splitsByThreshold;
    final float[][] sortedThresholds;
    /** The same thresholds as {@link #key}s, unsigned. */
    final long[][] thresholdKeys;
    /** Per split: 1 when it sends missing values left. */
    final int[] splitMissingLeft;
    /** Features that some split tests, in column order. */
    final int[] usedFeatures;
    /** Whether some split of the feature sends missing values left. */
    final boolean[] missingLeft;
    /** Whether any does: then each used feature also gets rank masks without the missing rows. */
    final boolean anyMissingLeft;
    final int maxSlots;
    final int planes;
    /**
     * Softmax mode, per tree: the label all its leaves add to and the bits of a leaf index, when it has at most 256
     * leaves on one label (then rows find their leaf through bit planes); else -1 (leaves add row by row).
     */
    final int[] treeLabel;
    final int[] leafIndexBits;
    /** SPREAD[b] has bit j of b in the lowest bit of byte j. */
    static final long[] SPREAD = new long[256];

    static {
        for (int b = 0; b < 256; b++) {
            long v = 0;
            for (int j = 0; j < 8; j++) {
                v |= (long) ((b >>> j) & 1) << (8 * j);
            }
            SPREAD[b] = v;
        }
    }

    TreeTables(TreeNodes b, Combination combination) {
        this.labels = b.labels;
        this.featureCount = b.featureCount;
        this.trees = b.treeSlots.size();
        this.treeSlots = b.treeSlots.toArray();
        this.splitStart = b.splitStart.toArray();
        this.valueStart = b.valueStart.toArray();
        this.totalNodes = Arrays.stream(treeSlots).sum();
        this.maxSlots = Arrays.stream(treeSlots).max().orElse(1);
        int k = labels.size();
        // The label with the most pure leaves is never joined: a row's count of it is the trees whose pure leaves
        // it reached less its counts of the other labels (each tree puts a row in exactly one leaf).
        int[] pureByLabel = new int[k];
        for (int i = 1; i < b.pure.size(); i += 2) {
            pureByLabel[b.pure.get(i) / WORDS]++;
        }
        int skip = 0;
        for (int l = 1; l < pureByLabel.length; l++) {
            if (pureByLabel[l] > pureByLabel[skip]) {
                skip = l;
            }
        }
        this.skipLabel = skip;
        // Each tree's other pure leaves grouped by label (a stable counting sort: breadth-first order within a
        // label), so their masks are joined in registers, one label at a time.
        this.pure = new int[2 * (b.pure.size() / 2 - pureByLabel[skip])];
        this.pureStart = new int[trees + 1];
        int[] next = new int[k];
        int kept = 0;
        for (int t = 0; t < trees; t++) {
            int from = b.pureStart.get(t);
            int to = b.pureStart.get(t + 1);
            Arrays.fill(next, 0);
            for (int i = from; i < to; i++) {
                next[b.pure.get(2 * i + 1) / WORDS]++;
            }
            next[skip] = 0;
            for (int l = 0, sum = kept; l < k; l++) {
                int c = next[l];
                next[l] = sum;
                sum += c;
            }
            for (int i = from; i < to; i++) {
                int label = b.pure.get(2 * i + 1) / WORDS;
                if (label != skip) {
                    int at = next[label]++;
                    pure[2 * at] = b.pure.get(2 * i);
                    pure[2 * at + 1] = label * WORDS;
                    kept++;
                }
            }
            pureStart[t + 1] = kept;
        }
        this.valueLeaves = b.valueLeaves.toArray();
        this.leafValues = b.leafValues.toArray();
        // Each feature's splits in threshold order: a block's ranks give every split its mask in one merge.
        int d = featureCount;
        int splitCount = b.splitFeature.size();
        this.splits = b.splitSlot.toArray();
        for (int s = 0; s < splitCount; s++) {
            splits[s] *= WORDS;
        }
        this.splitMissingLeft = b.splitMissingLeft.toArray();
        this.missingLeft = new boolean[d];
        int[] perFeature = new int[d];
        for (int s = 0; s < splitCount; s++) {
            int f = b.splitFeature.get(s);
            perFeature[f]++;
            missingLeft[f] |= splitMissingLeft[s] != 0;
        }
        int used = 0;
        for (int f = 0; f < d; f++) {
            if (perFeature[f] > 0) {
                used++;
            }
        }
        this.usedFeatures = new int[used];
        int[] slotOfFeature = new int[d];
        for (int f = 0, u = 0; f < d; f++) {
            if (perFeature[f] > 0) {
                slotOfFeature[f] = u;
                usedFeatures[u++] = f;
            }
        }
        // Per used feature: (threshold key as a signed int, split) in a long, sorted: threshold order, ties in
        // split order (the keys order as Float.compare; thresholds are never NaN and -0.0 was made 0.0).
        long[][] sortKeys = new long[used][];
        int[] filled = new int[used];
        for (int u = 0; u < used; u++) {
            sortKeys[u] = new long[perFeature[usedFeatures[u]]];
        }
        for (int s = 0; s < splitCount; s++) {
            int u = slotOfFeature[b.splitFeature.get(s)];
            sortKeys[u][filled[u]++] = ((long) (key(b.splitThreshold.get(s)) ^ Integer.MIN_VALUE) << 32) | s;
        }
        this.splitsByThreshold = new int[used][];
        this.sortedThresholds = new float[used][];
        this.thresholdKeys = new long[used][];
        for (int u = 0; u < used; u++) {
            long[] keys = sortKeys[u];
            Arrays.sort(keys);
            int n = keys.length;
            splitsByThreshold[u] = new int[n];
            sortedThresholds[u] = new float[n];
            thresholdKeys[u] = new long[n];
            for (int i = 0; i < n; i++) {
                int split = (int) keys[i];
                splitsByThreshold[u][i] = split;
                sortedThresholds[u][i] = b.splitThreshold.get(split);
                thresholdKeys[u][i] = Integer.toUnsignedLong(key(sortedThresholds[u][i]));
            }
            sortKeys[u] = null;
        }
        boolean any = false;
        for (boolean m : missingLeft) {
            any |= m;
        }
        this.anyMissingLeft = any;
        this.planes = 32 - Integer.numberOfLeadingZeros(Math.max(1, trees));
        this.treeLabel = new int[trees];
        this.leafIndexBits = new int[trees];
        for (int t = 0; t < trees; t++) {
            int first = valueStart[t];
            int leaves = valueStart[t + 1] - first;
            int label = combination == Combination.SOFTMAX_OF_MARGINS && leaves <= 256 ? valueLeaves[2 * first + 1]
                    : -1;
            for (int i = first; i < first + leaves && label >= 0; i++) {
                if (valueLeaves[2 * i + 1] != label) {
                    label = -1;
                }
            }
            treeLabel[t] = label;
            leafIndexBits[t] = 32 - Integer.numberOfLeadingZeros(Math.max(1, leaves - 1));
        }
    }

    /** Working memory for one call of the kernels. */
    Scratch scratch() {
        return new Scratch();
    }

    /** Working memory of one call. */
    final class Scratch {
        /** One more than a block: the sort's result ends with a key above every threshold. */
        final long[] keys = new long[BLOCK + 1];
        final long[] buffer = new long[BLOCK + 1];
        final int[] histogram = new int[256];
        /** Per used feature: masks of rows ranked >= p (p = 0..BLOCK); then, if needed, without missing rows. */
        final long[] rankMasks = new long[(anyMissingLeft ? 2 : 1) * usedFeatures.length * (BLOCK + 1) * WORDS];
        /** Per split: offset of its mask of rows that go right. */
        final int[] rightMask = new int[splits.length];
        final long[] masks = new long[maxSlots * WORDS];
        final long[] labelMasks = new long[labels.size() * WORDS];
        final long[] counts = new long[labels.size() * planes * WORDS];
        final double[] sums = new double[BLOCK * labels.size()];
        /** Mean mode, per row: how many trees put it in a leaf with a distribution (not a pure one). */
        final int[] valueHits = new int[BLOCK];
        /** Softmax mode, label-major: label l of row r at l * BLOCK + r. */
        final float[] margins = new float[BLOCK * labels.size()];
        final long[] running = new long[WORDS];
        final long[] leafPlanes = new long[8 * WORDS];
    }

    /**
     * A float as an int that orders as the floats when compared unsigned: -0.0 just below 0.0, and every NaN
     * ({@link #MISSING_KEY}) above infinity.
     */
    static int key(float v) {
        int bits = v != v ? Integer.MAX_VALUE : Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff) ^ Integer.MIN_VALUE;
    }

    /** The key of a missing value (NaN), the largest. */
    static final long MISSING_KEY = 0xFFFFFFFFL;

    /**
     * Ranks the block's rows by each used feature: the masks of rows ranked at or above each rank, and for each
     * threshold the offset of the mask of rows above it (value > threshold, or missing unless the split sends
     * missing values left). Values and thresholds are compared as their {@link #key}s, which order as the floats
     * do ({@code (float) value <= threshold} exactly when its key is at most the threshold's: thresholds are never
     * -0.0 or NaN).
     */
    void rank(double[][] rows, int from, int b, Scratch s) {
        long[] keys = s.keys;
        long[] masks = s.rankMasks;
        long[] running = s.running;
        int[] right = s.rightMask;
        int table = (BLOCK + 1) * WORDS;
        for (int u = 0; u < usedFeatures.length; u++) {
            int f = usedFeatures[u];
            for (int r = 0; r < b; r++) {
                keys[r] = ((long) key((float) rows[from + r][f]) << 32) | r;
            }
            long[] sorted = radixSort(keys, s.buffer, s.histogram, b);
            sorted[b] = -1L; // above every threshold: the merge below stops there
            int base = u * table;
            Arrays.fill(running, 0);
            Arrays.fill(masks, base + b * WORDS, base + (b + 1) * WORDS, 0L);
            for (int p = b - 1, q = base + p * WORDS; p >= 0; p--, q -= WORDS) {
                int r = (int) sorted[p];
                running[r >>> 6] |= 1L << r;
                for (int w = 0; w < WORDS; w++) {
                    masks[q + w] = running[w];
                }
            }
            int missing = b;
            if (missingLeft[f]) {
                while (missing > 0 && (sorted[missing - 1] >>> 32) == MISSING_KEY) {
                    missing--;
                }
            }
            int withoutMissing = (usedFeatures.length + u) * table;
            boolean anyMissing = missing < b;
            if (anyMissing) {
                int nan = base + missing * WORDS;
                for (int p = 0; p <= b; p++) {
                    for (int w = 0; w < WORDS; w++) {
                        masks[withoutMissing + p * WORDS + w] = masks[base + p * WORDS + w] & ~masks[nan + w];
                    }
                }
            }
            // A split's rank = number of values <= its threshold (missing values compare false: they rank last).
            int[] order = splitsByThreshold[u];
            long[] t = thresholdKeys[u];
            int shift = (anyMissing ? withoutMissing : base) - base;
            int i = 0;
            for (int j = 0; j < t.length; j++) {
                long threshold = t[j];
                while ((sorted[i] >>> 32) <= threshold) {
                    i++;
                }
                int split = order[j];
                right[split] = base + i * WORDS + splitMissingLeft[split] * shift;
            }
        }
    }

    /**
     * Sorts {@code n} keys by their upper 32 bits (unsigned), least significant byte first, skipping bytes that
     * all keys share; returns whichever of the two arrays holds the result. For a block this is several times
     * faster than a comparison sort, whose branches mispredict half the time.
     */
    static long[] radixSort(long[] keys, long[] buffer, int[] histogram, int n) {
        long[] src = keys;
        long[] dst = buffer;
        for (int shift = 32; shift < 64; shift += 8) {
            java.util.Arrays.fill(histogram, 0);
            for (int i = 0; i < n; i++) {
                histogram[(int) (src[i] >>> shift) & 0xFF]++;
            }
            if (histogram[(int) (src[0] >>> shift) & 0xFF] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < 256; d++) {
                int c = histogram[d];
                histogram[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = src[i];
                dst[histogram[(int) (key >>> shift) & 0xFF]++] = key;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }
}
