package org.audiu.models.dl4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.audiu.core.ml.ModelProvenance;
import org.audiu.models.AudiuModel;
import org.audiu.models.ModelArchive;
import org.audiu.models.ModelFileException;
import org.audiu.models.ModelFiles;
import org.audiu.models.ModelReader;
import org.audiu.models.prep.FeaturePipeline;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Deeplearning4j network with audiU's preprocessing, saved as Deeplearning4j's own zip (configuration JSON and
 * binary coefficients, written by {@link ModelSerializer}) inside the {@link ModelArchive}. Before restoring, the
 * inner zip is checked to hold only those two entries, so no serialized Java objects are ever read. Prediction is
 * serialised on the network, which is not thread-safe.
 */
final class MlpModel extends AudiuModel {
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

    static String dl4jVersion() {
        return ModelProvenance.versionOf(MultiLayerNetwork.class).equals("unknown") ? "1.0.0-M2.1"
                : ModelProvenance.versionOf(MultiLayerNetwork.class);
    }

    @Override
    public String kind() {
        return Dl4jSupport.MODEL_KIND;
    }

    @Override
    public double[][] predictProbabilities(double[][] rows) {
        double[][] x = pipeline.applyAll(rows);
        double[][] out = new double[rows.length][];
        synchronized (net) {
            MlpTrainer.configureThreads(threads);
            for (int start = 0; start < rows.length; start += CHUNK) {
                int end = Math.min(rows.length, start + CHUNK);
                int[] idx = java.util.stream.IntStream.range(start, end).toArray();
                INDArray p = net.output(MlpTrainer.features(x, idx), false);
                double[][] part = p.toDoubleMatrix();
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

    /** Reads networks written by {@link #writePayload}; loaded by name from {@link Dl4jSupport}. */
    static final class Reader implements ModelReader {
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
