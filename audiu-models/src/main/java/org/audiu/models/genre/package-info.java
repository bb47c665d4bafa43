/**
 * Genre classification of tracks: {@link org.audiu.models.genre.GenreModel} trains a classifier with any
 * {@link org.audiu.core.spi.training.Trainer} on genre-labelled tracks, holds out whole artists with core's
 * {@link org.audiu.core.eval.GroupedSplitter} and reports with core's
 * {@link org.audiu.core.metrics.ClassificationReport}; {@link org.audiu.models.genre.GenreTraining} says how.
 */
package org.audiu.models.genre;
