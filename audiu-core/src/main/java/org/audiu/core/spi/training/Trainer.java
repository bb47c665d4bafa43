package org.audiu.core.spi.training;


/**
 * Learns a classifier from labelled feature rows. The engine uses it for the preference task (label "liked" against
 * sampled "other" tracks, weighted by preference score; the score of a candidate is the probability of "liked") and
 * the genre task (one label per genre). Randomness comes from the seed in the trainer's configuration.
 */
@FunctionalInterface
public interface Trainer {
    TrainedModel train(LabelledData data);
}
