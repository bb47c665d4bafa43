package org.audiu.core.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.TrainedModelReader;
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
        return new CentroidModel(schema, labels, pre, centroids, variances, logPrior, seed, data.size());
    }

    /**
     * The trained centroids. Saves to a small binary format of its own, read back by {@link Reader} (registered in
     * this test-jar's META-INF/services): the way a third-party model type travels inside a saved recommender.
     */
    public static final class CentroidModel implements TrainedModel {
        /** The format name. */
        public static final String FORMAT = "test-centroid";

        private final FeatureSchema schema;
        private final List<String> labels;
        private final Preprocessor pre;
        private final double[][] centroids;
        private final double[][] variances;
        private final double[] logPrior;
        private final ModelProvenance provenance;

        CentroidModel(FeatureSchema schema, List<String> labels, Preprocessor pre, double[][] centroids,
                      double[][] variances, double[] logPrior, long seed, int rows) {
            this.schema = schema;
            this.labels = List.copyOf(labels);
            this.pre = pre;
            this.centroids = centroids;
            this.variances = variances;
            this.logPrior = logPrior;
            this.provenance = new ModelProvenance("test-centroid", Map.of(), seed, rows, schema, labels,
                    pre.describe(), Map.of("audiu-core", "test"), Instant.EPOCH);
        }

        @Override public FeatureSchema schema() { return schema; }
        @Override public List<String> labels() { return labels; }
        @Override public ModelProvenance provenance() { return provenance; }
        @Override public String format() { return FORMAT; }

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

        @Override
        public byte[] toBytes() throws IOException {
            FittedState.Writer w = new FittedState.Writer().writeString(FORMAT);
            w.writeInt(schema.size());
            for (String n : schema.names()) {
                w.writeString(n);
            }
            w.writeInt(labels.size());
            for (String l : labels) {
                w.writeString(l);
            }
            w.writeBoolean(pre.standardises()).writeDoubles(pre.medians()).writeDoubles(pre.means())
                    .writeDoubles(pre.stds());
            for (int c = 0; c < labels.size(); c++) {
                w.writeDoubles(centroids[c]).writeDoubles(variances[c]);
            }
            w.writeDoubles(logPrior).writeLong(provenance.seed()).writeInt(provenance.trainingRows());
            return w.toBytes();
        }

        @Override
        public void save(Path file) throws IOException {
            Files.write(file, toBytes());
        }
    }

    /** Reads {@link CentroidModel#toBytes()}; found through ServiceLoader. */
    public static final class Reader implements TrainedModelReader {
        @Override
        public String format() {
            return CentroidModel.FORMAT;
        }

        @Override
        public TrainedModel read(byte[] bytes, String where) {
            try {
                FittedState.Reader in = new FittedState.Reader(bytes);
                if (!in.readString().equals(CentroidModel.FORMAT)) {
                    throw new ModelFileException(where + " is not a test-centroid model");
                }
                List<String> names = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    names.add(in.readString());
                }
                List<String> labels = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    labels.add(in.readString());
                }
                FeatureSchema schema = new FeatureSchema(names);
                boolean standardise = in.readBoolean();
                Preprocessor pre = new Preprocessor(schema, in.readDoubles(), in.readDoubles(), in.readDoubles(),
                        standardise);
                double[][] centroids = new double[labels.size()][];
                double[][] variances = new double[labels.size()][];
                for (int c = 0; c < labels.size(); c++) {
                    centroids[c] = in.readDoubles();
                    variances[c] = in.readDoubles();
                }
                double[] logPrior = in.readDoubles();
                long seed = in.readLong();
                int rows = in.readInt();
                in.requireEnd();
                return new CentroidModel(schema, labels, pre, centroids, variances, logPrior, seed, rows);
            } catch (IOException | IllegalArgumentException e) {
                throw new ModelFileException("The test-centroid model in " + where + " is corrupt: " + e.getMessage(),
                        e);
            }
        }
    }
}
