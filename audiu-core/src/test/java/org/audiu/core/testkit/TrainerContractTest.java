package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.PluginRegistry;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extend this to prove a trainer behaves: it learns separable data, returns probabilities, imputes missing values,
 * is deterministic for a seed, records provenance, saves its model and rejects unknown parameters. If this passes,
 * the engine and the genre classifier can use the trainer.
 */
public abstract class TrainerContractTest {
    /** The factory under test. */
    protected abstract TrainerFactory factory();

    /** Parameters for a quick test run (small epochs/trees). */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    /** Minimum held-out accuracy on well-separated blobs. */
    protected double minimumAccuracy() {
        return 0.85;
    }

    /**
     * The configuration a trainer is created from. Override for trainers that build nested trainers (ensembles):
     * they need a config that carries the plugin registries.
     */
    protected ComponentConfig config(Map<String, String> parameters, long seed) {
        return ComponentConfig.of("trainer", factory().name(), parameters, seed);
    }

    /**
     * Loads a model saved by {@link TrainedModel#save}, or null when the module under test has no loader (the
     * round-trip checks are then skipped).
     */
    /** What the factory may use to build nested trainers (an ensemble's members); none by default. */
    protected PluginContext context() {
        return PluginContext.NONE;
    }

    protected TrainedModel reload(Path file) throws Exception {
        return null;
    }

    @TempDir
    Path tmp;

    protected Trainer trainer(long seed) {
        ComponentConfig config = config(parameters(), seed);
        return PluginRegistry.of(TrainerFactory.KIND, factory()).create(factory().name(), config, context());
    }

    @Test
    void nameIsAValidPluginName() {
        assertTrue(factory().name().matches("[a-z][a-z0-9-]*"), factory().name());
    }

    @Test
    void learnsSeparableMultiClassData() {
        LabelledData all = TestData.blobs(3, 120, 5, 7);
        int[] train = java.util.stream.IntStream.range(0, 270).toArray();
        int[] test = java.util.stream.IntStream.range(270, 360).toArray();
        TrainedModel model = trainer(1).train(all.subset(train));
        LabelledData held = all.subset(test);
        String[] predicted = model.predictLabels(held.featureMatrix());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i].equals(held.examples().get(i).label())) {
                correct++;
            }
        }
        double accuracy = (double) correct / predicted.length;
        assertTrue(accuracy >= minimumAccuracy(), "held-out accuracy " + accuracy);
        assertEquals(all.labels(), model.labels().stream().sorted().toList());
    }

    @Test
    void probabilitiesAreDistributions() {
        LabelledData data = TestData.blobs(2, 80, 4, 3);
        TrainedModel model = trainer(1).train(data);
        double[][] p = model.predictProbabilities(data.featureMatrix());
        assertEquals(data.size(), p.length);
        for (double[] row : p) {
            assertEquals(model.labels().size(), row.length);
            double sum = 0;
            for (double v : row) {
                assertTrue(v >= -1e-9 && v <= 1 + 1e-9, "probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-6);
        }
    }

    @Test
    void imputesMissingValuesAtPredictionTime() {
        LabelledData data = TestData.blobs(2, 60, 4, 5);
        TrainedModel model = trainer(1).train(data);
        double[][] p = model.predictProbabilities(new double[][] {{Double.NaN, Double.NaN, Double.NaN, Double.NaN}});
        assertTrue(Double.isFinite(p[0][0]) && Double.isFinite(p[0][1]));
    }

    @Test
    void sameSeedSamePredictions() {
        LabelledData data = TestData.blobs(3, 50, 4, 11);
        double[][] a = trainer(42).train(data).predictProbabilities(data.featureMatrix());
        double[][] b = trainer(42).train(data).predictProbabilities(data.featureMatrix());
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-9);
        }
    }

    @Test
    void recordsProvenance() {
        LabelledData data = TestData.blobs(2, 40, 3, 13);
        TrainedModel model = trainer(9).train(data);
        assertEquals(factory().name(), model.provenance().trainer());
        assertEquals(data.size(), model.provenance().trainingRows());
        assertEquals(data.schema(), model.provenance().schema());
        assertEquals(data.schema(), model.schema());
        assertEquals(9, model.provenance().seed());
    }

    @Test
    void savesToAFile() throws Exception {
        LabelledData data = TestData.blobs(2, 40, 3, 17);
        TrainedModel model = trainer(1).train(data);
        Path file = tmp.resolve("model.bin");
        model.save(file);
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void reloadedModelPredictsExactlyTheSame() throws Exception {
        LabelledData data = TestData.blobs(3, 40, 4, 23);
        TrainedModel model = trainer(5).train(data);
        Path file = tmp.resolve("roundtrip.model");
        model.save(file);
        TrainedModel loaded = reload(file);
        Assumptions.assumeTrue(loaded != null, "no model loader given for " + factory().name()
                + ": override reload(Path) to check the save/load round trip");
        assertEquals(model.labels(), loaded.labels());
        assertEquals(model.schema(), loaded.schema());
        double[][] rows = data.featureMatrix();
        rows[0] = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        double[][] before = model.predictProbabilities(rows);
        double[][] after = loaded.predictProbabilities(rows);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 0.0, "row " + i);
        }
        assertEquals(model.provenance(), loaded.provenance());
    }

    @Test
    void rejectsUnknownParameters() {
        Map<String, String> params = new HashMap<>(parameters());
        params.put("no-such-parameter-xyz", "1");
        ComponentConfig config = config(params, 1);
        ConfigException e = assertThrows(ConfigException.class,
                () -> PluginRegistry.of(TrainerFactory.KIND, factory()).create(factory().name(), config, context()));
        assertTrue(e.getMessage().contains("no-such-parameter-xyz"), e.getMessage());
    }

    @Test
    void handlesWeightedBinaryPreferenceTask() {
        LabelledData blobs = TestData.blobs(2, 100, 4, 19);
        java.util.List<org.audiu.core.spi.training.LabelledExample> weighted = new java.util.ArrayList<>();
        for (var e : blobs.examples()) {
            String label = e.label().equals("c0") ? "liked" : "other";
            weighted.add(new org.audiu.core.spi.training.LabelledExample(e.id(), e.features(), label,
                    label.equals("liked") ? 2.5 : 0.5, e.group()));
        }
        LabelledData data = new LabelledData(blobs.schema(), weighted);
        TrainedModel model = trainer(1).train(data);
        double[] liked = model.probabilityOf("liked", data.featureMatrix());
        double meanLiked = 0;
        double meanOther = 0;
        int nl = 0;
        for (int i = 0; i < liked.length; i++) {
            if (data.examples().get(i).label().equals("liked")) {
                meanLiked += liked[i];
                nl++;
            } else {
                meanOther += liked[i];
            }
        }
        assertTrue(meanLiked / nl > meanOther / (liked.length - nl) + 0.3,
                "liked tracks should score higher: " + meanLiked / nl + " vs " + meanOther / (liked.length - nl));
    }
}
