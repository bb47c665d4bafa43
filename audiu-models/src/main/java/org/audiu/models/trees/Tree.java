package org.audiu.models.trees;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.audiu.models.compiled.CompiledTrees;

/**
 * One fitted classification tree in flat arrays. Node 0 is the root; an internal node {@code n} sends a row with
 * {@code row[feature[n]] <= threshold[n]} to {@code child[n]}, otherwise to {@code child[n] + 1}. For a leaf
 * ({@code feature[n] == -1}), {@code child[n] >= 0} is the class of a pure leaf and {@code child[n] < 0} points at
 * {@code -(child[n] + 1)}, the offset of its class distribution in {@code distributions}. Children always come after
 * their parent, so reading a tree can check it is acyclic. Immutable.
 */
final class Tree {
    final int[] feature;
    final float[] threshold;
    final int[] child;
    final float[] distributions;
    final int classes;

    Tree(int[] feature, float[] threshold, int[] child, float[] distributions, int classes) {
        this.feature = feature;
        this.threshold = threshold;
        this.child = child;
        this.distributions = distributions;
        this.classes = classes;
    }

    int nodes() {
        return feature.length;
    }

    /** Adds this tree's class distribution for {@code row} to {@code acc}. */
    void addTo(float[] row, double[] acc) {
        int n = 0;
        int f;
        while ((f = feature[n]) >= 0) {
            n = row[f] <= threshold[n] ? child[n] : child[n] + 1;
        }
        int v = child[n];
        if (v >= 0) {
            acc[v] += 1;
        } else {
            int offset = -(v + 1);
            for (int c = 0; c < classes; c++) {
                acc[c] += distributions[offset + c];
            }
        }
    }

    /**
     * Adds this tree to a compiled ensemble: the same splits ({@code (float) value <= threshold} goes to
     * {@code child[n]}; a missing value compares false and goes right, as in {@link #addTo}) and leaves (a pure
     * leaf is the distribution 1 on its class).
     */
    void compileInto(CompiledTrees.Builder builder) {
        builder.startTree();
        for (int n = 0; n < feature.length; n++) {
            if (feature[n] >= 0) {
                builder.split(n, feature[n], threshold[n], false, child[n], child[n] + 1);
            } else {
                float[] distribution = new float[classes];
                int v = child[n];
                if (v >= 0) {
                    distribution[v] = 1f;
                } else {
                    System.arraycopy(distributions, -(v + 1), distribution, 0, classes);
                }
                builder.leaf(n, distribution);
            }
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(feature.length);
        for (int i = 0; i < feature.length; i++) {
            out.writeInt(feature[i]);
            out.writeFloat(threshold[i]);
            out.writeInt(child[i]);
        }
        out.writeInt(distributions.length);
        for (float v : distributions) {
            out.writeFloat(v);
        }
    }

    /**
     * Reads a tree written by {@link #write}, checking every index.
     *
     * @throws IOException with the reason when the bytes cannot be a valid tree
     */
    static Tree read(DataInputStream in, int classes, int features) throws IOException {
        int nodes = in.readInt();
        if (nodes < 1 || nodes > 100_000_000) {
            throw new IOException("a tree has " + nodes + " nodes");
        }
        int[] feature = new int[nodes];
        float[] threshold = new float[nodes];
        int[] child = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            feature[i] = in.readInt();
            threshold[i] = in.readFloat();
            child[i] = in.readInt();
        }
        int distLength = in.readInt();
        if (distLength < 0 || distLength > 1_000_000_000 || distLength % classes != 0) {
            throw new IOException("a tree has " + distLength + " distribution values for " + classes + " classes");
        }
        float[] distributions = new float[distLength];
        for (int i = 0; i < distLength; i++) {
            distributions[i] = in.readFloat();
            if (!(distributions[i] >= 0 && distributions[i] <= 1)) {
                throw new IOException("a tree has the probability " + distributions[i]);
            }
        }
        for (int n = 0; n < nodes; n++) {
            if (feature[n] >= 0) {
                if (feature[n] >= features || child[n] <= n || child[n] + 1 >= nodes || Float.isNaN(threshold[n])) {
                    throw new IOException("tree node " + n + " has feature " + feature[n] + " and children "
                            + child[n] + "/" + (child[n] + 1) + " of " + nodes + " nodes");
                }
            } else if (feature[n] != -1 || child[n] >= classes || (child[n] < 0 && -(child[n] + 1) + classes
                    > distLength)) {
                throw new IOException("tree leaf " + n + " has the value " + child[n]);
            }
        }
        return new Tree(feature, threshold, child, distributions, classes);
    }
}
