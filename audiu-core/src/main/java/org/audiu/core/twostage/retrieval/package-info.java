/**
 * The built-in retrievers of the two-stage recommender (stage 1), each a {@code RetrieverFactory} plugin:
 * {@code co-membership} (item-item over the catalogue's playlists), {@code artists} (the listener's artists, then
 * the artists sharing playlists with them), {@code audio-neighbours} (the {@code CatalogueNeighbours} sound kernel),
 * {@code listener-model} (the top of the listener's own model) and {@code popularity}.
 */
package org.audiu.core.twostage.retrieval;
