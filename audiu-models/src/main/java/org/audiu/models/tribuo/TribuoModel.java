package org.audiu.models.tribuo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ml.ModelProvenance;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.ml.TrainedModel;
import org.audiu.models.compiled.BatchScorer;
import org.audiu.models.compiled.CompiledClassifier;
import org.audiu.models.compiled.TribuoCompiler;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * A Tribuo classification model with audiU's preprocessing and provenance. Predictions go through the model's
 * compiled form ({@link TribuoCompiler}: trees, forests, linear models) where it has one, with the same results as
 * Tribuo's own path ({@link #predictWithTribuo}), many times faster. Saved as a zip holding Tribuo's protobuf
 * model and a properties file with provenance and preprocessing statistics (never Java serialization).
 */
public final class TribuoModel implements TrainedModel {
    static final String TRIBUO_ENTRY = "tribuo-model.pb";
    static final String META_ENTRY = "audiu-model.properties";

    private final Model<Label> model;
    private final Preprocessor preprocessor;
    private final ModelProvenance provenance;
    private final String[] featureNames;
    /** The compiled fast path: null until the first prediction, then present or empty (not compilable). */
    private volatile Optional<BatchScorer> fast;

    public TribuoModel(Model<Label> model, Preprocessor preprocessor, ModelProvenance provenance) {
        this.model = Objects.requireNonNull(model, "model");
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.featureNames = TribuoData.featureNames(provenance.schema());
    }

    /** The wrapped Tribuo model. */
    public Model<Label> tribuoModel() {
        return model;
    }

    public Preprocessor preprocessor() {
        return preprocessor;
    }

    @Override
    public FeatureSchema schema() {
        return provenance.schema();
    }

    @Override
    public List<String> labels() {
        return provenance.labels();
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    /**
     * The compiled form of this model ({@link TribuoCompiler}), compiled on first use; empty for kinds of model that
     * have none (they are scored by Tribuo).
     */
    public Optional<CompiledClassifier> compiled() {
        return fastPath().map(BatchScorer::classifier);
    }

    private Optional<BatchScorer> fastPath() {
        Optional<BatchScorer> f = fast;
        if (f == null) {
            synchronized (this) {
                f = fast;
                if (f == null) {
                    f = TribuoCompiler.compile(model, labels(), featureNames).map(c -> new BatchScorer(c, preprocessor));
                    fast = f;
                }
            }
        }
        return f;
    }

    /** Class probabilities; through the compiled form where there is one, with Tribuo's results. */
    @Override
    public double[][] predictProbabilities(double[][] rows) {
        Optional<BatchScorer> f = fastPath();
        return f.isPresent() ? f.get().probabilities(rows) : predictWithTribuo(rows);
    }

    @Override
    public double[] probabilityOf(String label, double[][] rows) {
        Optional<BatchScorer> f = fastPath();
        int column = labels().indexOf(label);
        if (f.isEmpty() || column < 0) {
            return TrainedModel.super.probabilityOf(label, rows);
        }
        return f.get().probabilityOf(column, rows);
    }

    /**
     * Class probabilities through Tribuo's own {@code Model.predict(List)}: the unoptimised reference path (for tests
     * and benchmarks).
     */
    public double[][] predictWithTribuo(double[][] rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        Label unknown = org.tribuo.classification.LabelFactory.UNKNOWN_LABEL;
        for (double[] row : rows) {
            examples.add(new ArrayExample<>(unknown, featureNames, preprocessor.apply(row)));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        List<String> labels = labels();
        double[][] out = new double[rows.length][labels.size()];
        double[] raw = new double[labels.size()];
        for (int i = 0; i < predictions.size(); i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            for (int j = 0; j < labels.size(); j++) {
                Label l = scores.get(labels.get(j));
                raw[j] = l == null ? 0 : l.getScore();
            }
            BatchScorer.toProbabilities(raw, labels.size(), out[i]);
        }
        return out;
    }

    @Override
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(META_ENTRY));
            ModelMetadata.write(provenance, preprocessor, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(TRIBUO_ENTRY));
            model.serializeToStream(new NonClosingOutputStream(zip));
            zip.closeEntry();
        }
    }

    /** Keeps Tribuo from closing the zip stream. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
