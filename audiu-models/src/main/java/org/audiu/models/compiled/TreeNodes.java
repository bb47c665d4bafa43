package org.audiu.models.compiled;

import java.util.Arrays;
import java.util.List;
import org.audiu.models.compiled.CompiledTrees.Combination;

/**
 * What {@link CompiledTrees.Builder} collects: trees declared node by node, each laid out breadth first as it is
 * finished, into the lists that {@link TreeTables} turns into the kernels' flat arrays. Node ids are local to the
 * tree being built; node 0 is its root.
 */
final class TreeNodes {
    private static final int UNDECLARED = 0;
    private static final int SPLIT = 1;
    private static final int DISTRIBUTION = 2;
    private static final int MARGIN = 3;

    final List<String> labels;
    final int featureCount;
    final GrowableInts treeSlots = new GrowableInts();
    final GrowableInts splitStart = new GrowableInts();
    final GrowableInts pureStart = new GrowableInts();
    final GrowableInts valueStart = new GrowableInts();
    final GrowableInts splitSlot = new GrowableInts();
    final GrowableInts splitFeature = new GrowableInts();
    final GrowableFloats splitThreshold = new GrowableFloats();
    /** Per split: 1 when it sends missing values left. */
    final GrowableInts splitMissingLeft = new GrowableInts();
    final GrowableInts pure = new GrowableInts();
    final GrowableInts valueLeaves = new GrowableInts();
    final GrowableFloats leafValues = new GrowableFloats();
    /**
     * The tree being built, per local node id (reused from tree to tree): its kind (0 until declared), feature or
     * label, threshold or margin, whether missing values go left, its children, and where a distribution leaf's
     * values start in {@link #currentValues}.
     */
    private int[] nodeKind = new int[64];
    private int[] nodeInt = new int[64];
    private float[] nodeFloat = new float[64];
    private boolean[] nodeMissingLeft = new boolean[64];
    private int[] nodeLeft = new int[64];
    private int[] nodeRight = new int[64];
    private int[] nodeValues = new int[64];
    private final GrowableFloats currentValues = new GrowableFloats();
    /** One more than the largest node id declared in the open tree. */
    private int currentSize;
    private int[] queue = new int[64];
    private boolean[] seen = new boolean[64];
    private Combination leafKind;
    private boolean open;

    TreeNodes(List<String> labels, int featureCount) {
        this.labels = List.copyOf(labels);
        if (labels.isEmpty() || featureCount < 1) {
            throw new IllegalArgumentException("a tree model needs labels and features, got " + labels.size()
                    + " labels and " + featureCount + " features");
        }
        this.featureCount = featureCount;
        splitStart.add(0);
        pureStart.add(0);
        valueStart.add(0);
    }

    /** Starts the next tree (after finishing the previous one). */
    void startTree() {
        finishTree();
        open = true;
    }

    /** See {@link CompiledTrees.Builder#split}. */
    void split(int id, int feature, float threshold, boolean missingLeft, int left, int right) {
        if (feature < 0 || feature >= featureCount) {
            throw new IllegalArgumentException("split on feature " + feature + " of " + featureCount);
        }
        if (Float.isNaN(threshold)) {
            throw new IllegalArgumentException("split on feature " + feature + " has the threshold NaN");
        }
        declare(id, SPLIT);
        nodeInt[id] = feature;
        nodeFloat[id] = threshold == 0f ? 0f : threshold;
        nodeMissingLeft[id] = missingLeft;
        nodeLeft[id] = left;
        nodeRight[id] = right;
    }

    /** A leaf with this class distribution (label order), for a mean of trees. */
    void leaf(int id, float[] distribution) {
        if (distribution.length != labels.size()) {
            throw new IllegalArgumentException("a leaf distribution has " + distribution.length + " values for "
                    + labels.size() + " labels");
        }
        kind(Combination.MEAN_OF_DISTRIBUTIONS);
        declare(id, DISTRIBUTION);
        nodeValues[id] = currentValues.size();
        currentValues.addAll(distribution);
    }

    /** A leaf adding {@code margin} to label {@code label}, for a softmax of sums. */
    void leaf(int id, int label, float margin) {
        if (label < 0 || label >= labels.size()) {
            throw new IllegalArgumentException("a leaf adds to label " + label + " of " + labels.size());
        }
        kind(Combination.SOFTMAX_OF_MARGINS);
        declare(id, MARGIN);
        nodeInt[id] = label;
        nodeFloat[id] = margin;
    }

    private void kind(Combination k) {
        if (leafKind != null && leafKind != k) {
            throw new IllegalStateException("distribution and margin leaves cannot be mixed");
        }
        leafKind = k;
    }

