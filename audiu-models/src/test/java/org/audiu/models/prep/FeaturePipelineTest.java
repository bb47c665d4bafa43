package org.audiu.models.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {
    private static final FeatureSchema SCHEMA = FeatureSchema.of("key", "speechiness", "loudness");
    private static final double[][] ROWS = {
        {0, 0.03, -5}, {5, 0.04, -7}, {11, 0.9, Double.NaN}, {5, 0.05, -6}, {0, 0.02, -4}, {Double.NaN, 0.03, -8},
    };

    @Test
    void treeDefaultsOnlyImpute() {
        FeaturePipeline p = FeaturePipeline.fit(SCHEMA, ROWS, PreprocessingOptions.forTrees());
        assertEquals(SCHEMA, p.outputSchema());
        assertArrayEquals(new double[] {11, 0.9, -6}, p.apply(ROWS[2]), 1e-12);
        assertArrayEquals(new double[] {5, 0.03, -8}, p.apply(ROWS[5]), 1e-12);
    }

    @Test
    void linearDefaultsLogSkewedOneHotKeyAndStandardise() {
        FeaturePipeline p = FeaturePipeline.fit(SCHEMA, ROWS, PreprocessingOptions.forLinear());
        assertEquals(List.of("speechiness", "loudness", "key=0", "key=5", "key=11"), p.outputSchema().names());
        assertTrue(p.describe().contains("log1p [speechiness]"), p.describe());
        double[][] out = p.applyAll(ROWS);
        double mean = 0;
        for (double[] row : out) {
            mean += row[1];
        }
        assertEquals(0, mean / out.length, 1e-9, "standardised loudness has mean 0");
        assertArrayEquals(new double[] {0, 1, 0}, java.util.Arrays.copyOfRange(out[1], 2, 5));
        // An unseen key is all zeros, not an error.
        assertArrayEquals(new double[] {0, 0, 0},
                java.util.Arrays.copyOfRange(p.apply(new double[] {7, 0.03, -5}), 2, 5));
    }

    @Test
    void explicitOptionsFromConfigAndIndicators() {
        ComponentConfig c = ComponentConfig.of("trainer", "x", Map.of("log", "loudness", "one-hot", "none",
                "missing-indicators", "true", "standardise", "false", "impute", "mean"), 1);
        PreprocessingOptions o = PreprocessingOptions.from(c, PreprocessingOptions.forTrees());
        FeaturePipeline p = FeaturePipeline.fit(SCHEMA, ROWS, o);
        assertEquals(List.of("key", "speechiness", "loudness", "key:missing", "loudness:missing"),
                p.outputSchema().names());
        double[] row = p.apply(new double[] {Double.NaN, 0.1, -5});
        assertEquals(-Math.log1p(5), row[2], 1e-12, "signed log of a negative feature");
        assertEquals(1, row[3]);
        assertEquals(0, row[4]);
        assertEquals((0 + 5 + 11 + 5 + 0) / 5.0, row[0], 1e-12, "mean imputation");
    }

    @Test
    void savedStatisticsRebuildTheSamePipeline() {
        FeaturePipeline p = FeaturePipeline.fit(SCHEMA, ROWS, PreprocessingOptions.forLinear());
        Properties props = new Properties();
        p.write(props, "prep.");
        FeaturePipeline q = FeaturePipeline.read(props, "prep.", SCHEMA);
        assertEquals(p.outputSchema(), q.outputSchema());
        for (double[] row : ROWS) {
            assertArrayEquals(p.apply(row), q.apply(row), 0.0);
        }
    }

    @Test
    void balancedClassWeightsGiveEveryClassTheSameTotal() {
        java.util.List<org.audiu.core.spi.training.LabelledExample> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new org.audiu.core.spi.training.LabelledExample("a" + i, new double[] {i}, "big", 2.0, "g"));
        }
        for (int i = 0; i < 10; i++) {
            rows.add(new org.audiu.core.spi.training.LabelledExample("b" + i, new double[] {i}, "small", 1.0, "g"));
        }
        org.audiu.core.spi.training.LabelledData data = new org.audiu.core.spi.training.LabelledData(FeatureSchema.of("x"), rows);
        ComponentConfig c = ComponentConfig.of("trainer", "x", Map.of("class-weight", "balanced"), 1);
        org.audiu.core.spi.training.LabelledData weighed = PreprocessingOptions.from(c, PreprocessingOptions.forTrees())
                .weigh(data);
        double big = weighed.examples().stream().filter(e -> e.label().equals("big"))
                .mapToDouble(org.audiu.core.spi.training.LabelledExample::weight).sum();
        double small = weighed.examples().stream().filter(e -> e.label().equals("small"))
                .mapToDouble(org.audiu.core.spi.training.LabelledExample::weight).sum();
        assertEquals(35, big, 1e-9);
        assertEquals(35, small, 1e-9);
        assertEquals(data, PreprocessingOptions.forTrees().weigh(data));
        // sqrt: the balanced factors 35/60 and 35/10 become their square roots.
        org.audiu.core.spi.training.LabelledData halfway = ClassWeights.apply(data, "sqrt");
        assertEquals(2.0 * Math.sqrt(35.0 / 60), halfway.examples().get(0).weight(), 1e-12);
        assertEquals(Math.sqrt(3.5), halfway.examples().get(30).weight(), 1e-12);
    }

    @Test
    void clearErrors() {
        double[][] allMissing = {{1, Double.NaN, 1}, {2, Double.NaN, 2}};
        DataException e = assertThrows(DataException.class,
                () -> FeaturePipeline.fit(SCHEMA, allMissing, PreprocessingOptions.forTrees()));
        assertTrue(e.getMessage().contains("[speechiness]"), e.getMessage());
        ComponentConfig c = ComponentConfig.of("trainer", "x", Map.of("log", "tempo"), 1);
        PreprocessingOptions o = PreprocessingOptions.from(c, PreprocessingOptions.forTrees());
        e = assertThrows(DataException.class, () -> FeaturePipeline.fit(SCHEMA, ROWS, o));
        assertTrue(e.getMessage().contains("'tempo'"), e.getMessage());
        ComponentConfig bad = ComponentConfig.of("trainer", "x", Map.of("impute", "mode"), 1);
        assertThrows(ConfigException.class, () -> PreprocessingOptions.from(bad, PreprocessingOptions.forTrees()));
    }
}
