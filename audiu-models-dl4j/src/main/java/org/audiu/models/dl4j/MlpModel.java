package org.audiu.models.dl4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.models.AudiuModel;
import org.audiu.models.CompiledScoringModel;
import org.audiu.models.ModelFiles;
import org.audiu.models.ModelReader;
import org.audiu.models.compiled.BatchScorer;
import org.audiu.models.compiled.CompiledClassifier;
import org.audiu.models.compiled.CompiledDense;
import org.audiu.models.prep.FeaturePipeline;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Deeplearning4j network with audiU's preprocessing, saved as Deeplearning4j's own zip (configuration JSON and
 * binary coefficients, written by {@link ModelSerializer}) inside the {@link ModelArchive}. Before restoring, the
 * inner zip is checked to hold only those two entries, so no serialized Java objects are ever read.
 *
 * <p>Prediction goes through the network's weights copied into a {@link CompiledDense} on first use (Deeplearning4j
 * scored about 25 k rows/s on two cores even in large batches); Deeplearning4j's own {@code output} stays the
 * reference ({@link #predictReference}), serialised on the network, which is not thread-safe. A network with layers
 * or activations the compiled form does not know keeps the reference path.
 */
final class MlpModel extends CompiledScoringModel {
    /** The model-file kind of the multilayer perceptron. */
    static final String KIND = "mlp";
    private static final Logger LOG = LoggerFactory.getLogger(MlpModel.class);
    static final String ENTRY = "mlp-network.zip";
    private static final Set<String> ALLOWED_DL4J_ENTRIES = Set.of("configuration.json", "coefficients.bin",
            "noParams.marker");
    private static final int CHUNK = 8192;

    private final MultiLayerNetwork net;
    private final FeaturePipeline pipeline;
    private final int threads;

    MlpModel(MultiLayerNetwork net, FeaturePipeline pipeline, int threads, ModelProvenance provenance) {
        super(provenance);
        this.net = net;
        this.pipeline = pipeline;
        this.threads = threads;
    }

    /** The network (for tests that run it in double precision). */
    MultiLayerNetwork network() {
        return net;
    }

    FeaturePipeline pipeline() {
        return pipeline;
    }

    static String dl4jVersion() {
        return ModelProvenance.versionOf(MultiLayerNetwork.class).equals("unknown") ? "1.0.0-M2.1"
                : ModelProvenance.versionOf(MultiLayerNetwork.class);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected Optional<BatchScorer> compile() {
        int width = pipeline.outputSchema().size();
        synchronized (net) {
            return compile(width).map(c -> new BatchScorer(c, pipeline::apply, width, true));
        }
    }

    /** The network's dense layers and activations, or empty (logged) when it has anything else. */
    private Optional<CompiledClassifier> compile(int width) {
        CompiledDense.Builder builder = CompiledDense.builder(labels(), width);
        for (int l = 0; l < net.getnLayers(); l++) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(l);
            Object conf = layer.conf().getLayer();
            Map<String, INDArray> params = layer.paramTable();
            if (!(conf instanceof DenseLayer || conf instanceof OutputLayer)
                    || net.getLayerWiseConfigurations().getInputPreProcess(l) != null
                    || !params.keySet().equals(Set.of("W", "b"))) {
                LOG.info("mlp layer {} ({}) has no compiled form; scoring with Deeplearning4j", l,
                        conf.getClass().getSimpleName());
                return Optional.empty();
            }
            IActivation fn = ((BaseLayer) conf).getActivationFn();
            CompiledDense.Activation activation = activation(fn);
            if (activation == null) {
                LOG.info("mlp layer {} has the activation {}, which has no compiled form; scoring with "
                        + "Deeplearning4j", l, fn);
                return Optional.empty();
            }
            try {
                builder.layer(params.get("W").toFloatMatrix(), params.get("b").toFloatVector(), activation);
            } catch (IllegalArgumentException e) {
                LOG.warn("mlp layer {} cannot be compiled ({}); scoring with Deeplearning4j", l, e.getMessage());
                return Optional.empty();
            }
        }
        try {
            return Optional.of(builder.build());
        } catch (IllegalStateException e) {
            LOG.warn("The mlp cannot be compiled ({}); scoring with Deeplearning4j", e.getMessage());
            return Optional.empty();
        }
    }

    private static CompiledDense.Activation activation(IActivation fn) {
        if (fn instanceof ActivationReLU relu) {
            boolean plain = (relu.getMax() == null || relu.getMax().isInfinite())
                    && (relu.getThreshold() == null || relu.getThreshold() == 0.0)
                    && (relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0.0);
            return plain ? CompiledDense.Activation.RELU : null;
        }
        if (fn instanceof ActivationSoftmax) {
            return CompiledDense.Activation.SOFTMAX;
        }
        if (fn instanceof ActivationIdentity) {
            return CompiledDense.Activation.IDENTITY;
        }
        if (fn instanceof ActivationSigmoid) {
            return CompiledDense.Activation.SIGMOID;
        }
        if (fn instanceof ActivationTanH) {
            return CompiledDense.Activation.TANH;
        }
        return null;
    }

    @Override
    public String referencePath() {
        return "Deeplearning4j MultiLayerNetwork.output";
    }

    /** Class probabilities through Deeplearning4j's {@code output}: the unoptimised reference path. */
    @Override
    public double[][] predictReference(double[][] rows) {
        double[][] x = pipeline.applyAll(rows);
        double[][] out = new double[rows.length][];
        synchronized (net) {
            MlpTrainer.configureThreads(threads);
            for (int start = 0; start < rows.length; start += CHUNK) {
                int end = Math.min(rows.length, start + CHUNK);
                int[] idx = java.util.stream.IntStream.range(start, end).toArray();
                INDArray in = MlpTrainer.features(x, idx);
                INDArray p = net.output(in, false);
                double[][] part = p.toDoubleMatrix();
                MlpTrainer.release(in, p);
                System.arraycopy(part, 0, out, start, part.length);
            }
        }
        for (double[] row : out) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            for (int j = 0; j < row.length; j++) {
                row[j] /= sum;
            }
        }
        return out;
    }

    @Override
    protected void writePayload(Properties meta, Map<String, byte[]> entries) throws IOException {
        pipeline.write(meta, "prep.");
        meta.setProperty("mlp.threads", Integer.toString(threads));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        synchronized (net) {
            ModelSerializer.writeModel(net, bytes, false);
        }
        entries.put(ENTRY, bytes.toByteArray());
    }

    /**
     * Reads networks written by {@link #writePayload}; registered in META-INF/services/org.audiu.models.ModelReader.
     */
    public static final class Reader implements ModelReader {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AudiuModel read(ModelArchive a, ModelProvenance provenance, ModelFiles loader) {
            FeaturePipeline pipeline;
            try {
                pipeline = FeaturePipeline.read(a.meta(), "prep.", provenance.schema());
            } catch (ModelFileException e) {
                throw a.corrupt(e.getMessage(), e);
            }
            int threads = a.requireInt("mlp.threads", 1, 4096);
            byte[] network = a.entry(ENTRY);
            checkEntries(a, network);
            MultiLayerNetwork net;
            try {
                MlpTrainer.configureThreads(threads);
                net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(network), false);
            } catch (IOException | RuntimeException e) {
                throw a.corrupt("its Deeplearning4j network cannot be restored (" + e + ")", e);
            }
            int layers = net.getnLayers();
            if (layers < 1 || !(net.getLayer(0).conf().getLayer() instanceof FeedForwardLayer first)
                    || !(net.getLayer(layers - 1).conf().getLayer() instanceof FeedForwardLayer last)
                    || first.getNIn() != pipeline.outputSchema().size()
                    || last.getNOut() != provenance.labels().size()) {
                throw a.corrupt("its network's input or output size does not match its features and labels", null);
            }
            return new MlpModel(net, pipeline, threads, provenance);
        }

        private static void checkEntries(ModelArchive a, byte[] network) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(network))) {
                ZipEntry e;
                int count = 0;
                while ((e = zip.getNextEntry()) != null) {
                    if (!ALLOWED_DL4J_ENTRIES.contains(e.getName())) {
                        throw a.corrupt("its Deeplearning4j network has the unexpected entry '" + e.getName()
                                + "' (audiU only reads the configuration and coefficients)", null);
                    }
                    count++;
                }
                if (count == 0) {
                    throw a.corrupt("its Deeplearning4j network is empty", null);
                }
            } catch (IOException e) {
                throw a.corrupt("its Deeplearning4j network is not a valid zip (" + e.getMessage() + ")", e);
            }
        }
    }
}
