package org.audiu.models.dl4j;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.audiu.core.AudiuException;
import org.audiu.core.eval.GroupedSplitter;
import org.audiu.core.eval.Split;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.models.ModelMetadata;
import org.audiu.models.prep.FeaturePipeline;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains the multilayer perceptron with Deeplearning4j; see {@link MlpTrainerFactory} for the parameters. */
final class MlpTrainer implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(MlpTrainer.class);

    private final MlpSettings settings;

    MlpTrainer(MlpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sets the native backend's OpenMP and BLAS threads for the calling thread (OpenMP settings are per thread).
     * With the default (all cores) small networks train many times slower on few cores.
     */
    static void configureThreads(int threads) {
        try {
            Nd4j.getBackend();
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
        } catch (RuntimeException | LinkageError e) {
            throw new AudiuException("Deeplearning4j could not load its native backend (" + e + "). The 'mlp' "
                    + "trainer needs nd4j-native, openblas and javacpp " + MlpModel.dl4jVersion() + " natives for this "
                    + "platform: org.audiu:audiu-models-dl4j brings the linux-x86_64 ones; on another platform add "
                    + "org.nd4j:nd4j-native, org.bytedeco:openblas and org.bytedeco:javacpp with its classifier.", e);
        }
    }

    @Override
    public TrainedModel train(LabelledData original) {
        original.requireTrainable("trainer 'mlp'");
        LabelledData data = settings.preprocessing().weigh(original);
        configureThreads(settings.threads());
        List<String> labels = data.labels();
        double[][] raw = data.featureMatrix();
        FeaturePipeline pipeline = FeaturePipeline.fit(data.schema(), raw, settings.preprocessing());
        double[][] x = pipeline.applyAll(raw);
        int[] y = new int[data.size()];
        double[] w = new double[data.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        double meanWeight = data.examples().stream().mapToDouble(LabelledExample::weight).average().orElse(1);
        for (int i = 0; i < y.length; i++) {
            LabelledExample e = data.examples().get(i);
            y[i] = index.get(e.label());
            w[i] = e.weight() / meanWeight;
        }
        int[] trainRows;
        int[] validationRows;
        long groups = data.examples().stream().map(LabelledExample::group).distinct().count();
        if (settings.validationFraction() > 0 && groups >= 2 && data.size() >= 20) {
            Split split = new GroupedSplitter(settings.seed()).holdout(data, settings.validationFraction());
            trainRows = split.train();
            validationRows = split.test();
        } else {
            trainRows = java.util.stream.IntStream.range(0, data.size()).toArray();
            validationRows = new int[0];
        }
        Nd4j.getRandom().setSeed(settings.seed());
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(x[0].length, labels.size()));
        net.init();
        INDArray valX = validationRows.length == 0 ? null : features(x, validationRows);
        Random shuffle = new Random(settings.seed());
        int[] order = trainRows.clone();
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        int sinceBest = 0;
        int epoch = 0;
        for (; epoch < settings.epochs(); epoch++) {
            shuffle(order, shuffle);
            for (int start = 0; start < order.length; start += settings.batchSize()) {
                int[] batch = Arrays.copyOfRange(order, start, Math.min(order.length, start + settings.batchSize()));
                DataSet ds = new DataSet(features(x, batch), oneHot(y, batch, labels.size()), null,
                        weights(w, batch));
                net.fit(ds);
                release(ds.getFeatures(), ds.getLabels(), ds.getLabelsMaskArray());
            }
            if (valX == null) {
                continue;
            }
            INDArray valP = net.output(valX, false);
            double loss = logLoss(valP, y, w, validationRows);
            release(valP);
            if (loss < bestLoss - 1e-6) {
                bestLoss = loss;
                release(bestParams);
                bestParams = net.params().dup();
                sinceBest = 0;
            } else if (++sinceBest >= settings.patience()) {
                break;
            }
        }
        if (bestParams != null) {
            net.setParams(bestParams);
            release(bestParams);
        }
        release(valX);
        LOG.info("mlp: {} epochs, best validation log-loss {}", epoch, bestLoss);
        Map<String, String> versions = ModelMetadata.baseVersions();
        versions.put("deeplearning4j", MlpModel.dl4jVersion());
        ModelProvenance provenance = new ModelProvenance("mlp", settings.parameters(), settings.seed(), data.size(),
                data.schema(), labels, pipeline.describe(), versions, Instant.now());
        return new MlpModel(net, pipeline, settings.threads(), provenance);
    }

    private MultiLayerConfiguration configuration(int inputs, int classes) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(new Adam(settings.learningRate()))
                .l2(settings.l2())
                .weightInit(WeightInit.RELU)
                .list();
        int in = inputs;
        for (int units : settings.hidden()) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(in).nOut(units).activation(Activation.RELU);
            if (settings.dropout() > 0 && in != inputs) {
                layer.dropOut(1 - settings.dropout()); // Deeplearning4j takes the probability of keeping a unit
            }
            list.layer(layer.build());
            in = units;
        }
        OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(in).nOut(classes).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
        if (settings.dropout() > 0 && !settings.hidden().isEmpty()) {
            out.dropOut(1 - settings.dropout());
        }
        list.layer(out.build());
        return list.build();
    }

    /**
     * Frees the native buffers of arrays no longer used, now rather than when the garbage collector gets to their
     * small heap wrappers: one training makes thousands of minibatch arrays, and left to the collector their
     * off-heap memory piled up to about a gigabyte inside stacking (docs/measurements.md).
     */
    static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static INDArray features(double[][] x, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = x[rows[i]];
            out[i] = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                out[i][j] = (float) row[j];
            }
        }
        return Nd4j.createFromArray(out);
    }

    private static INDArray oneHot(int[] y, int[] rows, int classes) {
        float[][] out = new float[rows.length][classes];
        for (int i = 0; i < rows.length; i++) {
            out[i][y[rows[i]]] = 1;
        }
        return Nd4j.createFromArray(out);
    }

    /** Per-example loss weights, as Deeplearning4j's label mask (a column that scales each row's loss). */
    private static INDArray weights(double[] w, int[] rows) {
        float[][] out = new float[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            out[i][0] = (float) w[rows[i]];
        }
        return Nd4j.createFromArray(out);
    }

    private static double logLoss(INDArray p, int[] y, double[] w, int[] rows) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < rows.length; i++) {
            double q = Math.max(1e-7, p.getDouble(i, y[rows[i]]));
            sum -= w[rows[i]] * Math.log(q);
            weight += w[rows[i]];
        }
        return sum / weight;
    }
}
