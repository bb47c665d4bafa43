package org.audiu.core.engine;

import org.audiu.core.spi.training.TrainedModel;

/** A trained preference model with its training-set sizes and held-out ROC AUC (NaN without a holdout). */
public record TrainingOutcome(TrainedModel model, int liked, int negatives, double holdoutAuc) {
}
