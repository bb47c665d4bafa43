package org.audiu.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.testkit.TestData;
import org.audiu.models.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The multilayer perceptron scores through its compiled dense layers ({@code CompiledDense}) with Deeplearning4j's
 * results: to 1e-6 against its own float32 {@code output} ({@link MlpModel#predictReference}) on training rows and
 * noisy rows around them, and to 1e-9 against the same network run by Deeplearning4j in double precision on every
 * row, including rows 25 standard deviations outside the data (where float32 rounding of the reference itself
 * reaches a few 1e-6, because the compiled path sums exactly). Two and four classes, one or two hidden layers, also
 * after saving and loading.
 */
class MlpCompiledScoringTest {
    private static final double TOLERANCE = 1e-6;

    private static MlpModel train(LabelledData data, Map<String, String> params) {
        return (MlpModel) new MlpTrainerFactory().create(ComponentConfig.of("trainer", "mlp", params, 3))
                .train(data);
    }

    /** Training rows, then noisy copies (some values missing), then rows far outside the data. */
    private static double[][] rows(LabelledData data, int noisy, int far, long seed) {
        Random r = new Random(seed);
        int d = data.schema().size();
        double[][] rows = new double[data.size() + noisy + far][];
        double[][] training = data.featureMatrix();
        System.arraycopy(training, 0, rows, 0, training.length);
        for (int i = training.length; i < rows.length; i++) {
            double[] row = data.examples().get(r.nextInt(data.size())).features();
            double scale = i < training.length + noisy ? 2 : 25;
            for (int j = 0; j < d; j++) {
                row[j] += r.nextGaussian() * scale;
                if (r.nextInt(30) == 0) {
                    row[j] = Double.NaN;
                }
            }
            rows[i] = row;
        }
        return rows;
    }

    /** The network's probabilities computed by Deeplearning4j in double precision from the float inputs. */
    private static double[][] inDoublePrecision(MlpModel model, double[][] rows) {
        MultiLayerNetwork net = model.network().convertDataType(DataType.DOUBLE);
        double[][] x = model.pipeline().applyAll(rows);
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) row[j];
            }
        }
        return net.output(Nd4j.createFromArray(x), false).toDoubleMatrix();
    }

    private static double worst(double[][] a, double[][] b, int from, int to) {
        double worst = 0;
        for (int i = from; i < to; i++) {
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return worst;
    }

    static void assertSameAsReference(MlpModel model, LabelledData data) {
        assertTrue(model.compiled().isPresent(), "the network compiles");
        int noisy = 4000;
        double[][] rows = rows(data, noisy, 400, 9);
        double[][] fast = model.predictProbabilities(rows);
        double[][] reference = model.predictReference(rows);
        int inRange = data.size() + noisy;
        double inData = worst(fast, reference, 0, inRange);
        assertTrue(inData <= TOLERANCE, "largest difference from Deeplearning4j " + inData + " over " + inRange
                + " rows");
        double exact = worst(fast, inDoublePrecision(model, rows), 0, rows.length);
        assertTrue(exact <= 1e-9, "largest difference from Deeplearning4j in double precision " + exact);
        double far = worst(fast, reference, inRange, rows.length);
        assertTrue(far <= 1e-4, "far rows differ from Deeplearning4j's float32 output by " + far);
        double[] column = model.probabilityOf(model.labels().get(1), rows);
        for (int i = 0; i < inRange; i++) {
            assertEquals(reference[i][1], column[i], TOLERANCE, "probabilityOf row " + i);
        }
    }

    @Test
    void defaultNetworkIsExactForTwoClasses() {
        LabelledData data = TestData.blobs(2, 150, 6, 21);
        MlpModel model = train(data, Map.of("epochs", "20", "patience", "5"));
        assertSameAsReference(model, data);
        assertTrue(model.compiled().orElseThrow().describe().startsWith("dense network 6-128-64-2"),
                model.compiled().orElseThrow().describe());
        // The size stacking gives its mlp member.
        MlpModel wide = train(data, Map.of("hidden", "256,128", "epochs", "20", "patience", "5"));
        assertSameAsReference(wide, data);
        assertTrue(wide.compiled().orElseThrow().describe().startsWith("dense network 6-256-128-2"),
                wide.compiled().orElseThrow().describe());
    }

    @Test
    void smallerNetworksAreExactForFourClassesAndAfterLoading(@TempDir java.nio.file.Path dir) throws Exception {
        LabelledData data = TestData.blobs(4, 80, 5, 22);
        MlpModel model = train(data, Map.of("hidden", "24", "epochs", "40", "learning-rate", "0.01"));
        assertSameAsReference(model, data);
        java.nio.file.Path file = dir.resolve("mlp.model");
        model.save(file);
        assertSameAsReference((MlpModel) ModelFiles.load(file), data);
    }
}
