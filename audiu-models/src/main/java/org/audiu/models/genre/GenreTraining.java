package org.audiu.models.genre;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link GenreModel} is trained: the trainer's name and parameters (as reported with the model), the share of
 * rows held out by artist to measure accuracy honestly, and the seed of that split.
 *
 * @param trainerName the trainer's name, for people and reports ("random-forest")
 * @param parameters  the trainer's parameters as given, for reports (copied)
 * @param holdout     the share of rows held out, in whole artists: 0 trains on every row; below 1
 * @param seed        the seed of the grouped split
 */
public record GenreTraining(String trainerName, Map<String, String> parameters, double holdout, long seed) {
    public GenreTraining {
        Objects.requireNonNull(trainerName, "trainerName");
        parameters = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
        if (!(holdout >= 0 && holdout < 1)) {
            throw new IllegalArgumentException("The genre holdout must be at least 0 and below 1, got " + holdout);
        }
    }

    /** Training on every row, nothing held out. */
    public static GenreTraining onAllRows(String trainerName, Map<String, String> parameters, long seed) {
        return new GenreTraining(trainerName, parameters, 0, seed);
    }
}
