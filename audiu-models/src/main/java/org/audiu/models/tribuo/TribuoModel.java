package org.audiu.models.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.models.AudiuModel;
import org.audiu.models.CompiledScoringModel;
import org.audiu.models.ModelFiles;
import org.audiu.models.ModelReader;
import org.audiu.models.compiled.BatchScorer;
import org.audiu.models.compiled.TribuoCompiler;
import org.audiu.models.prep.FeaturePipeline;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * A Tribuo classification model with audiU's preprocessing and provenance, saved as Tribuo protobuf inside a
 * {@link ModelArchive}. Models whose scores are not probabilities (a linear SVM) get a softmax of their scores.
 * Trees, forests, linear models and XGBoost are scored through their compiled form ({@link TribuoCompiler})
 * with the same results as Tribuo's own path ({@link #predictWithTribuo}), many times faster.
 */
public final class TribuoModel extends CompiledScoringModel {
    public static final String KIND = "tribuo";
    static final String ENTRY = "tribuo-model.pb";
    private static final int CHUNK = 1024;

    private final Model<Label> model;
    private final FeaturePipeline pipeline;
    private final String[] featureNames;
    private final boolean batchPrediction;

    public TribuoModel(Model<Label> model, FeaturePipeline pipeline, ModelProvenance provenance,
                       boolean batchPrediction) {
        super(provenance);
        this.model = Objects.requireNonNull(model, "model");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.featureNames = TribuoData.featureNames(pipeline.outputSchema());
        this.batchPrediction = batchPrediction;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The wrapped Tribuo model. */
    public Model<Label> tribuoModel() {
        return model;
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    /** The compiled form of this model; empty for kinds of Tribuo model that have none (they are scored by Tribuo). */
    @Override
    protected Optional<BatchScorer> compile() {
        boolean probabilistic = model.generatesProbabilities();
        return TribuoCompiler.compile(model, labels(), featureNames).map(c -> new BatchScorer(c, pipeline::apply,
                featureNames.length, probabilistic));
    }

    @Override
    public double[][] predictReference(double[][] rows) {
        return predictWithTribuo(rows);
    }

    @Override
    public String referencePath() {
        return "Tribuo Model.predict(List)";
    }

    /**
     * Class probabilities through Tribuo's own {@code Model.predict(List)}: the unoptimised reference path (for tests
     * and benchmarks).
     */
    public double[][] predictWithTribuo(double[][] rows) {
        if (rows.length == 0) {
            return new double[0][];
        }
        if (batchPrediction || rows.length <= CHUNK) {
            return predictChunk(rows, 0, rows.length);
        }
        // Tribuo predicts example by example even for a list: spread chunks over the cores.
        int chunks = (rows.length + CHUNK - 1) / CHUNK;
        double[][][] parts = new double[chunks][][];
        IntStream.range(0, chunks).parallel().forEach(c ->
                parts[c] = predictChunk(rows, c * CHUNK, Math.min(rows.length, (c + 1) * CHUNK)));
        double[][] out = new double[rows.length][];
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(parts[c], 0, out, c * CHUNK, parts[c].length);
        }
        return out;
    }

    private double[][] predictChunk(double[][] rows, int from, int to) {
        List<Example<Label>> examples = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, pipeline.apply(rows[i])));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        List<String> labels = labels();
        boolean probabilistic = model.generatesProbabilities();
        double[][] out = new double[examples.size()][labels.size()];
        for (int i = 0; i < out.length; i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            for (int j = 0; j < labels.size(); j++) {
                Label l = scores.get(labels.get(j));
                out[i][j] = l == null ? (probabilistic ? 0 : Double.NEGATIVE_INFINITY) : l.getScore();
            }
            if (probabilistic) {
                normalise(out[i]);
            } else {
                softmax(out[i]);
            }
        }
        return out;
    }

    static void normalise(double[] p) {
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = Double.isFinite(p[j]) ? Math.max(0, p[j]) : 0;
            sum += p[j];
        }
        if (sum <= 0) {
            Arrays.fill(p, 1.0 / p.length);
        } else {
            for (int j = 0; j < p.length; j++) {
                p[j] /= sum;
            }
        }
    }

    static void softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        if (!Double.isFinite(max)) {
            Arrays.fill(s, 1.0 / s.length);
            return;
        }
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            s[j] = Double.isFinite(s[j]) ? Math.exp(s[j] - max) : 0;
            sum += s[j];
        }
        for (int j = 0; j < s.length; j++) {
            s[j] /= sum;
        }
    }

    @Override
    protected void writePayload(Properties meta, Map<String, byte[]> entries) throws IOException {
        pipeline.write(meta, "prep.");
        meta.setProperty("tribuo.batch-prediction", Boolean.toString(batchPrediction));
        meta.setProperty("tribuo.model-class", model.getClass().getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.serialize().writeTo(bytes);
        entries.put(ENTRY, bytes.toByteArray());
    }

    /** Reads a model written by {@link #writePayload}. */
    public static TribuoModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader) {
        FeaturePipeline pipeline;
        try {
            pipeline = FeaturePipeline.read(archive.meta(), "prep.", provenance.schema());
        } catch (org.audiu.core.archive.ModelFileException e) {
            throw archive.corrupt(e.getMessage(), e);
        }
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(archive.entry(ENTRY));
        } catch (InvalidProtocolBufferException e) {
            throw archive.corrupt("its Tribuo model is not valid protobuf (" + e.getMessage() + ")", e);
        }
        // Tribuo instantiates the class named in the file: only accept Tribuo's own model classes.
        if (!proto.getClassName().startsWith("org.tribuo.")) {
            throw archive.corrupt("its Tribuo entry names the class '" + proto.getClassName()
                    + "', which is not a Tribuo model", null);
        }
        Model<?> raw;
        try {
            raw = Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw archive.corrupt("its Tribuo model cannot be rebuilt (" + e + ")", e);
        }
        Set<String> labels = new HashSet<>();
        for (Object o : raw.getOutputIDInfo().getDomain()) {
            if (!(o instanceof Label l)) {
                throw archive.corrupt("its Tribuo model is not a classifier", null);
            }
            labels.add(l.getLabel());
        }
        if (!labels.equals(new HashSet<>(provenance.labels()))) {
            throw archive.corrupt("its Tribuo model predicts " + labels + " but the metadata lists "
                    + provenance.labels(), null);
        }
        Set<String> expected = new HashSet<>(List.of(TribuoData.featureNames(pipeline.outputSchema())));
        for (VariableInfo v : raw.getFeatureIDMap()) {
            if (!expected.contains(v.getName())) {
                throw archive.corrupt("its Tribuo model uses the feature '" + v.getName()
                        + "', which its preprocessing does not produce", null);
            }
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        return new TribuoModel(model, pipeline, provenance,
                Boolean.parseBoolean(archive.meta().getProperty("tribuo.batch-prediction", "false")));
    }

    /** Reads {@value #KIND} files ({@link #read}); registered in META-INF/services/org.audiu.models.ModelReader. */
    public static final class Reader implements ModelReader {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AudiuModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader) {
            return TribuoModel.read(archive, provenance, loader);
        }
    }
}
