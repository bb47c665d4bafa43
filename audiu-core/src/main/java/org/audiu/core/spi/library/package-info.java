/**
 * Library sources: where a listener's library comes from (saved tracks, playlists, top items, recent plays) - Spotify,
 * a playlist of a CSV dataset, the demo listener. Implement {@link org.audiu.core.spi.library.LibrarySource} and
 * register a {@link org.audiu.core.spi.library.LibrarySourceFactory}.
 */
package org.audiu.core.spi.library;
