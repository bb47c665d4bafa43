/**
 * Playlist sinks: where recommendations can be written (a Spotify playlist).
 */
package org.audiu.core.spi.sink;
