package org.audiu.core.twostage;

import java.util.List;
import java.util.Set;

/**
 * Stage 2: a learnt scoring of (listener, candidate) pairs; higher is better. Immutable and thread-safe.
 */
public interface Ranker {
    /** The columns it reads, in row order ({@link PairFeatures#names()} when it was trained). */
    List<String> features();

    /** One score per row. */
    double[] score(double[][] rows);

    /** The playlists whose queries it was trained on (the leakage check reads it). */
    Set<String> trainedOn();

    /** One line for reports ("xgboost rank:ndcg, 200 trees, compiled"). */
    String describe();
}
