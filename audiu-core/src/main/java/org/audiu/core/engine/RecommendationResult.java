package org.audiu.core.engine;

import java.util.List;
import java.util.Objects;
import org.audiu.core.Recommendation;
import org.audiu.core.spi.training.TrainedModel;

/** Recommendations, best first, with the trained model and a report of the run. */
public record RecommendationResult(List<Recommendation> recommendations, TrainedModel model, RunReport report) {
    public RecommendationResult {
        recommendations = List.copyOf(Objects.requireNonNull(recommendations, "recommendations"));
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(report, "report");
    }
}
