package org.audiu.models.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import ml.dmlc.xgboost4j.java.Booster;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.testkit.TestData;
import org.audiu.models.prep.FeaturePipeline;
import org.audiu.models.prep.PreprocessingOptions;
import org.audiu.models.tribuo.TribuoData;
import org.audiu.models.tribuo.TribuoModel;
import org.audiu.models.tribuo.TribuoTrainerFactories;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The compiled fast path gives Tribuo's own results (to 1e-6) for every kind of model it compiles (trees, forests,
 * linear models, XGBoost), on training rows, random rows, rows with missing values and rows sitting exactly on split
 * thresholds or one float step either side.
 */
class CompiledScoringTest {
    private static final double TOLERANCE = 1e-6;
    /** Tribuo logs a line per bagged tree through java.util.logging; a strong reference keeps the level set. */
    private static final java.util.logging.Logger TRIBUO_LOGGER = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOGGER.setLevel(java.util.logging.Level.WARNING);
    }

    private static TribuoModel train(LabelledData data, org.tribuo.Trainer<Label> trainer, boolean standardise) {
        FeaturePipeline pre = pipeline(data, standardise);
        MutableDataset<Label> dataset = dataset(data, pre);
        Model<Label> model = trainer.train(dataset);
        ModelProvenance provenance = new ModelProvenance("test", Map.of(), 1, data.size(), data.schema(),
                data.labels(), pre.describe(), Map.of(), Instant.EPOCH);
        return new TribuoModel(model, pre, provenance, false);
    }

    /** Median imputation and optional standardisation, nothing else: the simplest pipeline. */
    private static FeaturePipeline pipeline(LabelledData data, boolean standardise) {
        return FeaturePipeline.fit(data.schema(), data.featureMatrix(), new PreprocessingOptions("median", false,
                PreprocessingOptions.NONE, PreprocessingOptions.NONE, standardise, "none"));
    }

    private static MutableDataset<Label> dataset(LabelledData data, FeaturePipeline pipeline) {
        return TribuoData.toDataset(TribuoData.featureNames(pipeline.outputSchema()),
                pipeline.applyAll(data.featureMatrix()), data.examples());
    }

    /** Training rows, random rows around them, rows with NaN, and rows on every split threshold of every tree. */
    private static double[][] probeRows(LabelledData data, TribuoModel model, long seed) {
        Random r = new Random(seed);
        List<double[]> rows = new ArrayList<>(List.of(data.featureMatrix()));
        int d = data.schema().size();
        for (int i = 0; i < 3000; i++) {
            double[] base = data.examples().get(r.nextInt(data.size())).features();
            for (int j = 0; j < d; j++) {
                base[j] += r.nextGaussian() * 2;
                if (r.nextInt(40) == 0) {
                    base[j] = Double.NaN;
                }
            }
            rows.add(base);
        }
        List<Double> thresholds = new ArrayList<>();
        Model<Label> m = model.tribuoModel();
        List<Model<Label>> members = m instanceof org.tribuo.ensemble.EnsembleModel<Label> e ? e.getModels()
                : List.of(m);
        for (Model<Label> member : members) {
            if (member instanceof TreeModel<Label> tree) {
                collect(tree.getRoot(), thresholds);
            }
        }
        if (m instanceof XGBoostModel<Label> xgboost) {
            collectXGBoost(xgboost, thresholds);
        }
        // Thresholds are in preprocessed units: probe both the raw value and the un-standardised one.
        Preprocessor pre = Preprocessor.fit(data.schema(), data.featureMatrix(), true);
        double[] means = pre.means();
        double[] stds = pre.stds();
        for (double t : thresholds) {
            double[] row = data.examples().get(r.nextInt(data.size())).features();
            int j = r.nextInt(d);
            // Undo standardisation so the preprocessed value lands exactly on (or next to) the threshold.
            double[] raw = row.clone();
            raw[j] = t;
            rows.add(raw);
            row[j] = t * stds[j] + means[j];
            rows.add(row);
            // One float step either side of the threshold, as the model sees it (float for XGBoost).
            for (double next : new double[] {Math.nextDown((float) t), Math.nextUp((float) t)}) {
                double[] side = data.examples().get(r.nextInt(data.size())).features();
                side[j] = next;
                rows.add(side);
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** Every split condition of the booster, from its exact JSON form. */
    private static void collectXGBoost(XGBoostModel<Label> model, List<Double> out) {
        for (Booster booster : model.getInnerModels()) {
            try {
                JsonNode json = new ObjectMapper().readTree(booster.toByteArray("json"));
                for (JsonNode tree : json.path("learner").path("gradient_booster").path("model").path("trees")) {
                    JsonNode left = tree.path("left_children");
                    for (int n = 0; n < left.size(); n++) {
                        if (left.get(n).asInt() != -1) {
                            out.add((double) Float.parseFloat(tree.path("split_conditions").get(n).asText()));
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                booster.dispose();
            }
        }
    }

    private static void collect(org.tribuo.common.tree.Node<Label> node, List<Double> out) {
        if (node instanceof SplitNode<Label> s) {
            out.add(s.splitValue());
            collect(s.getGreaterThan(), out);
            collect(s.getLessThanOrEqual(), out);
        }
    }

    private static void assertSameAsTribuo(TribuoModel model, LabelledData data, String expectedKind) {
        assertTrue(model.compiled().isPresent(), "compiles: " + model.tribuoModel().getClass());
        assertTrue(model.compiled().get().describe().startsWith(expectedKind), model.compiled().get().describe());
        double[][] rows = probeRows(data, model, 5);
        double[][] fast = model.predictProbabilities(rows);
        double[][] reference = model.predictWithTribuo(rows);
        double worst = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < reference[i].length; j++) {
                worst = Math.max(worst, Math.abs(fast[i][j] - reference[i][j]));
            }
        }
        assertTrue(worst <= TOLERANCE, "largest difference from Tribuo " + worst + " over " + rows.length + " rows");
        String label = model.labels().get(0);
        double[] column = model.probabilityOf(label, rows);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(reference[i][0], column[i], TOLERANCE, "probabilityOf row " + i);
        }
    }

    @Test
    void multiClassVotingForestIsExact() {
        LabelledData data = TestData.blobs(4, 80, 5, 12);
        assertSameAsTribuo(train(data, new RandomForestTrainer<>(new CARTClassificationTrainer(8, 0.6f, 1),
                new VotingCombiner(), 25, 1), false), data, "voting forest");
    }

    @Test
    void fullyWeightedForestIsExact() {
        LabelledData data = TestData.blobs(3, 100, 5, 13);
        assertSameAsTribuo(train(data, new RandomForestTrainer<>(new CARTClassificationTrainer(6, 0.5f, 2),
                new FullyWeightedVotingCombiner(), 20, 2), false), data, "weighted forest");
    }

    @Test
    void extraTreesAndBaggedCartAreExact() {
        LabelledData data = TestData.blobs(2, 150, 6, 14);
        assertSameAsTribuo(train(data, new ExtraTreesTrainer<>(new CARTClassificationTrainer(10, 0.7f, true, 3),
                new VotingCombiner(), 15, 3), true), data, "voting forest");
        assertSameAsTribuo(train(data, new BaggingTrainer<>(new CARTClassificationTrainer(5), new VotingCombiner(),
                10, 4), false), data, "voting forest");
    }

    @Test
    void ensemblesBuiltFromModelsWithWeightsAreExact() {
        LabelledData data = TestData.blobs(3, 80, 5, 19);
        FeaturePipeline pre = pipeline(data, false);
        MutableDataset<Label> dataset = dataset(data, pre);
        List<Model<Label>> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(new CARTClassificationTrainer(2 + i, 0.6f, 30 + i).train(dataset));
        }
        float[] weights = {1f, 2.5f, 0.5f, 3f, 1.25f};
        for (org.tribuo.ensemble.EnsembleCombiner<Label> combiner : List.of(new VotingCombiner(),
                new FullyWeightedVotingCombiner())) {
            Model<Label> ensemble = org.tribuo.ensemble.WeightedEnsembleModel.createEnsembleFromExistingModels(
                    "weighted", members, combiner, weights);
            ModelProvenance provenance = new ModelProvenance("test", Map.of(), 1, data.size(), data.schema(),
                    data.labels(), pre.describe(), Map.of(), Instant.EPOCH);
            assertSameAsTribuo(new TribuoModel(ensemble, pre, provenance, false), data,
                    combiner instanceof VotingCombiner ? "voting forest" : "weighted forest");
        }
    }

    @Test
    void singleTreeIsExact() {
        LabelledData data = TestData.blobs(3, 90, 4, 15);
        assertSameAsTribuo(train(data, new CARTClassificationTrainer(7), true), data, "tree");
    }

    @Test
    void cartAndLinearSvmAsAudiuTrainsThemAreExact() {
        LabelledData data = TestData.blobs(3, 120, 6, 20);
        TrainedModel cart = new TribuoTrainerFactories.Cart().create(ComponentConfig.of("trainer", "cart", Map.of(),
                3)).train(data);
        assertSameAsTribuo((TribuoModel) cart, data, "tree");
        TrainedModel svm = new TribuoTrainerFactories.Linear().create(ComponentConfig.of("trainer", "linear",
                Map.of(), 3)).train(data);
        assertSameAsTribuo((TribuoModel) svm, data, "linear");
    }

    @Test
    void logisticAsAudiuTrainsItIsExact() {
        LabelledData data = TestData.blobs(2, 150, 7, 16);
        TrainedModel model = new TribuoTrainerFactories.Logistic().create(ComponentConfig.of("trainer", "logistic",
                Map.of("epochs", "5"), 3)).train(data);
        assertSameAsTribuo((TribuoModel) model, data, "linear");
    }

    @Test
    void liblinearLogisticIsExactForTwoAndFourClasses() {
        for (int classes : new int[] {2, 4}) {
            LabelledData data = TestData.blobs(classes, 70, 5, 40 + classes);
            TrainedModel model = new TribuoTrainerFactories.LibLinearLogistic().create(ComponentConfig.of("trainer",
                    "logistic-liblinear", Map.of(), 3)).train(data);
            assertSameAsTribuo((TribuoModel) model, data, "linear");
        }
    }

    @Test
    void multiClassLinearModelsAreExact() {
        LabelledData data = TestData.blobs(4, 60, 5, 17);
        Supplier<AdaGrad> adagrad = () -> new AdaGrad(0.1, 0.1);
        assertSameAsTribuo(train(data, new LinearSGDTrainer(new LogMulticlass(), adagrad.get(), 5, 1000, 1, 5),
                true), data, "linear");
        assertSameAsTribuo(train(data, new LinearSGDTrainer(new Hinge(), adagrad.get(), 5, 1000, 1, 6),
                true), data, "linear");
    }

    @Test
    void xgboostAsAudiuTrainsItIsExactForTwoAndFourClasses() {
        for (int classes : new int[] {2, 4}) {
            LabelledData data = TestData.blobs(classes, 90, 5, 30 + classes);
            TrainedModel model = new TribuoTrainerFactories.XGBoost().create(ComponentConfig.of("trainer", "xgboost",
                    Map.of("trees", "60", "max-depth", "4"), 3)).train(data);
            assertSameAsTribuo((TribuoModel) model, data, "xgboost");
            assertTrue(((TribuoModel) model).compiled().orElseThrow().describe().contains(60 * classes + " trees"));
        }
    }

    @Test
    void compiledXGBoostSendsMissingValuesWhereXGBoostDoes() {
        LabelledData data = TestData.blobs(3, 80, 4, 33);
        TribuoModel model = (TribuoModel) new TribuoTrainerFactories.XGBoost().create(ComponentConfig.of("trainer",
                "xgboost", Map.of("trees", "30"), 5)).train(data);
        CompiledClassifier compiled = model.compiled().orElseThrow();
        String[] names = TribuoData.featureNames(model.pipeline().outputSchema());
        Random r = new Random(4);
        double[] scores = new double[compiled.labels().size()];
        for (int i = 0; i < 300; i++) {
            double[] row = model.pipeline().apply(data.examples().get(r.nextInt(data.size())).features());
            row[r.nextInt(row.length)] = Double.NaN; // past the pipeline: only a direct caller can do this
            compiled.scores(row, scores);
            Map<String, Label> expected = model.tribuoModel().predict(new org.tribuo.impl.ArrayExample<>(
                    org.tribuo.classification.LabelFactory.UNKNOWN_LABEL, names, row)).getOutputScores();
            for (int j = 0; j < scores.length; j++) {
                assertEquals(expected.get(compiled.labels().get(j)).getScore(), scores[j], 1e-6, "row " + i);
            }
        }
    }

    @Test
    void xgboostObjectivesWithoutACompiledFormKeepTribuosPath() {
        LabelledData data = TestData.blobs(3, 40, 4, 34);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("objective", "multi:softmax", "num_class", 3,
                "verbosity", 0, "nthread", 1));
        TribuoModel model = train(data, new XGBoostClassificationTrainer(5, params), false);
        assertTrue(model.compiled().isEmpty());
    }

    @Test
    void largeBatchesAreScoredInParallelWithTheSameResults() {
        LabelledData data = TestData.blobs(2, 100, 4, 18);
        TribuoModel model = train(data, new RandomForestTrainer<>(new CARTClassificationTrainer(6, 0.5f, 7),
                new VotingCombiner(), 10, 7), false);
        Random r = new Random(3);
        double[][] rows = new double[10_000][4];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian() * 5;
            }
        }
        double[][] fast = model.predictProbabilities(rows);
        double[][] reference = model.predictWithTribuo(rows);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(reference[i][0], fast[i][0], TOLERANCE);
            assertEquals(reference[i][1], fast[i][1], TOLERANCE);
        }
    }
}
