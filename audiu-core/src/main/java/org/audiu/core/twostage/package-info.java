/**
 * The two-stage recommender (issue 24): stage 1 gathers at most N candidates from several named retrievers
 * ({@link org.audiu.core.spi.retrieval.Retriever} plugins), stage 2 describes every (listener, candidate) pair with
 * {@link org.audiu.core.twostage.PairFeatures} and orders the candidates with a {@link org.audiu.core.twostage.Ranker}
 * learnt across the catalogue's playlists with a ranking objective ({@link org.audiu.core.twostage.RankerTrainer};
 * audiu-models provides XGBoost's {@code rank:ndcg}, scored with audiU's compiled trees). In evaluation the ranker of a
 * listener is trained on k-fold splits of the playlists that exclude the listener's own
 * ({@link org.audiu.core.twostage.TwoStageMethod}).
 */
package org.audiu.core.twostage;
