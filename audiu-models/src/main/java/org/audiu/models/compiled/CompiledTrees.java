package org.audiu.models.compiled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tree ensembles (random forests, extra trees, gradient-boosted trees) scored a block of rows at a time with bit
 * sets instead of one walk per row and tree. For each block of up to {@value #BLOCK} rows, the rows are ranked by
 * each feature (as {@code float}), which gives, for every distinct split threshold, the set of rows above it as a
 * {@value #WORDS}-word bit mask. Each tree is then evaluated for the whole block at once: every split node turns the
 * mask of rows that reach it into the masks of its two children with two ANDs, in breadth-first order and without a
 * single data-dependent branch, and the leaves add their values to the rows in their mask. A forest of 300
 * fully grown trees costs about a tenth of the row-by-row walk, whose steps each wait on a mispredicted branch or a
 * dependent load.
 *
 * <p>Semantics, exactly those of the models compiled into it: a row goes left at a split when
 * {@code (float) value <= threshold} (a strict {@code value < c} is the threshold {@code Math.nextDown(c)}), and a
 * missing value ({@code NaN}) goes right unless the split sends missing values left. Two ways of combining leaves:
 * <ul>
 *   <li>{@link Builder#meanOfDistributions()}: each leaf holds a class distribution; a row's scores are the sum over
 *       trees (in {@code double}) divided by its total, as audiU's forests predict;</li>
 *   <li>{@link Builder#softmaxOfMargins(float)}: each leaf adds a margin to one label, summed in {@code float} in
 *       tree order from a base margin, then a {@code float} softmax, as XGBoost's {@code multi:softprob}.</li>
 * </ul>
 * Immutable and thread-safe; each call of {@link #scores(double[][], int, double[])} uses its own scratch space.
 */
public final class CompiledTrees implements CompiledClassifier {
    /** 64-bit words per row mask. */
    static final int WORDS = 4;
    /** Rows scored together. */
    static final int BLOCK = 64 * WORDS;

    /** How leaves combine into scores. */
    enum Combination { MEAN_OF_DISTRIBUTIONS, SOFTMAX_OF_MARGINS }

    private final List<String> labels;
    private final int featureCount;
    private final Combination combination;
    private final float baseMargin;
    private final String kind;
    private final int trees;
    private final int totalNodes;
    /** Per tree: slots of its nodes (masks), and where its splits and leaves start in the tables below. */
    private final int[] treeSlots;
    private final int[] splitStart;
    private final int[] pureStart;
    private final int[] valueStart;
    /** Per split, breadth first: the slot of its mask times WORDS. */
    private final int[] splits;
    /** Per pure leaf (distribution 1 on one label, mean mode), by tree then label: slot * WORDS, label * WORDS. */
    private final int[] pure;
    /** Per value leaf: slot * WORDS, then the leaf's index into leafValues (mean) or its label (softmax). */
    private final int[] valueLeaves;
    /** Mean mode: labels.size() values per leaf. Softmax mode: one margin per value leaf. */
    private final float[] leafValues;
    /** Per used feature: its splits ordered by threshold, and those thresholds. */
    private final int[][] splitsByThreshold;
    private final float[][] sortedThresholds;
    /** Per split: 1 when it sends missing values left. */
    private final int[] splitMissingLeft;
    /** Features that some split tests, in column order. */
    private final int[] usedFeatures;
    /** Whether some split of the feature sends missing values left. */
    private final boolean[] missingLeft;
    /** Whether any does: then each used feature also gets rank masks without the missing rows. */
    private final boolean anyMissingLeft;
    private final int maxSlots;
    private final int planes;
    /**
     * Softmax mode, per tree: the label all its leaves add to and the bits of a leaf index, when it has at most 256
     * leaves on one label (then rows find their leaf through bit planes); else -1 (leaves add row by row).
     */
    private final int[] treeLabel;
    private final int[] leafIndexBits;
    /** SPREAD[b] has bit j of b in the lowest bit of byte j. */
    private static final long[] SPREAD = new long[256];

    static {
        for (int b = 0; b < 256; b++) {
            long v = 0;
            for (int j = 0; j < 8; j++) {
                v |= (long) ((b >>> j) & 1) << (8 * j);
            }
            SPREAD[b] = v;
        }
    }

    private CompiledTrees(Builder b, Combination combination, float baseMargin, String kind) {
        this.labels = b.labels;
        this.featureCount = b.featureCount;
        this.combination = combination;
        this.baseMargin = baseMargin;
        this.kind = kind;
        this.trees = b.treeSlots.size();
        this.treeSlots = toArray(b.treeSlots);
        this.splitStart = toArray(b.splitStart);
        this.pureStart = toArray(b.pureStart);
        this.valueStart = toArray(b.valueStart);
        this.totalNodes = Arrays.stream(treeSlots).sum();
        this.maxSlots = Arrays.stream(treeSlots).max().orElse(1);
        this.pure = toArray(b.pure);
        // Each tree's pure leaves grouped by label, so their masks are joined in registers, one label at a time.
        for (int t = 0; t < trees; t++) {
            int from = pureStart[t];
            int to = pureStart[t + 1];
            Integer[] order = new Integer[to - from];
            for (int i = 0; i < order.length; i++) {
                order[i] = from + i;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(b.pure.get(2 * x + 1), b.pure.get(2 * y + 1)));
            for (int i = 0; i < order.length; i++) {
                pure[2 * (from + i)] = b.pure.get(2 * order[i]);
                pure[2 * (from + i) + 1] = b.pure.get(2 * order[i] + 1);
            }
        }
        this.valueLeaves = toArray(b.valueLeaves);
        float[] values = new float[b.leafValues.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = b.leafValues.get(i);
        }
        this.leafValues = values;
        // Each feature's splits in threshold order: a block's ranks give every split its mask in one merge.
        int d = featureCount;
        int splitCount = b.splitFeature.size();
        this.splits = new int[splitCount];
        this.splitMissingLeft = new int[splitCount];
        this.missingLeft = new boolean[d];
        List<List<Integer>> byFeature = new ArrayList<>();
        for (int f = 0; f < d; f++) {
            byFeature.add(new ArrayList<>());
        }
        for (int s = 0; s < splitCount; s++) {
            int f = b.splitFeature.get(s);
            byFeature.get(f).add(s);
            splits[s] = b.splitSlot.get(s) * WORDS;
            boolean left = b.splitMissingLeft.get(s);
            splitMissingLeft[s] = left ? 1 : 0;
            missingLeft[f] |= left;
        }
        List<Integer> used = new ArrayList<>();
        for (int f = 0; f < d; f++) {
            if (!byFeature.get(f).isEmpty()) {
                used.add(f);
            }
        }
        this.usedFeatures = used.stream().mapToInt(Integer::intValue).toArray();
        this.splitsByThreshold = new int[usedFeatures.length][];
        this.sortedThresholds = new float[usedFeatures.length][];
        for (int u = 0; u < usedFeatures.length; u++) {
            List<Integer> list = byFeature.get(usedFeatures[u]);
            list.sort((x, y) -> Float.compare(b.splitThreshold.get(x), b.splitThreshold.get(y)));
            splitsByThreshold[u] = toArray(list);
            sortedThresholds[u] = new float[list.size()];
            for (int i = 0; i < list.size(); i++) {
                sortedThresholds[u][i] = b.splitThreshold.get(list.get(i));
            }
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

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A builder for a model with these labels (score order) and row width. */
    public static Builder builder(List<String> labels, int featureCount) {
        return new Builder(labels, featureCount);
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    /** Number of trees. */
    public int trees() {
        return trees;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d trees, %d nodes (bit-set blocks of %d rows)", kind, trees,
                totalNodes, BLOCK);
    }

    @Override
    public void scores(double[] row, double[] out) {
        double[] all = new double[labels.size()];
        scores(new double[][] {row}, 1, all);
        System.arraycopy(all, 0, out, 0, all.length);
    }

    @Override
    public void scores(double[][] rows, int count, double[] out) {
        Scratch s = new Scratch();
        for (int from = 0; from < count; from += BLOCK) {
            scoreBlock(rows, from, Math.min(BLOCK, count - from), out, s);
        }
    }

    /** Working memory of one call. */
    private final class Scratch {
        final long[] keys = new long[BLOCK];
        final long[] buffer = new long[BLOCK];
        final int[] histogram = new int[256];
        final float[] sortedValues = new float[BLOCK];
        /** Per used feature: masks of rows ranked >= p (p = 0..BLOCK); then, if needed, without missing rows. */
        final long[] rankMasks = new long[(anyMissingLeft ? 2 : 1) * usedFeatures.length * (BLOCK + 1) * WORDS];
        /** Per split: offset of its mask of rows that go right. */
        final int[] rightMask = new int[splits.length];
        final long[] masks = new long[maxSlots * WORDS];
        final long[] labelMasks = new long[labels.size() * WORDS];
        final long[] counts = new long[labels.size() * planes * WORDS];
        final double[] sums = new double[BLOCK * labels.size()];
        /** Softmax mode, label-major: label l of row r at l * BLOCK + r. */
        final float[] margins = new float[BLOCK * labels.size()];
        final long[] running = new long[WORDS];
        final long[] leafPlanes = new long[8 * WORDS];
    }

    private void scoreBlock(double[][] rows, int from, int b, double[] out, Scratch s) {
        rank(rows, from, b, s);
        int k = labels.size();
        boolean mean = combination == Combination.MEAN_OF_DISTRIBUTIONS;
        if (mean) {
            Arrays.fill(s.sums, 0, b * k, 0.0);
            Arrays.fill(s.counts, 0);
        } else {
            Arrays.fill(s.margins, baseMargin);
        }
        long[] masks = s.masks;
        long[] rank = s.rankMasks;
        int[] right = s.rightMask;
        int[] split = splits;
        for (int t = 0; t < trees; t++) {
            for (int w = 0; w < WORDS; w++) {
                int rest = b - 64 * w;
                masks[w] = rest >= 64 ? -1L : rest <= 0 ? 0 : (1L << rest) - 1;
            }
            // Split j of this tree (breadth first) has its children in slots 2j + 1 and 2j + 2.
            int child = WORDS;
            for (int i = splitStart[t], end = splitStart[t + 1]; i < end; i++, child += 2 * WORDS) {
                int m = split[i];
                int r = right[i];
                long m0 = masks[m];
                long m1 = masks[m + 1];
                long m2 = masks[m + 2];
                long m3 = masks[m + 3];
                long r0 = rank[r];
                long r1 = rank[r + 1];
                long r2 = rank[r + 2];
                long r3 = rank[r + 3];
                masks[child] = m0 & ~r0;
                masks[child + 1] = m1 & ~r1;
                masks[child + 2] = m2 & ~r2;
                masks[child + 3] = m3 & ~r3;
                masks[child + 4] = m0 & r0;
                masks[child + 5] = m1 & r1;
                masks[child + 6] = m2 & r2;
                masks[child + 7] = m3 & r3;
            }
            if (mean) {
                addPureLeaves(t, s);
                addDistributions(t, s);
            } else {
                addMargins(t, b, s);
            }
        }
        if (mean) {
            finishMeans(b, out, from, s);
        } else {
            finishSoftmax(b, out, from, s);
        }
    }

    /**
     * Ranks the block's rows by each used feature: the masks of rows ranked at or above each rank, and for each
     * threshold the offset of the mask of rows above it (value > threshold, or missing unless the split sends
     * missing values left).
     */
    private void rank(double[][] rows, int from, int b, Scratch s) {
        long[] keys = s.keys;
        float[] values = s.sortedValues;
        long[] masks = s.rankMasks;
        long[] running = s.running;
        int[] right = s.rightMask;
        int table = (BLOCK + 1) * WORDS;
        for (int u = 0; u < usedFeatures.length; u++) {
            int f = usedFeatures[u];
            for (int r = 0; r < b; r++) {
                float v = (float) rows[from + r][f];
                int bits = v != v ? Integer.MAX_VALUE : Float.floatToRawIntBits(v);
                // Orders as the floats (-0.0 just below 0.0, missing last) when compared unsigned.
                int key = bits ^ ((bits >> 31) & 0x7fffffff) ^ Integer.MIN_VALUE;
                keys[r] = ((long) key << 32) | r;
            }
            long[] sorted = radixSort(keys, s.buffer, s.histogram, b);
            int base = u * table;
            Arrays.fill(running, 0);
            System.arraycopy(running, 0, masks, base + b * WORDS, WORDS);
            int missing = b;
            for (int p = b - 1; p >= 0; p--) {
                int r = (int) sorted[p];
                running[r >>> 6] |= 1L << r;
                System.arraycopy(running, 0, masks, base + p * WORDS, WORDS);
                float v = (float) rows[from + r][f];
                values[p] = v;
                if (v != v) {
                    missing = p;
                }
            }
            int withoutMissing = (usedFeatures.length + u) * table;
            boolean anyMissing = missing < b && missingLeft[f];
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
            float[] t = sortedThresholds[u];
            int shift = (anyMissing ? withoutMissing : base) - base;
            int i = 0;
            for (int j = 0; j < t.length; j++) {
                float threshold = t[j];
                while (i < b && values[i] <= threshold) {
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

    /** Pure leaves of tree t: their masks joined per label, then added to the bit-sliced per-row counters. */
    private void addPureLeaves(int t, Scratch s) {
        long[] masks = s.masks;
        long[] labelMasks = s.labelMasks;
        Arrays.fill(labelMasks, 0);
        for (int i = 2 * pureStart[t], end = 2 * pureStart[t + 1]; i < end; ) {
            int l = pure[i + 1];
            long a0 = 0;
            long a1 = 0;
            long a2 = 0;
            long a3 = 0;
            for (; i < end && pure[i + 1] == l; i += 2) {
                int m = pure[i];
                a0 |= masks[m];
                a1 |= masks[m + 1];
                a2 |= masks[m + 2];
                a3 |= masks[m + 3];
            }
            labelMasks[l] = a0;
            labelMasks[l + 1] = a1;
            labelMasks[l + 2] = a2;
            labelMasks[l + 3] = a3;
        }
        long[] counts = s.counts;
        int k = labels.size();
        for (int l = 0; l < k; l++) {
            for (int w = 0; w < WORDS; w++) {
                long carry = labelMasks[l * WORDS + w];
                int q = l * planes * WORDS + w;
                for (int p = 0; p < planes && carry != 0; p++, q += WORDS) {
                    long plane = counts[q];
                    counts[q] = plane ^ carry;
                    carry &= plane;
                }
            }
        }
    }

    /** Leaves of tree t with a distribution: added row by row. */
    private void addDistributions(int t, Scratch s) {
        long[] masks = s.masks;
        double[] sums = s.sums;
        int k = labels.size();
        for (int i = 2 * valueStart[t], end = 2 * valueStart[t + 1]; i < end; i += 2) {
            int m = valueLeaves[i];
            int v = valueLeaves[i + 1] * k;
            for (int w = 0; w < WORDS; w++) {
                long bits = masks[m + w];
                while (bits != 0) {
                    int o = (64 * w + Long.numberOfTrailingZeros(bits)) * k;
                    for (int j = 0; j < k; j++) {
                        sums[o + j] += leafValues[v + j];
                    }
                    bits &= bits - 1;
                }
            }
        }
    }

    /**
     * Leaves of tree t add their margins: through leaf indices read from bit planes when the tree allows it (no
     * branch per leaf or row), else row by row.
     */
    private void addMargins(int t, int b, Scratch s) {
        int label = treeLabel[t];
        if (label < 0) {
            addMarginsRowByRow(t, s);
            return;
        }
        long[] masks = s.masks;
        long[] planes = s.leafPlanes;
        int bits = leafIndexBits[t];
        Arrays.fill(planes, 0, bits * WORDS, 0L);
        int first = valueStart[t];
        int leaves = valueStart[t + 1] - first;
        // Plane p holds bit p of the index of each row's leaf (leaves partition the block's rows).
        for (int j = 0; j < leaves; j++) {
            int m = valueLeaves[2 * (first + j)];
            long m0 = masks[m];
            long m1 = masks[m + 1];
            long m2 = masks[m + 2];
            long m3 = masks[m + 3];
            for (int p = 0, q = 0; p < bits; p++, q += WORDS) {
                long select = -((j >>> p) & 1);
                planes[q] |= m0 & select;
                planes[q + 1] |= m1 & select;
                planes[q + 2] |= m2 & select;
                planes[q + 3] |= m3 & select;
            }
        }
        // Margins are label-major here: row r of label l at l * BLOCK + r. Rows past b take leaf 0, unread.
        float[] margins = s.margins;
        int base = label * BLOCK;
        for (int r0 = 0; r0 < b; r0 += 8) {
            int w = r0 >>> 6;
            int shift = r0 & 63;
            long index = 0; // byte i: the leaf of row r0 + i
            for (int p = 0, q = w; p < bits; p++, q += WORDS) {
                index |= SPREAD[(int) (planes[q] >>> shift) & 0xFF] << p;
            }
            int o = base + r0;
            margins[o] += leafValues[first + ((int) index & 0xFF)];
            margins[o + 1] += leafValues[first + ((int) (index >>> 8) & 0xFF)];
            margins[o + 2] += leafValues[first + ((int) (index >>> 16) & 0xFF)];
            margins[o + 3] += leafValues[first + ((int) (index >>> 24) & 0xFF)];
            margins[o + 4] += leafValues[first + ((int) (index >>> 32) & 0xFF)];
            margins[o + 5] += leafValues[first + ((int) (index >>> 40) & 0xFF)];
            margins[o + 6] += leafValues[first + ((int) (index >>> 48) & 0xFF)];
            margins[o + 7] += leafValues[first + (int) (index >>> 56)];
        }
    }

    /** Leaves of tree t: each adds its margin to its label, for the rows in its mask. */
    private void addMarginsRowByRow(int t, Scratch s) {
        long[] masks = s.masks;
        float[] margins = s.margins;
        int k = labels.size();
        for (int i = 2 * valueStart[t], end = 2 * valueStart[t + 1], leaf = valueStart[t]; i < end;
             i += 2, leaf++) {
            int m = valueLeaves[i];
            int label = valueLeaves[i + 1];
            float value = leafValues[leaf];
            for (int w = 0; w < WORDS; w++) {
                long bits = masks[m + w];
                while (bits != 0) {
                    margins[label * BLOCK + 64 * w + Long.numberOfTrailingZeros(bits)] += value;
                    bits &= bits - 1;
                }
            }
        }
    }

    private void finishMeans(int b, double[] out, int from, Scratch s) {
        int k = labels.size();
        double[] sums = s.sums;
        long[] counts = s.counts;
        for (int r = 0; r < b; r++) {
            int word = r >>> 6;
            double total = 0;
            int o = r * k;
            for (int l = 0; l < k; l++) {
                int count = 0;
                int q = l * planes * WORDS + word;
                for (int p = 0; p < planes; p++, q += WORDS) {
                    count |= (int) ((counts[q] >>> r) & 1) << p;
                }
                sums[o + l] += count;
                total += sums[o + l];
            }
            int dst = (from + r) * k;
            for (int l = 0; l < k; l++) {
                out[dst + l] = sums[o + l] / total;
            }
        }
    }

    /** XGBoost's softmax: float margins, float exponentials summed in double, float division. */
    private void finishSoftmax(int b, double[] out, int from, Scratch s) {
        int k = labels.size();
        float[] margins = s.margins;
        float[] e = new float[k];
        for (int r = 0; r < b; r++) {
            float max = margins[r];
            for (int l = 1; l < k; l++) {
                max = Math.max(max, margins[l * BLOCK + r]);
            }
            double sum = 0;
            for (int l = 0; l < k; l++) {
                e[l] = (float) Math.exp(margins[l * BLOCK + r] - max);
                sum += e[l];
            }
            float total = (float) sum;
            int dst = (from + r) * k;
            for (int l = 0; l < k; l++) {
                out[dst + l] = e[l] / total;
            }
        }
    }

    /**
     * Collects trees node by node. Node ids are local to the tree being built ({@link #startTree}); node 0 is its
     * root; each node is declared once, as a split or a leaf, and every split's children must be declared before
     * {@link #startTree} or a build method is called.
     */
    public static final class Builder {
        private final List<String> labels;
        private final int featureCount;
        private final List<Integer> treeSlots = new ArrayList<>();
        private final List<Integer> splitStart = new ArrayList<>(List.of(0));
        private final List<Integer> pureStart = new ArrayList<>(List.of(0));
        private final List<Integer> valueStart = new ArrayList<>(List.of(0));
        private final List<Integer> splitSlot = new ArrayList<>();
        private final List<Integer> splitFeature = new ArrayList<>();
        private final List<Float> splitThreshold = new ArrayList<>();
        private final List<Boolean> splitMissingLeft = new ArrayList<>();
        private final List<Integer> pure = new ArrayList<>();
        private final List<Integer> valueLeaves = new ArrayList<>();
        private final List<Float> leafValues = new ArrayList<>();
        /** The tree being built: per local node id, its description (null until declared). */
        private final List<Object> current = new ArrayList<>();
        private Combination leafKind;
        private boolean open;

        private Builder(List<String> labels, int featureCount) {
            this.labels = List.copyOf(labels);
            if (labels.isEmpty() || featureCount < 1) {
                throw new IllegalArgumentException("a tree model needs labels and features, got " + labels.size()
                        + " labels and " + featureCount + " features");
            }
            this.featureCount = featureCount;
        }

        private record Split(int feature, float threshold, boolean missingLeft, int left, int right) {
        }

        private record Distribution(float[] values) {
        }

        private record Margin(int label, float value) {
        }

        /** Starts the next tree (after finishing the previous one). */
        public Builder startTree() {
            finishTree();
            open = true;
            return this;
        }

        /**
         * Declares node {@code id} a split: rows with {@code (float) value <= threshold} go to {@code left}, the
         * others to {@code right}; rows missing the value ({@code NaN}) go left only when {@code missingLeft}.
         */
        public Builder split(int id, int feature, float threshold, boolean missingLeft, int left, int right) {
            if (feature < 0 || feature >= featureCount) {
                throw new IllegalArgumentException("split on feature " + feature + " of " + featureCount);
            }
            if (Float.isNaN(threshold)) {
                throw new IllegalArgumentException("split on feature " + feature + " has the threshold NaN");
            }
            declare(id, new Split(feature, threshold == 0f ? 0f : threshold, missingLeft, left, right));
            return this;
        }

        /** Declares node {@code id} a leaf with this class distribution (label order), for a mean of trees. */
        public Builder leaf(int id, float[] distribution) {
            if (distribution.length != labels.size()) {
                throw new IllegalArgumentException("a leaf distribution has " + distribution.length + " values for "
                        + labels.size() + " labels");
            }
            kind(Combination.MEAN_OF_DISTRIBUTIONS);
            declare(id, new Distribution(distribution.clone()));
            return this;
        }

        /** Declares node {@code id} a leaf adding {@code margin} to label {@code label}, for a softmax of sums. */
        public Builder leaf(int id, int label, float margin) {
            if (label < 0 || label >= labels.size()) {
                throw new IllegalArgumentException("a leaf adds to label " + label + " of " + labels.size());
            }
            kind(Combination.SOFTMAX_OF_MARGINS);
            declare(id, new Margin(label, margin));
            return this;
        }

        private void kind(Combination k) {
            if (leafKind != null && leafKind != k) {
                throw new IllegalStateException("distribution and margin leaves cannot be mixed");
            }
            leafKind = k;
        }

        private void declare(int id, Object node) {
            if (!open) {
                throw new IllegalStateException("startTree() first");
            }
            if (id < 0 || id > 100_000_000) {
                throw new IllegalArgumentException("node id " + id);
            }
            while (current.size() <= id) {
                current.add(null);
            }
            if (current.get(id) != null) {
                throw new IllegalArgumentException("node " + id + " declared twice");
            }
            current.set(id, node);
        }

        /** Lays the open tree out breadth first: split j's children get slots 2j + 1 and 2j + 2. */
        private void finishTree() {
            if (!open) {
                return;
            }
            open = false;
            if (current.isEmpty() || current.get(0) == null) {
                throw new IllegalStateException("tree " + treeSlots.size() + " has no root (node 0)");
            }
            int n = current.size();
            int[] queue = new int[n];
            boolean[] seen = new boolean[n];
            int head = 0;
            int tail = 0;
            queue[tail++] = 0;
            seen[0] = true;
            while (head < tail) {
                int slot = head;
                int id = queue[head++];
                Object node = current.get(id);
                if (node instanceof Split sp) {
                    for (int c : new int[] {sp.left(), sp.right()}) {
                        if (c < 0 || c >= n || current.get(c) == null || seen[c]) {
                            throw new IllegalStateException("tree " + treeSlots.size() + ": split " + id
                                    + " has the missing, repeated or shared child " + c);
                        }
                        seen[c] = true;
                        queue[tail++] = c;
                    }
                    splitSlot.add(slot);
                    splitFeature.add(sp.feature());
                    splitThreshold.add(sp.threshold());
                    splitMissingLeft.add(sp.missingLeft());
                } else if (node instanceof Distribution dn) {
                    int pureLabel = pureLabel(dn.values());
                    if (pureLabel >= 0) {
                        pure.add(slot * WORDS);
                        pure.add(pureLabel * WORDS);
                    } else {
                        valueLeaves.add(slot * WORDS);
                        valueLeaves.add(leafValues.size() / labels.size());
                        for (float v : dn.values()) {
                            leafValues.add(v);
                        }
                    }
                } else if (node instanceof Margin mn) {
                    valueLeaves.add(slot * WORDS);
                    valueLeaves.add(mn.label());
                    leafValues.add(mn.value());
                } else {
                    throw new IllegalStateException("tree " + treeSlots.size() + ": node " + id + " is undeclared");
                }
            }
            if (tail != n) {
                throw new IllegalStateException("tree " + treeSlots.size() + " has " + (n - tail)
                        + " nodes unreachable from its root");
            }
            treeSlots.add(tail);
            splitStart.add(splitSlot.size());
            pureStart.add(pure.size() / 2);
            valueStart.add(valueLeaves.size() / 2);
            current.clear();
        }

        /** The label of a distribution that is 1 on one label and 0 elsewhere, else -1. */
        private static int pureLabel(float[] values) {
            int label = -1;
            for (int j = 0; j < values.length; j++) {
                if (values[j] == 1f && label < 0) {
                    label = j;
                } else if (values[j] != 0f) {
                    return -1;
                }
            }
            return label;
        }

        /** Scores are the per-label sums of the leaves' distributions divided by their total. */
        public CompiledTrees meanOfDistributions(String kind) {
            finishTree();
            requireTrees(Combination.MEAN_OF_DISTRIBUTIONS);
            return new CompiledTrees(this, Combination.MEAN_OF_DISTRIBUTIONS, 0f, kind);
        }

        /** Scores are the softmax of {@code baseMargin} plus the leaves' margins, per label. */
        public CompiledTrees softmaxOfMargins(float baseMargin, String kind) {
            finishTree();
            requireTrees(Combination.SOFTMAX_OF_MARGINS);
            return new CompiledTrees(this, Combination.SOFTMAX_OF_MARGINS, baseMargin, kind);
        }

        private void requireTrees(Combination expected) {
            if (treeSlots.isEmpty()) {
                throw new IllegalStateException("no trees");
            }
            if (leafKind != expected) {
                throw new IllegalStateException("the leaves are " + leafKind + ", not " + expected);
            }
        }
    }
}