    private void declare(int id, int kind) {
        if (!open) {
            throw new IllegalStateException("startTree() first");
        }
        if (id < 0 || id > 100_000_000) {
            throw new IllegalArgumentException("node id " + id);
        }
        if (id >= nodeKind.length) {
            grow(id + 1);
        }
        if (id >= currentSize) {
            currentSize = id + 1;
        }
        if (nodeKind[id] != UNDECLARED) {
            throw new IllegalArgumentException("node " + id + " declared twice");
        }
        nodeKind[id] = kind;
    }

    /** Room for node ids below {@code n}; new slots are undeclared. */
    private void grow(int n) {
        int capacity = Math.max(n, nodeKind.length + (nodeKind.length >> 1));
        nodeKind = Arrays.copyOf(nodeKind, capacity);
        nodeInt = Arrays.copyOf(nodeInt, capacity);
        nodeFloat = Arrays.copyOf(nodeFloat, capacity);
        nodeMissingLeft = Arrays.copyOf(nodeMissingLeft, capacity);
        nodeLeft = Arrays.copyOf(nodeLeft, capacity);
        nodeRight = Arrays.copyOf(nodeRight, capacity);
        nodeValues = Arrays.copyOf(nodeValues, capacity);
        queue = new int[capacity];
        seen = new boolean[capacity];
    }

    /** Finishes the open tree and lays every tree out in flat tables, for leaves combined as {@code expected}. */
    TreeTables tables(Combination expected) {
        finishTree();
        if (treeSlots.isEmpty()) {
            throw new IllegalStateException("no trees");
        }
        if (leafKind != expected) {
            throw new IllegalStateException("the leaves are " + leafKind + ", not " + expected);
        }
        return new TreeTables(this, expected);
    }

    /** Lays the open tree out breadth first: split j's children get slots 2j + 1 and 2j + 2. */
    private void finishTree() {
        if (!open) {
            return;
        }
        open = false;
        int n = currentSize;
        if (n == 0 || nodeKind[0] == UNDECLARED) {
            throw new IllegalStateException("tree " + treeSlots.size() + " has no root (node 0)");
        }
        int k = labels.size();
        Arrays.fill(seen, 0, n, false);
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        seen[0] = true;
        while (head < tail) {
            int slot = head;
            int id = queue[head++];
            switch (nodeKind[id]) {
                case SPLIT -> {
                    for (int side = 0; side < 2; side++) {
                        int c = side == 0 ? nodeLeft[id] : nodeRight[id];
                        if (c < 0 || c >= n || nodeKind[c] == UNDECLARED || seen[c]) {
                            throw new IllegalStateException("tree " + treeSlots.size() + ": split " + id
                                    + " has the missing, repeated or shared child " + c);
                        }
                        seen[c] = true;
                        queue[tail++] = c;
                    }
                    splitSlot.add(slot);
                    splitFeature.add(nodeInt[id]);
                    splitThreshold.add(nodeFloat[id]);
                    splitMissingLeft.add(nodeMissingLeft[id] ? 1 : 0);
                }
                case DISTRIBUTION -> {
                    int from = nodeValues[id];
                    int pureLabel = pureLabel(currentValues, from, k);
                    if (pureLabel >= 0) {
                        pure.add(slot * CompiledTrees.WORDS);
                        pure.add(pureLabel * CompiledTrees.WORDS);
                    } else {
                        valueLeaves.add(slot * CompiledTrees.WORDS);
                        valueLeaves.add(leafValues.size() / k);
                        for (int j = 0; j < k; j++) {
                            leafValues.add(currentValues.get(from + j));
                        }
                    }
                }
                case MARGIN -> {
                    valueLeaves.add(slot * CompiledTrees.WORDS);
                    valueLeaves.add(nodeInt[id]);
                    leafValues.add(nodeFloat[id]);
                }
                default -> throw new IllegalStateException("tree " + treeSlots.size() + ": node " + id
                        + " is undeclared");
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
        Arrays.fill(nodeKind, 0, n, UNDECLARED);
        currentSize = 0;
        currentValues.clear();
    }

    /** The label of a distribution (k values from {@code from}) that is 1 on one label and 0 elsewhere, else -1. */
    private static int pureLabel(GrowableFloats values, int from, int k) {
        int label = -1;
        for (int j = 0; j < k; j++) {
            float v = values.get(from + j);
            if (v == 1f && label < 0) {
                label = j;
            } else if (v != 0f) {
                return -1;
            }
        }
        return label;
    }
}
