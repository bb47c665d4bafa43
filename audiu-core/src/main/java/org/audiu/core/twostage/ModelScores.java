package org.audiu.core.twostage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;

/** The listener's own model over a catalogue: the per-listener input of the two-stage recommender. */
public final class ModelScores {
    private ModelScores() {
    }

    /**
     * The recommender's score of every catalogue position that is not excluded, in batches; NaN for the excluded.
     *
     * @param excluded by catalogue position, the tracks not to score
     */
    public static double[] of(TrainedRecommender recommender, EvaluationCatalogue catalogue, boolean[] excluded) {
        CandidateFeatures features = new CandidateFeatures(new FeatureProviderChain(
                List.of(new NamedFeatureProvider("dataset", catalogue)), recommender.baseSchema()));
        double[] out = new double[catalogue.size()];
        Arrays.fill(out, Double.NaN);
        List<Candidate> all = catalogue.candidates().toList();
        int batchSize = TrainedRecommender.DEFAULT_BATCH;
        List<Candidate> batch = new ArrayList<>(batchSize);
        List<Integer> where = new ArrayList<>(batchSize);
        for (int i = 0; i <= all.size(); i++) {
            if (i < all.size() && !excluded[i]) {
                batch.add(all.get(i));
                where.add(i);
            }
            if (!batch.isEmpty() && (batch.size() == batchSize || i == all.size())) {
                CandidateFeatures.Batch rows = features.rows(batch);
                if (rows.missing() > 0) {
                    throw new IllegalStateException(rows.missing() + " catalogue tracks have no features, e.g. "
                            + rows.missingIds().get(0));
                }
                double[] s = recommender.score(rows.rows());
                for (int j = 0; j < s.length; j++) {
                    out[where.get(j)] = s[j];
                }
                batch.clear();
                where.clear();
            }
        }
        return out;
    }
}
