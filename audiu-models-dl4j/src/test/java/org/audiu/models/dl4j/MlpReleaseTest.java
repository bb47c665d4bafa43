package org.audiu.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The mlp frees its minibatch arrays' native buffers as it goes, and a released array is really closed. */
class MlpReleaseTest {
    @Test
    void releaseClosesArraysAndSkipsNullsAndViews() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.createFromArray(new float[] {5, 6, 7});
        INDArray view = b.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2));
        MlpTrainer.release(a, null, view);
        assertTrue(a.wasClosed(), "the array's buffer was freed");
        assertFalse(view.closeable(), "a view is not closeable");
        assertFalse(b.wasClosed(), "releasing a view leaves the array it views");
        assertArrayEquals(new float[] {5, 6, 7}, b.toFloatVector());
    }

    @Test
    void aTrainingWithEarlyStoppingThatReleasesItsArraysStillPredictsTheSame() {
        LabelledData data = TestData.blobs(3, 60, 3, 5);
        ComponentConfig c = ComponentConfig.of("trainer", "mlp", Map.of("hidden", "8", "epochs", "6",
                "batch-size", "16", "validation-fraction", "0.2", "patience", "2"), 3);
        TrainedModel first = new MlpTrainerFactory().create(c).train(data);
        TrainedModel second = new MlpTrainerFactory().create(c).train(data);
        double[][] rows = data.featureMatrix();
        double[][] p = ((MlpModel) first).predictReference(rows);
        double[][] q = ((MlpModel) second).predictReference(rows);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(p[i], q[i], 1e-6, "row " + i);
            assertArrayEquals(p[i], first.predictProbabilities(new double[][] {rows[i]})[0], 1e-4, "row " + i);
        }
    }
}
