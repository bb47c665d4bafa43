package org.audiu.core.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureSchema;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;

/**
 * A small real trainer for tests of modules that must not depend on audiu-models: a weighted per-class centroid with
 * per-class spread (Gaussian naive Bayes on standardised features), so a compact "liked" cluster is told apart from a
 * broad pool. Name: {@code test-centroid}.
 */
public final class CentroidTrainer implements Trainer {
    private final long seed;

    public CentroidTrainer(long seed) {
        this.seed = seed;
    }

    /** Its factory, for registries built in tests. */
    public static final class Factory implements TrainerFactory {
        @Override public String name() { return "test-centroid"; }
        @Override public Trainer create(ComponentConfig config) { return new CentroidTrainer(config.seed()); }
    }

    @Override
    public TrainedModel train(LabelledData data) {
        data.requireTrainable("test-centroid");
        FeatureSchema schema = data.schema();
        Preprocessor pre = Preprocessor.fit(schema, data.featureMatrix(), true);
        List<String> labels = data.labels();
        int d = schema.size();
        double[][] centroids = new double[labels.size()][d];
        double[][] variances = new double[labels.size()][d];
        double[] weights = new double[labels.size()];
        for (LabelledExample e : data.examples()) {
            int c = labels.indexOf(e.label());
            double[] x = pre.apply(e.features());
            for (int j = 0; j < d; j++) {
                centroids[c][j] += e.weight() * x[j];
            }
            weights[c] += e.weight();
        }
        for (int c = 0; c < centroids.length; c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] /= weights[c];
            }
        }
        for (LabelledExample e : data.examples()) {
            int c = labels.indexOf(e.label());
            double[] x = pre.apply(e.features());
            for (int j = 0; j < d; j++) {
                variances[c][j] += e.weight() * (x[j] - centroids[c][j]) * (x[j] - centroids[c][j]);
            }
        }
        double totalWeight = java.util.Arrays.stream(weights).sum();
        double[] logPrior = new double[labels.size()];
        for (int c = 0; c < centroids.length; c++) {
            logPrior[c] = Math.log(weights[c] / totalWeight);
            for (int j = 0; j < d; j++) {
                variances[c][j] = variances[c][j] / weights[c] + 0.05;
            }
        }
        ModelProvenance provenance = new ModelProvenance("test-centroid", Map.of(), seed, data.size(), schema, labels,
                pre.describe(), Map.of("audiu-core", "test"), Instant.EPOCH);
        return new TrainedModel() {
            @Override public FeatureSchema schema() { return schema; }
            @Override public List<String> labels() { return labels; }
            @Override public ModelProvenance provenance() { return provenance; }

            @Override
            public double[][] predictProbabilities(double[][] rows) {
                double[][] out = new double[rows.length][labels.size()];
                for (int i = 0; i < rows.length; i++) {
                    double[] x = pre.apply(rows[i]);
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < centroids.length; c++) {
                        double logLikelihood = logPrior[c];
                        for (int j = 0; j < x.length; j++) {
                            double diff = x[j] - centroids[c][j];
                            logLikelihood -= 0.5 * (diff * diff / variances[c][j] + Math.log(variances[c][j]));
                        }
                        out[i][c] = logLikelihood;
                        max = Math.max(max, logLikelihood);
                    }
                    double sum = 0;
                    for (int c = 0; c < centroids.length; c++) {
                        out[i][c] = Math.exp(out[i][c] - max);
                        sum += out[i][c];
                    }
                    for (int c = 0; c < centroids.length; c++) {
                        out[i][c] /= sum;
                    }
                }
                return out;
            }

            @Override public String format() { return "test-centroid"; }

            @Override
            public byte[] toBytes() {
                return ("test-centroid " + labels + " " + schema).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void save(Path file) throws java.io.IOException {
                Files.writeString(file, "test-centroid " + labels + " " + schema, StandardCharsets.UTF_8);
            }
        };
    }
}
