package org.audiu.models.compiled;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feed-forward network of dense layers ({@code out = activation(in x W + b)}) evaluated in plain Java for blocks
 * of rows: each layer adds, for every non-zero input unit (the ones a ReLU zeroed are skipped), that unit times its
 * weight row to the row's outputs, four input units per pass over the outputs, a loop over whole arrays at one index
 * that the JIT vectorises (with offsets into shared arrays it cannot rule out aliasing and stays scalar). Products
 * of the {@code float} weights and inputs are summed in {@code double}, so the outputs are the network's exact
 * values and differ from a {@code float} BLAS only by that library's rounding. Immutable and thread-safe.
 */
public final class CompiledDense implements CompiledClassifier {
    /** Activations of a layer. */
    public enum Activation { IDENTITY, RELU, SIGMOID, TANH, SOFTMAX }

    /** Rows evaluated together. */
    static final int BLOCK = 64;

    private final List<String> labels;
    private final int featureCount;
    private final int[] width;
    /** Layer l: weights[l][i][j] from input unit i to output unit j (float values, widened). */
    private final double[][][] weights;
    private final double[][] biases;
    private final Activation[] activations;

    private CompiledDense(List<String> labels, int featureCount, List<double[][]> weights, List<double[]> biases,
                          List<Activation> activations) {
        this.labels = List.copyOf(labels);
        this.featureCount = featureCount;
        this.weights = weights.toArray(double[][][]::new);
        this.biases = biases.toArray(double[][]::new);
        this.activations = activations.toArray(Activation[]::new);
        this.width = new int[this.weights.length + 1];
        width[0] = featureCount;
        for (int l = 0; l < this.biases.length; l++) {
            width[l + 1] = this.biases[l].length;
        }
    }

    /** A builder for a network from {@code featureCount} inputs to one output per label (in label order). */
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

    @Override
    public String describe() {
        StringBuilder shape = new StringBuilder();
        for (int l = 0; l < width.length; l++) {
            shape.append(l == 0 ? "" : "-").append(width[l]);
        }
        return String.format(Locale.ROOT, "dense network %s (%s output), blocks of %d rows", shape,
                activations[activations.length - 1].name().toLowerCase(Locale.ROOT), BLOCK);
    }

    @Override
    public void scores(double[] row, double[] out) {
        double[] all = new double[labels.size()];
        scores(new double[][] {row}, 1, all);
        System.arraycopy(all, 0, out, 0, all.length);
    }

    @Override
    public void scores(double[][] rows, int count, double[] out) {
        int widest = 0;
        for (int w : width) {
            widest = Math.max(widest, w);
        }
        double[][] a = new double[BLOCK][widest];
        double[][] z = new double[BLOCK][widest];
        int[] nonZero = new int[widest];
        int k = labels.size();
        for (int from = 0; from < count; from += BLOCK) {
            int b = Math.min(BLOCK, count - from);
            for (int r = 0; r < b; r++) {
                double[] row = rows[from + r];
                for (int i = 0; i < featureCount; i++) {
                    a[r][i] = (float) row[i]; // the network sees float inputs
                }
            }
            for (int l = 0; l < weights.length; l++) {
                for (int r = 0; r < b; r++) {
                    layer(l, a[r], z[r], nonZero);
                }
                double[][] t = a;
                a = z;
                z = t;
            }
            for (int r = 0; r < b; r++) {
                System.arraycopy(a[r], 0, out, (from + r) * k, k);
            }
        }
    }

