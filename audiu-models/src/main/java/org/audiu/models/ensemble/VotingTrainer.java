package org.audiu.models.ensemble;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.models.ModelMetadata;

/** Trains every member on the same data and averages their probabilities. */
final class VotingTrainer implements Trainer {
    private final Members members;
    private final double[] weights;
    private final Map<String, String> parameters;
    private final long seed;

    VotingTrainer(Members members, double[] weights, Map<String, String> parameters, long seed) {
        this.members = members;
        this.weights = weights.clone();
        this.parameters = Map.copyOf(parameters);
        this.seed = seed;
    }

    @Override
    public TrainedModel train(LabelledData data) {
        data.requireTrainable("trainer 'voting'");
        List<TrainedModel> models = new ArrayList<>();
        for (Trainer t : members.trainers()) {
            models.add(t.train(data));
        }
        ModelProvenance provenance = new ModelProvenance("voting", parameters, seed, data.size(), data.schema(),
                data.labels(), "per member", ModelMetadata.baseVersions(), Instant.now());
        return new VotingModel(members.names(), models, weights, provenance);
    }
}
