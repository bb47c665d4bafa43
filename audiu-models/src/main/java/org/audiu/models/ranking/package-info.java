/**
 * The learnt ranker of the two-stage recommender (issue 24): XGBoost trained across playlists with a ranking
 * objective ({@code rank:ndcg}, {@code rank:pairwise}, {@code rank:map}), scored with audiU's compiled trees, saved as
 * one checksummed file.
 */
package org.audiu.models.ranking;
