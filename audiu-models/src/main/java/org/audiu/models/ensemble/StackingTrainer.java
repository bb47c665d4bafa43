package org.audiu.models.ensemble;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureSchema;
import org.audiu.core.eval.GroupedSplitter;
import org.audiu.core.eval.Split;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.models.ModelMetadata;
import org.audiu.models.prep.ClassWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stacking: each member's out-of-fold probabilities come from a k-fold split grouped like the evaluation (by
 * artist), so the meta model learns how far to trust each member on rows it has not seen; then every member is
 * retrained on all rows.
 */
final class StackingTrainer implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(StackingTrainer.class);

    private final Members members;
    private final Trainer meta;
    private final String metaClassWeight;
    private final int folds;
    private final boolean passthrough;
    private final Map<String, String> parameters;
    private final long seed;

    StackingTrainer(Members members, Trainer meta, String metaClassWeight, int folds, boolean passthrough,
                    Map<String, String> parameters, long seed) {
        this.members = members;
        this.meta = meta;
        this.metaClassWeight = metaClassWeight;
        this.folds = folds;
        this.passthrough = passthrough;
        this.parameters = Map.copyOf(parameters);
        this.seed = seed;
    }

    @Override
    public TrainedModel train(LabelledData data) {
        data.requireTrainable("trainer 'stacking'");
        List<String> labels = data.labels();
        int groups = (int) data.examples().stream().map(LabelledExample::group).distinct().count();
        int k = Math.min(folds, groups);
        if (k < 2) {
            throw new org.audiu.core.DataException("Stacking needs rows from at least two artists (groups) for its "
                    + "out-of-fold predictions; the training data has " + groups + ".");
        }
        FeatureSchema metaSchema = StackingFeatures.schema(members.names(), labels, data.schema(), passthrough);
        double[][] metaRows = new double[data.size()][metaSchema.size()];
        double[][] rows = data.featureMatrix();
        for (Split split : new GroupedSplitter(seed).kFold(data, k)) {
            LabelledData train = split.trainData(data);
            int[] test = split.test();
            double[][] testRows = new double[test.length][];
            for (int i = 0; i < test.length; i++) {
                testRows[i] = rows[test[i]];
            }
            for (int m = 0; m < members.trainers().size(); m++) {
                TrainedModel model = members.trainers().get(m).train(train);
                StackingFeatures.put(metaRows, test, EnsembleSupport.aligned(model, labels, testRows), m,
                        labels.size());
            }
            LOG.debug("stacking: fold done ({} training rows)", train.size());
        }
        if (passthrough) {
            StackingFeatures.passthrough(metaRows, rows, members.names().size() * labels.size());
        }
        List<LabelledExample> metaExamples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            LabelledExample e = data.examples().get(i);
            metaExamples.add(new LabelledExample(e.id(), metaRows[i], e.label(), e.weight(), e.group()));
        }
        TrainedModel metaModel = meta.train(ClassWeights.apply(new LabelledData(metaSchema, metaExamples),
                metaClassWeight));
        List<TrainedModel> full = new ArrayList<>();
        for (Trainer t : members.trainers()) {
            full.add(t.train(data));
        }
        ModelProvenance provenance = new ModelProvenance("stacking", parameters, seed, data.size(), data.schema(),
                labels, "per member; meta model on log-probabilities", ModelMetadata.baseVersions(), Instant.now());
        return new StackingModel(members.names(), full, metaModel, passthrough, provenance);
    }
}
