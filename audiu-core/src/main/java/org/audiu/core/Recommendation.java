package org.audiu.core;

import java.util.List;
import java.util.Objects;

/**
 * A recommended track with the model's score (higher is better, 0..1 for probabilistic models) and
 * human-readable reasons, most telling first. Probabilities crowd at 1 for the best candidates of a confident
 * model (0.9998 and 0.9997 both print as 1.000), so people are shown the {@code rankingScore}, which orders the list
 * as the score does and keeps them apart: by default the score's {@link #logOdds}; a method that ranks by a sum of
 * its own (neighbours) gives that sum.
 */
public record Recommendation(Track track, double score, double rankingScore, List<String> reasons) {
    public Recommendation {
        Objects.requireNonNull(track, "track");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (Double.isNaN(score) || Double.isNaN(rankingScore)) {
            throw new IllegalArgumentException("Recommendation score is NaN for track " + track.id());
        }
    }

    /** A recommendation whose ranking score is the log-odds of its score ({@link #logOdds}). */
    public Recommendation(Track track, double score, List<String> reasons) {
        this(track, score, logOdds(score), reasons);
    }

    /** Probabilities are clamped this far from 0 and 1 before the log-odds (so a score of exactly 1 stays finite). */
    public static final double PROBABILITY_EPSILON = 1e-12;

    /**
     * The ranking score of a probability: a score for people that orders recommendations as the probability does
     * without crowding at the top, its log-odds {@code ln(p / (1 - p))} (0.5 is 0, 0.9998 is 8.5, 0.99998 is 10.8);
     * a score outside 0..1 (not a probability) is returned as it is. Strictly increasing on 0..1, so it never changes
     * the order of probabilities.
     */
    public static double logOdds(double score) {
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            return score;
        }
        double p = Math.min(1 - PROBABILITY_EPSILON, Math.max(PROBABILITY_EPSILON, score));
        return Math.log(p / (1 - p));
    }
}
