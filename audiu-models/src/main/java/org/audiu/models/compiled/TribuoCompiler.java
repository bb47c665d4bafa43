package org.audiu.models.compiled;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.protos.core.WeightedEnsembleModelProto;

/**
 * Compiles trained Tribuo classification models into {@link CompiledClassifier}s, through Tribuo's public model API
 * only (tree nodes, ensemble members, weight matrices, and the models' own protobuf form for ensemble weights,
 * combiners and normalisers), so it works however the model was trained or loaded:
 * <ul>
 *   <li>a {@link TreeModel} (CART);</li>
 *   <li>a {@link WeightedEnsembleModel} whose members are all {@link TreeModel}s, combined by
 *       {@code VotingCombiner} or {@code FullyWeightedVotingCombiner} (random forests, extra trees, bagged
 *       CART);</li>
 *   <li>a {@link LinearSGDModel} (logistic regression, linear SVM);</li>
 *   <li>a {@link LibLinearClassificationModel} with probabilities (LIBLINEAR's logistic regression);</li>
 *   <li>an {@link XGBoostModel} with the {@code multi:softprob} objective ({@link XGBoostCompiler}).</li>
 * </ul>
 * Anything else (other XGBoost objectives, mixed ensembles, future kinds) is reported as not compilable and keeps
 * Tribuo's own path.
 */
