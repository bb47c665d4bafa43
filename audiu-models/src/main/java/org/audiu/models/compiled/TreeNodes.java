package org.audiu.models.compiled;

import java.util.ArrayList;
import java.util.List;
import org.audiu.models.compiled.CompiledTrees.Combination;

/**
 * What {@link CompiledTrees.Builder} collects: trees declared node by node, each laid out breadth first as it is
 * finished, into the lists that {@link TreeTables} turns into the kernels' flat arrays. Node ids are local to the
 * tree being built; node 0 is its root.
 */
final class TreeNodes {
    final List<String> labels;
    final int featureCount;
    final List<Integer> treeSlots = new ArrayList<>();
    final List<Integer> splitStart = new ArrayList<>(List.of(0));
    final List<Integer> pureStart = new ArrayList<>(List.of(0));
    final List<Integer> valueStart = new ArrayList<>(List.of(0));
    final List<Integer> splitSlot = new ArrayList<>();
    final List<Integer> splitFeature = new ArrayList<>();
    final List<Float> splitThreshold = new ArrayList<>();
    final List<Boolean> splitMissingLeft = new ArrayList<>();
    final List<Integer> pure = new ArrayList<>();
    final List<Integer> valueLeaves = new ArrayList<>();
    final List<Float> leafValues = new ArrayList<>();
    /** The tree being built: per local node id, its description (null until declared). */
    private final List<Object> current = new ArrayList<>();
    private Combination leafKind;
    private boolean open;

    TreeNodes(List<String> labels, int featureCount) {
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
        declare(id, new Split(feature, threshold == 0f ? 0f : threshold, missingLeft, left, right));
    }

    /** A leaf with this class distribution (label order), for a mean of trees. */
    void leaf(int id, float[] distribution) {
        if (distribution.length != labels.size()) {
            throw new IllegalArgumentException("a leaf distribution has " + distribution.length + " values for "
                    + labels.size() + " labels");
        }
        kind(Combination.MEAN_OF_DISTRIBUTIONS);
        declare(id, new Distribution(distribution.clone()));
    }

    /** A leaf adding {@code margin} to label {@code label}, for a softmax of sums. */
    void leaf(int id, int label, float margin) {
        if (label < 0 || label >= labels.size()) {
            throw new IllegalArgumentException("a leaf adds to label " + label + " of " + labels.size());
        }
        kind(Combination.SOFTMAX_OF_MARGINS);
        declare(id, new Margin(label, margin));
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
                    pure.add(slot * CompiledTrees.WORDS);
                    pure.add(pureLabel * CompiledTrees.WORDS);
                } else {
                    valueLeaves.add(slot * CompiledTrees.WORDS);
                    valueLeaves.add(leafValues.size() / labels.size());
                    for (float v : dn.values()) {
                        leafValues.add(v);
                    }
                }
            } else if (node instanceof Margin mn) {
                valueLeaves.add(slot * CompiledTrees.WORDS);
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
}
