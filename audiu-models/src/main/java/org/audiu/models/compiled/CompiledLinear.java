package org.audiu.models.compiled;

import java.util.List;
import java.util.Locale;

/**
 * A linear classifier: {@code score_j = bias_j + sum_i weight_j,i * row_i} for each label, then Tribuo's output
 * normaliser (softmax for logistic regression), or LIBLINEAR's one-vs-rest normalisation.
 */
final class CompiledLinear implements CompiledClassifier {
    /** Tribuo's vector normalisers, by behaviour. */
    enum Normaliser {
        NONE, SOFTMAX, SIGMOID, SHIFT_AND_SCALE,
        /** LIBLINEAR's one-vs-rest probabilities: a sigmoid per class, then divided by their sum. */
        ONE_VS_REST
    }

    private final List<String> labels;
    private final int featureCount;
    /** weights[j * featureCount + i] for label j (labels order), column i. */
    private final double[] weights;
    private final double[] bias;
    private final Normaliser normaliser;

    CompiledLinear(List<String> labels, int featureCount, double[] weights, double[] bias, Normaliser normaliser) {
        this.labels = List.copyOf(labels);
        this.featureCount = featureCount;
        this.weights = weights;
        this.bias = bias;
        this.normaliser = normaliser;
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
    public void scores(double[] row, double[] out) {
        int k = labels.size();
        int d = featureCount;
        for (int j = 0; j < k; j++) {
            double s = 0;
            int base = j * d;
            for (int i = 0; i < d; i++) {
                s += weights[base + i] * row[i];
            }
            out[j] = s + bias[j];
        }
        normalise(out, k, normaliser);
    }

    /** Tribuo's ExpNormalizer, SigmoidNormalizer, Normalizer and NoopNormalizer, in place. */
    static void normalise(double[] v, int k, Normaliser normaliser) {
        switch (normaliser) {
            case NONE -> { }
            case SOFTMAX -> {
                double max = -Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, v[j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    v[j] = Math.exp(v[j] - max);
                    sum += v[j];
                }
                for (int j = 0; j < k; j++) {
                    v[j] /= sum;
                }
            }
            case SIGMOID -> {
                for (int j = 0; j < k; j++) {
                    v[j] = 1.0 / (1.0 + Math.exp(-v[j]));
                }
            }
            case SHIFT_AND_SCALE -> {
                double min = Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    min = Math.min(min, v[j]);
                }
                min -= 0.01;
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    v[j] -= min;
                    sum += v[j];
                }
                for (int j = 0; j < k; j++) {
                    v[j] /= sum;
                }
            }
            case ONE_VS_REST -> {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    v[j] = 1.0 / (1.0 + Math.exp(-v[j]));
                    sum += v[j];
                }
                for (int j = 0; j < k; j++) {
                    v[j] /= sum;
                }
            }
            default -> throw new IllegalStateException("normaliser " + normaliser);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "linear: %d labels x %d features, %s", labels.size(), featureCount,
                normaliser.name().toLowerCase(Locale.ROOT));
    }
}
