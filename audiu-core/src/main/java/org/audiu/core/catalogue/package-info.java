/**
 * An in-memory catalogue of tracks and its search: {@link org.audiu.core.catalogue.Catalogue} (tracks with
 * features, artists, playlists, genre labels; usable as the engine's candidate source and feature provider),
 * {@link org.audiu.core.catalogue.CatalogueLoader} (builds one from a configuration's candidate source and feature
 * chain) and {@link org.audiu.core.catalogue.TrackSearch} (accent- and case-insensitive search by word starts).
 * Everything here is immutable once built and safe to share between threads.
 */
package org.audiu.core.catalogue;