    /** One layer for one row: z = activation(x W + bias), width[l] inputs, width[l + 1] outputs. */
    private void layer(int l, double[] x, double[] z, int[] nonZero) {
        int in = width[l];
        int n = width[l + 1];
        double[][] w = weights[l];
        System.arraycopy(biases[l], 0, z, 0, n);
        int m = 0;
        for (int i = 0; i < in; i++) {
            nonZero[m] = i;
            m += x[i] != 0 ? 1 : 0; // a ReLU's zeros add nothing
        }
        int q = 0;
        for (; q + 4 <= m; q += 4) {
            int i0 = nonZero[q];
            int i1 = nonZero[q + 1];
            int i2 = nonZero[q + 2];
            int i3 = nonZero[q + 3];
            addFour(z, x[i0], w[i0], x[i1], w[i1], x[i2], w[i2], x[i3], w[i3], n);
        }
        for (; q < m; q++) {
            int i = nonZero[q];
            addOne(z, x[i], w[i], n);
        }
        activate(activations[l], z, 0, n);
    }

    private static void addFour(double[] z, double v0, double[] w0, double v1, double[] w1, double v2, double[] w2,
                                double v3, double[] w3, int n) {
        for (int j = 0; j < n; j++) {
            z[j] += v0 * w0[j] + v1 * w1[j] + v2 * w2[j] + v3 * w3[j];
        }
    }

    private static void addOne(double[] z, double v, double[] w, int n) {
        for (int j = 0; j < n; j++) {
            z[j] += v * w[j];
        }
    }

    private static void activate(Activation activation, double[] z, int o, int n) {
        switch (activation) {
            case IDENTITY -> { }
            case RELU -> {
                for (int j = o; j < o + n; j++) {
                    z[j] = Math.max(0, z[j]);
                }
            }
            case SIGMOID -> {
                for (int j = o; j < o + n; j++) {
                    z[j] = 1 / (1 + Math.exp(-z[j]));
                }
            }
            case TANH -> {
                for (int j = o; j < o + n; j++) {
                    z[j] = Math.tanh(z[j]);
                }
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = o; j < o + n; j++) {
                    max = Math.max(max, z[j]);
                }
                double sum = 0;
                for (int j = o; j < o + n; j++) {
                    z[j] = Math.exp(z[j] - max);
                    sum += z[j];
                }
                for (int j = o; j < o + n; j++) {
                    z[j] /= sum;
                }
            }
            default -> throw new IllegalStateException("activation " + activation);
        }
    }

    /** Collects layers, input side first. */
    public static final class Builder {
        private final List<String> labels;
        private final int featureCount;
        private final List<double[][]> weights = new ArrayList<>();
        private final List<double[]> biases = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private int width;

        private Builder(List<String> labels, int featureCount) {
            if (labels.isEmpty() || featureCount < 1) {
                throw new IllegalArgumentException("a network needs labels and inputs, got " + labels.size()
                        + " labels and " + featureCount + " inputs");
            }
            this.labels = List.copyOf(labels);
            this.featureCount = featureCount;
            this.width = featureCount;
        }

        /**
         * Adds a layer.
         *
         * @param weight weight[i][j] from input unit i to output unit j
         * @param bias   one per output unit
         */
        public Builder layer(float[][] weight, float[] bias, Activation activation) {
            if (weight.length != width) {
                throw new IllegalArgumentException("layer " + weights.size() + " has " + weight.length
                        + " inputs, the previous layer " + width + " outputs");
            }
            int n = bias.length;
            double[][] rows = new double[width][n];
            for (int i = 0; i < width; i++) {
                if (weight[i].length != n) {
                    throw new IllegalArgumentException("layer " + weights.size() + " has " + weight[i].length
                            + " weights from input " + i + " for " + n + " biases");
                }
                for (int j = 0; j < n; j++) {
                    rows[i][j] = weight[i][j];
                }
            }
            double[] b = new double[n];
            for (int j = 0; j < n; j++) {
                b[j] = bias[j];
            }
            weights.add(rows);
            biases.add(b);
            activations.add(java.util.Objects.requireNonNull(activation, "activation"));
            width = n;
            return this;
        }

        public CompiledDense build() {
            if (weights.isEmpty() || width != labels.size()) {
                throw new IllegalStateException("the network has " + weights.size() + " layers and " + width
                        + " outputs for " + labels.size() + " labels");
            }
            return new CompiledDense(labels, featureCount, weights, biases, activations);
        }
    }
}
