package org.audiu.models.dl4j;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audiu.models.prep.PreprocessingOptions;

/**
 * Hyperparameters of the multilayer perceptron, as {@link MlpTrainerFactory} reads them.
 *
 * @param hidden             units of each hidden layer
 * @param epochs             most passes over the training rows
 * @param learningRate       Adam's step size
 * @param batchSize          rows per update
 * @param l2                 weight decay
 * @param dropout            probability of dropping a hidden unit's input during training (0 = none)
 * @param validationFraction share of the training groups held out for early stopping (0 = train all epochs)
 * @param patience           epochs without a better validation loss before stopping
 * @param threads            OpenMP/BLAS threads of the native backend
 * @param preprocessing      feature preprocessing
 * @param parameters         the effective parameters, for provenance
 * @param seed               seeds initialisation, shuffling, dropout and the validation split
 */
public record MlpSettings(List<Integer> hidden, int epochs, double learningRate, int batchSize, double l2,
                          double dropout, double validationFraction, int patience, int threads,
                          PreprocessingOptions preprocessing, Map<String, String> parameters, long seed) {
    public MlpSettings {
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(preprocessing, "preprocessing");
        parameters = Map.copyOf(parameters);
    }
}
