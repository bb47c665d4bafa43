package org.audiu.models.compiled;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.VariableIDInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Compiles a Tribuo {@link XGBoostModel} classifier into {@link CompiledTrees}, from the booster's own JSON model
 * ({@code Booster.toByteArray("json")}, which holds every threshold and leaf value exactly): XGBoost sends a row left
 * when {@code value < split_condition} (in {@code float}; here the threshold {@code Math.nextDown(condition)} with
 * {@code <=}), a missing value to the node's default child, sums leaf values per class in {@code float} from
 * {@code base_score} in tree order (tree {@code i} belongs to class {@code tree_info[i]}), and for
 * {@code multi:softprob} takes a {@code float} softmax, which Tribuo reports as the label scores in output-id order.
 * Tribuo feeds every feature of an example as an explicit value (zeros included), so only NaN is missing.
 *
 * <p>Only the {@code gbtree} booster with numerical splits and the {@code multi:softprob} objective (what audiU's
 * {@code xgboost} trainer and Tribuo's default use) are compiled; anything else is reported, and the model keeps
 * Tribuo's path.
 */
final class XGBoostCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(XGBoostCompiler.class);

    private XGBoostCompiler() {
    }

    static Optional<CompiledClassifier> compile(XGBoostModel<Label> model, List<String> labels,
                                                Map<String, Integer> columns, int featureCount) {
        XGBoostJson.Model json;
        try {
            json = XGBoostJson.of(model);
        } catch (IOException e) {
            LOG.warn("Could not read the XGBoost model ({}); scoring with Tribuo", e.getMessage());
            return Optional.empty();
        }
        return compile(json, model.getFeatureIDMap(), model.getOutputIDInfo(), labels, columns, featureCount);
    }

    /** Compiles a booster's JSON model, or says in the log why not. */
    static Optional<CompiledClassifier> compile(XGBoostJson.Model json, ImmutableFeatureMap features,
                                                ImmutableOutputInfo<Label> outputs, List<String> labels,
                                                Map<String, Integer> columns, int featureCount) {
        String objective = json.objective();
        String booster = json.booster();
        if (!objective.equals("multi:softprob") || !booster.equals("gbtree")) {
            LOG.info("XGBoost objective '{}' with booster '{}' has no compiled form (only multi:softprob with "
                    + "gbtree); scoring with Tribuo", objective, booster);
            return Optional.empty();
        }
        int classes = json.classes();
        if (classes != outputs.size()) {
            LOG.info("XGBoost model has {} classes for {} Tribuo labels; scoring with Tribuo", classes,
                    outputs.size());
            return Optional.empty();
        }
        // XGBoost class c is Tribuo output id c; scores go in the caller's label order.
        int[] labelOfClass = new int[classes];
        for (int c = 0; c < classes; c++) {
            labelOfClass[c] = labels.indexOf(outputs.getOutput(c).getLabel());
            if (labelOfClass[c] < 0) {
                LOG.info("XGBoost class {} ({}) is not among the labels {}; scoring with Tribuo", c,
                        outputs.getOutput(c).getLabel(), labels);
                return Optional.empty();
            }
        }
        // XGBoost feature index i is Tribuo feature id i.
        int[] columnOfFeature = new int[features.size()];
        for (int id = 0; id < columnOfFeature.length; id++) {
            VariableIDInfo info = features.get(id);
            Integer column = info == null ? null : columns.get(info.getName());
            columnOfFeature[id] = column == null ? -1 : column;
        }
        List<XGBoostJson.Tree> trees = json.trees();
        int[] treeClass = json.treeClass();
        if (trees.isEmpty() || treeClass.length != trees.size()) {
            LOG.info("XGBoost model has {} trees and {} tree classes; scoring with Tribuo", trees.size(),
                    treeClass.length);
            return Optional.empty();
        }
        CompiledTrees.Builder builder = CompiledTrees.builder(labels, featureCount);
        for (int t = 0; t < trees.size(); t++) {
            int c = treeClass[t];
            if (c < 0 || c >= classes) {
                LOG.info("XGBoost tree {} belongs to class {} of {}; scoring with Tribuo", t, c, classes);
                return Optional.empty();
            }
            Optional<String> problem = addTree(builder, trees.get(t), labelOfClass[c], columnOfFeature);
            if (problem.isPresent()) {
                LOG.info("XGBoost tree {} has no compiled form ({}); scoring with Tribuo", t, problem.get());
                return Optional.empty();
            }
        }
        return Optional.of(builder.softmaxOfMargins(json.baseScore(), "xgboost"));
    }

    /** Adds one tree; returns why it cannot be compiled, if it cannot. */
    private static Optional<String> addTree(CompiledTrees.Builder builder, XGBoostJson.Tree tree, int label,
                                            int[] columnOfFeature) {
        builder.startTree();
        for (int i = 0; i < tree.size(); i++) {
            float value = tree.condition()[i];
            int l = tree.left()[i];
            if (l == -1) {
                builder.leaf(i, label, value);
                continue;
            }
            if (tree.categorical()[i]) {
                return Optional.of("a categorical split");
            }
            int feature = tree.feature()[i];
            if (feature < 0 || feature >= columnOfFeature.length || columnOfFeature[feature] < 0) {
                return Optional.of("a split on feature " + feature + ", which the rows do not have");
            }
            if (!Float.isFinite(value)) {
                return Optional.of("the split condition " + value);
            }
            // value < condition, in float, is value <= the float just below the condition.
            builder.split(i, columnOfFeature[feature], Math.nextDown(value), tree.defaultLeft()[i], l,
                    tree.right()[i]);
        }
        return Optional.empty();
    }
}
