package org.audiu.models.compiled;

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
 * Immutable and thread-safe; each thread scores in its own scratch space, kept between calls.
 */
public final class CompiledTrees implements CompiledClassifier {
    /** 64-bit words per row mask (the kernels handle them four at a time). */
    static final int WORDS = 8;
    /** Rows scored together. */
    static final int BLOCK = 64 * WORDS;

    /** How leaves combine into scores. */
    enum Combination { MEAN_OF_DISTRIBUTIONS, SOFTMAX_OF_MARGINS }

    private final List<String> labels;
    private final int featureCount;
    private final Combination combination;
    private final float baseMargin;
    private final String kind;
    /** The trees as flat arrays ({@link TreeTables}). */
    private final TreeTables tables;
    /**
     * Each thread's working memory, kept between calls: the rank masks of a block are hundreds of kilobytes (a
     * G1 humongous object in a small heap when allocated per call); every kernel overwrites what it reads.
     */
    private final ThreadLocal<TreeTables.Scratch> scratch;

    private CompiledTrees(TreeTables tables, Combination combination, float baseMargin, String kind) {
        this.labels = tables.labels;
        this.featureCount = tables.featureCount;
        this.combination = combination;
        this.baseMargin = baseMargin;
        this.kind = kind;
        this.tables = tables;
        this.scratch = ThreadLocal.withInitial(tables::scratch);
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
        return tables.trees;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d trees, %d nodes (bit-set blocks of %d rows)", kind,
                tables.trees, tables.totalNodes, BLOCK);
    }

    @Override
    public void scores(double[] row, double[] out) {
        double[] all = new double[labels.size()];
        scores(new double[][] {row}, 1, all);
        System.arraycopy(all, 0, out, 0, all.length);
    }

    @Override
    public void scores(double[][] rows, int count, double[] out) {
        TreeTables.Scratch s = scratch.get();
        for (int from = 0; from < count; from += BLOCK) {
            scoreBlock(rows, from, Math.min(BLOCK, count - from), out, s);
        }
    }

    private void scoreBlock(double[][] rows, int from, int b, double[] out, TreeTables.Scratch s) {
        tables.rank(rows, from, b, s);
        int trees = tables.trees;
        int[] splitStart = tables.splitStart;
        int k = labels.size();
        boolean mean = combination == Combination.MEAN_OF_DISTRIBUTIONS;
        if (mean) {
            Arrays.fill(s.sums, 0, b * k, 0.0);
            Arrays.fill(s.valueHits, 0);
            Arrays.fill(s.counts, 0);
        } else {
            Arrays.fill(s.margins, baseMargin);
        }
        long[] masks = s.masks;
        long[] rank = s.rankMasks;
        int[] right = s.rightMask;
        int[] split = tables.splits;
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
                masks[child + WORDS] = m0 & r0;
                masks[child + WORDS + 1] = m1 & r1;
                masks[child + WORDS + 2] = m2 & r2;
                masks[child + WORDS + 3] = m3 & r3;
                long m4 = masks[m + 4];
                long m5 = masks[m + 5];
                long m6 = masks[m + 6];
                long m7 = masks[m + 7];
                long r4 = rank[r + 4];
                long r5 = rank[r + 5];
                long r6 = rank[r + 6];
                long r7 = rank[r + 7];
                masks[child + 4] = m4 & ~r4;
                masks[child + 5] = m5 & ~r5;
                masks[child + 6] = m6 & ~r6;
                masks[child + 7] = m7 & ~r7;
                masks[child + WORDS + 4] = m4 & r4;
                masks[child + WORDS + 5] = m5 & r5;
                masks[child + WORDS + 6] = m6 & r6;
                masks[child + WORDS + 7] = m7 & r7;
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
     * Pure leaves of tree t (but those of the skipped label): their masks joined per label, then added to the
     * bit-sliced per-row counters.
     */
    private void addPureLeaves(int t, TreeTables.Scratch s) {
        int[] pureStart = tables.pureStart;
        int[] pure = tables.pure;
        int planes = tables.planes;
        long[] masks = s.masks;
        long[] labelMasks = s.labelMasks;
        Arrays.fill(labelMasks, 0);
        for (int g = 0; g < WORDS; g += 4) {
            for (int i = 2 * pureStart[t], end = 2 * pureStart[t + 1]; i < end; ) {
                int l = pure[i + 1] + g;
                long a0 = 0;
                long a1 = 0;
                long a2 = 0;
                long a3 = 0;
                for (int label = pure[i + 1]; i < end && pure[i + 1] == label; i += 2) {
                    int m = pure[i] + g;
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
        }
        long[] counts = s.counts;
        int k = labels.size();
        int skip = tables.skipLabel;
        for (int l = 0; l < k; l++) {
            if (l == skip) {
                continue;
            }
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
    private void addDistributions(int t, TreeTables.Scratch s) {
        int[] valueStart = tables.valueStart;
        int[] valueLeaves = tables.valueLeaves;
        float[] leafValues = tables.leafValues;
        long[] masks = s.masks;
        double[] sums = s.sums;
        int[] hits = s.valueHits;
        int k = labels.size();
        for (int i = 2 * valueStart[t], end = 2 * valueStart[t + 1]; i < end; i += 2) {
            int m = valueLeaves[i];
            int v = valueLeaves[i + 1] * k;
            for (int w = 0; w < WORDS; w++) {
                long bits = masks[m + w];
                while (bits != 0) {
                    int row = 64 * w + Long.numberOfTrailingZeros(bits);
                    int o = row * k;
                    for (int j = 0; j < k; j++) {
                        sums[o + j] += leafValues[v + j];
                    }
                    hits[row]++;
                    bits &= bits - 1;
                }
            }
        }
    }

    /**
     * Leaves of tree t add their margins: through leaf indices read from bit planes when the tree allows it (no
     * branch per leaf or row), else row by row.
     */
    private void addMargins(int t, int b, TreeTables.Scratch s) {
        int[] valueStart = tables.valueStart;
        int[] valueLeaves = tables.valueLeaves;
        float[] leafValues = tables.leafValues;
        int[] treeLabel = tables.treeLabel;
        int[] leafIndexBits = tables.leafIndexBits;
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
        for (int g = 0; g < WORDS; g += 4) {
            for (int j = 0; j < leaves; j++) {
                int m = valueLeaves[2 * (first + j)] + g;
                long m0 = masks[m];
                long m1 = masks[m + 1];
                long m2 = masks[m + 2];
                long m3 = masks[m + 3];
                for (int p = 0, q = g; p < bits; p++, q += WORDS) {
                    long select = -((j >>> p) & 1);
                    planes[q] |= m0 & select;
                    planes[q + 1] |= m1 & select;
                    planes[q + 2] |= m2 & select;
                    planes[q + 3] |= m3 & select;
                }
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
                index |= TreeTables.SPREAD[(int) (planes[q] >>> shift) & 0xFF] << p;
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
    private void addMarginsRowByRow(int t, TreeTables.Scratch s) {
        int[] valueStart = tables.valueStart;
        int[] valueLeaves = tables.valueLeaves;
        float[] leafValues = tables.leafValues;
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

    private void finishMeans(int b, double[] out, int from, TreeTables.Scratch s) {
        int planes = tables.planes;
        int k = labels.size();
        int skip = tables.skipLabel;
        int trees = tables.trees;
        double[] sums = s.sums;
        long[] counts = s.counts;
        int[] hits = s.valueHits;
        int[] count = new int[k];
        for (int r = 0; r < b; r++) {
            int word = r >>> 6;
            int o = r * k;
            // Trees that put the row in a pure leaf, less those of the other labels: the skipped label's count.
            int rest = trees - hits[r];
            for (int l = 0; l < k; l++) {
                if (l == skip) {
                    continue;
                }
                int c = 0;
                int q = l * planes * WORDS + word;
                for (int p = 0; p < planes; p++, q += WORDS) {
                    c |= (int) ((counts[q] >>> r) & 1) << p;
                }
                count[l] = c;
                rest -= c;
            }
            count[skip] = rest;
            double total = 0;
            for (int l = 0; l < k; l++) {
                sums[o + l] += count[l];
                total += sums[o + l];
            }
            int dst = (from + r) * k;
            for (int l = 0; l < k; l++) {
                out[dst + l] = sums[o + l] / total;
            }
        }
    }

    /** XGBoost's softmax: float margins, float exponentials summed in double, float division. */
    private void finishSoftmax(int b, double[] out, int from, TreeTables.Scratch s) {
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
        private final TreeNodes nodes;

        private Builder(List<String> labels, int featureCount) {
            this.nodes = new TreeNodes(labels, featureCount);
        }

        /** Starts the next tree (after finishing the previous one). */
        public Builder startTree() {
            nodes.startTree();
            return this;
        }

        /**
         * Declares node {@code id} a split: rows with {@code (float) value <= threshold} go to {@code left}, the
         * others to {@code right}; rows missing the value ({@code NaN}) go left only when {@code missingLeft}.
         */
        public Builder split(int id, int feature, float threshold, boolean missingLeft, int left, int right) {
            nodes.split(id, feature, threshold, missingLeft, left, right);
            return this;
        }

        /** Declares node {@code id} a leaf with this class distribution (label order), for a mean of trees. */
        public Builder leaf(int id, float[] distribution) {
            nodes.leaf(id, distribution);
            return this;
        }

        /** Declares node {@code id} a leaf adding {@code margin} to label {@code label}, for a softmax of sums. */
        public Builder leaf(int id, int label, float margin) {
            nodes.leaf(id, label, margin);
            return this;
        }

        /** Scores are the per-label sums of the leaves' distributions divided by their total. */
        public CompiledTrees meanOfDistributions(String kind) {
            return new CompiledTrees(nodes.tables(Combination.MEAN_OF_DISTRIBUTIONS),
                    Combination.MEAN_OF_DISTRIBUTIONS, 0f, kind);
        }

        /** Scores are the softmax of {@code baseMargin} plus the leaves' margins, per label. */
        public CompiledTrees softmaxOfMargins(float baseMargin, String kind) {
            return new CompiledTrees(nodes.tables(Combination.SOFTMAX_OF_MARGINS),
                    Combination.SOFTMAX_OF_MARGINS, baseMargin, kind);
        }
    }
}