public final class TribuoCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(TribuoCompiler.class);
    private static final String VOTING = "org.tribuo.classification.ensemble.VotingCombiner";
    private static final String FULLY_WEIGHTED = "org.tribuo.classification.ensemble.FullyWeightedVotingCombiner";

    private TribuoCompiler() {
    }

    /**
     * Compiles a model.
     *
     * @param labels       the output labels, in the order scores are wanted
     * @param featureNames Tribuo's feature names of the row columns, in column order
     * @return empty when the model is of a kind this compiler does not know
     */
    public static Optional<CompiledClassifier> compile(Model<Label> model, List<String> labels,
                                                       String[] featureNames) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < featureNames.length; i++) {
            columns.put(featureNames[i], i);
        }
        try {
            Optional<CompiledClassifier> compiled = Optional.empty();
            if (model instanceof TreeModel<Label> tree) {
                compiled = Optional.of(forest(List.of(tree), new float[] {1f}, Mode.SINGLE, labels, columns,
                        featureNames.length, "tree"));
            } else if (model instanceof WeightedEnsembleModel<Label> ensemble) {
                compiled = ensemble(ensemble, labels, columns, featureNames.length, featureNames);
            } else if (model instanceof LinearSGDModel linear) {
                compiled = linear(linear, labels, columns, featureNames.length);
            } else if (model instanceof LibLinearClassificationModel liblinear) {
                compiled = liblinear(liblinear, labels, columns, featureNames.length);
            } else if (model instanceof XGBoostModel<Label> xgboost) {
                compiled = XGBoostCompiler.compile(xgboost, labels, columns, featureNames.length);
            } else {
                LOG.debug("No compiled form for {}; scoring with Tribuo", model.getClass().getName());
            }
            // XGBoost's own exponential (expf) may differ from Java's in the last float bit.
            double tolerance = model instanceof XGBoostModel ? 1e-6 : 1e-9;
            if (compiled.isPresent() && !agreesWithTribuo(model, compiled.get(), labels, featureNames, tolerance)) {
                LOG.warn("The compiled {} disagrees with Tribuo on probe rows; scoring with Tribuo instead",
                        model.getClass().getSimpleName());
                return Optional.empty();
            }
            return compiled;
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            LOG.warn("Could not compile the {} ({}); scoring with Tribuo instead", model.getClass().getSimpleName(),
                    e.toString());
            return Optional.empty();
        }
    }

    /** A cheap safety net: the compiled form gives Tribuo's scores on a few seeded probe rows. */
    private static boolean agreesWithTribuo(Model<Label> model, CompiledClassifier compiled, List<String> labels,
                                            String[] featureNames, double tolerance) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20_26_11_25L);
        double[] scores = new double[labels.size()];
        for (int probe = 0; probe < 8; probe++) {
            double[] row = new double[featureNames.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = probe == 0 ? 0 : (random.nextDouble() - 0.5) * 6;
            }
            compiled.scores(row, scores);
            Map<String, Label> reference = model.predict(new org.tribuo.impl.ArrayExample<>(
                    org.tribuo.classification.LabelFactory.UNKNOWN_LABEL, featureNames, row)).getOutputScores();
            for (int j = 0; j < labels.size(); j++) {
                Label l = reference.get(labels.get(j));
                double expected = l == null ? 0 : l.getScore();
                if (!(Math.abs(expected - scores[j]) <= tolerance * Math.max(1, Math.abs(expected)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How a forest's trees are combined. */
    private enum Mode {
        /** One tree: its leaf distribution. */
        SINGLE,
        /** VotingCombiner: each tree's leaf output gets the tree's weight; divided by the weight sum. */
        VOTE,
        /** FullyWeightedVotingCombiner: weight times each leaf score, divided by the sum of those. */
        DISTRIBUTION
    }

    /** Trainers whose ensembles give every member weight 1 and record their combiner in their provenance. */
    private static final java.util.Set<String> BAGGING = java.util.Set.of("org.tribuo.ensemble.BaggingTrainer",
            "org.tribuo.common.tree.RandomForestTrainer", "org.tribuo.common.tree.ExtraTreesTrainer");

    /**
     * The combiner of an ensemble made by a bagging trainer (all weights 1), read from its provenance: cheap,
     * where the protobuf form would serialise every tree.
     */
    private static Optional<String> baggedCombiner(WeightedEnsembleModel<Label> ensemble) {
        var trainer = ensemble.getProvenance().getTrainerProvenance();
        if (trainer == null || !BAGGING.contains(trainer.getClassName())) {
            return Optional.empty();
        }
        var combiner = trainer.getConfiguredParameters().get("combiner");
        if (combiner instanceof com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance o) {
            return Optional.of(o.getClassName());
        }
        return Optional.empty();
    }

    private static Optional<CompiledClassifier> ensemble(WeightedEnsembleModel<Label> ensemble, List<String> labels,
                                                         Map<String, Integer> columns, int featureCount,
                                                         String[] featureNames)
            throws InvalidProtocolBufferException {
        List<TreeModel<Label>> trees = new ArrayList<>();
        for (Model<Label> m : ensemble.getModels()) {
            if (!(m instanceof TreeModel<Label> t)) {
                LOG.debug("Ensemble member {} is not a tree; scoring with Tribuo", m.getClass().getName());
                return Optional.empty();
            }
            trees.add(t);
        }
        Optional<String> bagged = baggedCombiner(ensemble);
        if (bagged.isPresent()) {
            float[] ones = new float[trees.size()];
            java.util.Arrays.fill(ones, 1f);
            Optional<CompiledClassifier> quick = forestFor(trees, ones, bagged.get(), labels, columns, featureCount);
            if (quick.isPresent() && agreesWithTribuo(ensemble, quick.get(), labels, featureNames, 1e-9)) {
                return quick;
            }
        }
        WeightedEnsembleModelProto proto = ensemble.serialize().getSerializedData()
                .unpack(WeightedEnsembleModelProto.class);
        float[] weights = new float[trees.size()];
        if (proto.getWeightsCount() != trees.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = proto.getWeights(i);
        }
        return forestFor(trees, weights, proto.getCombiner().getClassName(), labels, columns, featureCount);
    }

    private static Optional<CompiledClassifier> forestFor(List<TreeModel<Label>> trees, float[] weights,
                                                          String combiner, List<String> labels,
                                                          Map<String, Integer> columns, int featureCount) {
        Mode mode;
        if (combiner.equals(VOTING)) {
            mode = Mode.VOTE;
        } else if (combiner.equals(FULLY_WEIGHTED)) {
            mode = Mode.DISTRIBUTION;
        } else {
            LOG.debug("Unknown ensemble combiner {}; scoring with Tribuo", combiner);
            return Optional.empty();
        }
        return Optional.of(forest(trees, weights, mode, labels, columns, featureCount,
                mode == Mode.VOTE ? "voting forest" : "weighted forest"));
    }

    /** Growable node table. */
    private static final class Nodes {
        int size;
        int leaves;
        int[] feature = new int[256];
        double[] threshold = new double[256];
        int[] greater = new int[256];
        int[] lessOrEqual = new int[256];
        int[] leaf = new int[256];
        double[] leafValues = new double[512];

        int add() {
            if (size == feature.length) {
                int n = size * 2;
                feature = java.util.Arrays.copyOf(feature, n);
                threshold = java.util.Arrays.copyOf(threshold, n);
                greater = java.util.Arrays.copyOf(greater, n);
                lessOrEqual = java.util.Arrays.copyOf(lessOrEqual, n);
                leaf = java.util.Arrays.copyOf(leaf, n);
            }
            leaf[size] = -1;
            return size++;
        }

        int addLeaf(double[] values) {
            int id = leaves++;
            int k = values.length;
            if ((id + 1) * k > leafValues.length) {
                leafValues = java.util.Arrays.copyOf(leafValues, Math.max(leafValues.length * 2, (id + 1) * k));
            }
            System.arraycopy(values, 0, leafValues, id * k, k);
            return id;
        }
    }

    private static CompiledForest forest(List<TreeModel<Label>> trees, float[] weights, Mode mode,
                                         List<String> labels, Map<String, Integer> columns, int featureCount,
                                         String kind) {
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int j = 0; j < labels.size(); j++) {
            labelIndex.put(labels.get(j), j);
        }
        Nodes nodes = new Nodes();
        int[] roots = new int[trees.size()];
        double weightSum = 0;
        for (int t = 0; t < trees.size(); t++) {
            TreeModel<Label> tree = trees.get(t);
            roots[t] = add(tree.getRoot(), tree.getFeatureIDMap(), columns, labelIndex, labels.size(), weights[t],
                    mode, nodes);
            weightSum += weights[t];
        }
        double divisor = mode == Mode.VOTE ? weightSum : 1.0;
        return new CompiledForest(labels, featureCount, roots, java.util.Arrays.copyOf(nodes.feature, nodes.size),
                java.util.Arrays.copyOf(nodes.threshold, nodes.size), java.util.Arrays.copyOf(nodes.greater,
                nodes.size), java.util.Arrays.copyOf(nodes.lessOrEqual, nodes.size),
                java.util.Arrays.copyOf(nodes.leaf, nodes.size),
                java.util.Arrays.copyOf(nodes.leafValues, nodes.leaves * labels.size()), divisor,
                mode == Mode.DISTRIBUTION, kind);
    }

    /** Adds a subtree; returns its root's index. */
    private static int add(Node<Label> node, ImmutableFeatureMap features, Map<String, Integer> columns,
                           Map<String, Integer> labelIndex, int k, float weight, Mode mode, Nodes nodes) {
        while (!node.isLeaf()) {
            SplitNode<Label> split = (SplitNode<Label>) node;
            VariableIDInfo info = features.get(split.getFeatureID());
            Integer column = info == null ? null : columns.get(info.getName());
            if (column != null) {
                int n = nodes.add();
                nodes.feature[n] = column;
                nodes.threshold[n] = split.splitValue();
                int gt = add(split.getGreaterThan(), features, columns, labelIndex, k, weight, mode, nodes);
                int le = add(split.getLessThanOrEqual(), features, columns, labelIndex, k, weight, mode, nodes);
                nodes.greater[n] = gt;
                nodes.lessOrEqual[n] = le;
                return n;
            }
            // A feature the rows never have is 0 to Tribuo: the branch is decided now.
            node = 0.0 > split.splitValue() ? split.getGreaterThan() : split.getLessThanOrEqual();
        }
        LeafNode<Label> leaf = (LeafNode<Label>) node;
        double[] values = new double[k];
        switch (mode) {
            case VOTE -> {
                Integer j = labelIndex.get(leaf.getOutput().getLabel());
                if (j != null) {
                    values[j] = weight;
                }
            }
            case SINGLE, DISTRIBUTION -> {
                Map<String, Label> distribution = leaf.getDistribution();
                if (distribution == null || distribution.isEmpty()) {
                    throw new IllegalStateException("a leaf without an output distribution");
                }
                for (Label l : distribution.values()) {
                    Integer j = labelIndex.get(l.getLabel());
                    if (j != null) {
                        values[j] = mode == Mode.SINGLE ? l.getScore() : weight * l.getScore();
                    }
                }
            }
            default -> throw new IllegalStateException("mode " + mode);
        }
        int n = nodes.add();
        nodes.feature[n] = -1;
        nodes.leaf[n] = nodes.addLeaf(values);
        return n;
    }

    private static Optional<CompiledClassifier> linear(LinearSGDModel model, List<String> labels,
                                                       Map<String, Integer> columns, int featureCount)
            throws InvalidProtocolBufferException {
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        if (outputs.size() != labels.size() || !new HashSet<>(labels).equals(labelNames(outputs))) {
            return Optional.empty();
        }
        String normaliserClass = model.serialize().getSerializedData().unpack(ClassificationLinearSGDProto.class)
                .getNormalizer().getClassName();
        CompiledLinear.Normaliser normaliser = switch (normaliserClass) {
            case "org.tribuo.math.util.ExpNormalizer" -> CompiledLinear.Normaliser.SOFTMAX;
            case "org.tribuo.math.util.NoopNormalizer" -> CompiledLinear.Normaliser.NONE;
            case "org.tribuo.math.util.SigmoidNormalizer" -> CompiledLinear.Normaliser.SIGMOID;
            case "org.tribuo.math.util.Normalizer" -> CompiledLinear.Normaliser.SHIFT_AND_SCALE;
            default -> null;
        };
        if (normaliser == null) {
            LOG.debug("Unknown normaliser {}; scoring with Tribuo", normaliserClass);
            return Optional.empty();
        }
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int modelFeatures = features.size();
        boolean bias = w.getDimension2Size() == modelFeatures + 1;
        if (!bias && w.getDimension2Size() != modelFeatures) {
            return Optional.empty();
        }
        int k = labels.size();
        double[] weights = new double[k * featureCount];
        double[] biases = new double[k];
        for (int id = 0; id < outputs.size(); id++) {
            int j = labels.indexOf(outputs.getOutput(id).getLabel());
            for (int f = 0; f < modelFeatures; f++) {
                Integer column = columns.get(features.get(f).getName());
                if (column != null) {
                    weights[j * featureCount + column] = w.get(id, f);
                }
            }
            biases[j] = bias ? w.get(id, modelFeatures) : 0;
        }
        return Optional.of(new CompiledLinear(labels, featureCount, weights, biases, normaliser));
    }

    /**
     * LIBLINEAR's decision values ({@code getDecfunCoef} and {@code getDecfunBias}, which also give the second class
     * of a two-class model its negated weights) with its one-vs-rest probabilities. Tribuo's feature ids are
     * LIBLINEAR's indices minus one and its output ids are LIBLINEAR's labels.
     */
    private static Optional<CompiledClassifier> liblinear(LibLinearClassificationModel model, List<String> labels,
                                                          Map<String, Integer> columns, int featureCount) {
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        if (outputs.size() != labels.size() || !new HashSet<>(labels).equals(labelNames(outputs))
                || model.getInnerModels().size() != 1) {
            return Optional.empty();
        }
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        if (!inner.isProbabilityModel() || inner.getNrClass() != labels.size()) {
            return Optional.empty();
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int k = labels.size();
        double[] weights = new double[k * featureCount];
        double[] biases = new double[k];
        int[] liblinearLabels = inner.getLabels();
        for (int c = 0; c < liblinearLabels.length; c++) {
            int j = labels.indexOf(outputs.getOutput(liblinearLabels[c]).getLabel());
            for (int f = 0; f < features.size() && f < inner.getNrFeature(); f++) {
                Integer column = columns.get(features.get(f).getName());
                if (column != null) {
                    weights[j * featureCount + column] = inner.getDecfunCoef(f + 1, c);
                }
            }
            biases[j] = inner.getDecfunBias(c);
        }
        return Optional.of(new CompiledLinear(labels, featureCount, weights, biases,
                CompiledLinear.Normaliser.ONE_VS_REST));
    }

    private static java.util.Set<String> labelNames(ImmutableOutputInfo<Label> outputs) {
        java.util.Set<String> names = new HashSet<>();
        for (int id = 0; id < outputs.size(); id++) {
            names.add(outputs.getOutput(id).getLabel());
        }
        return names;
    }
}
