package org.audiu.core.engine;

import java.util.List;
import java.util.Objects;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.training.TrainedModel;

/** Recommendations, best first, with the trained recommender that ranked them and a report of the run. */
public record RecommendationResult(List<Recommendation> recommendations, TrainedRecommender recommender,
                                   RunReport report) {
    public RecommendationResult {
        recommendations = List.copyOf(Objects.requireNonNull(recommendations, "recommendations"));
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(report, "report");
    }

    /** The trained preference model. */
    public TrainedModel model() {
        return recommender.model();
    }
}
