package org.audiu.core.twostage;

import java.util.List;
import java.util.Map;

/**
 * Trains a {@link Ranker} across many playlists' queries with a ranking objective (audiu-models:
 * {@code XGBoostRankerTrainer}, XGBoost's {@code rank:ndcg}). Implementations are thread-safe and deterministic for a
 * seed.
 */
public interface RankerTrainer {
    /**
     * @param queries  the training queries; those without a relevant row are ignored
     * @param features the column names of the rows
     * @throws IllegalArgumentException when no query has a relevant row
     */
    Ranker train(List<RankingQuery> queries, List<String> features, long seed);

    /** The parameters it trains with, for reports and provenance. */
    Map<String, String> parameters();
}
