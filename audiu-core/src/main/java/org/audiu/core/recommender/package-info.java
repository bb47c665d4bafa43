/**
 * A listener's trained taste as one value: {@link org.audiu.core.recommender.TrainedRecommender} scores and ranks
 * candidates ({@link org.audiu.core.recommender.CandidateRow}) with the trained model, the fitted listener features,
 * the library exclusions, the artist cap and the reasons; {@link org.audiu.core.recommender.RecommenderFiles} saves
 * and loads it as one safe archive. Nothing here refers to the engine, the configuration or a source: training needs
 * those ({@code org.audiu.core.engine}), scoring needs only this value and candidates with features.
 */
package org.audiu.core.recommender;
