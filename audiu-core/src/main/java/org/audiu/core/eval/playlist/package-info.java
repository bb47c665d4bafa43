/**
 * The playlist-continuation benchmark ({@code audiu evaluate playlists}): real playlists become listeners, part of
 * each is hidden, and every method — audiU's engine ({@link org.audiu.core.eval.playlist.EngineMethod}) and the
 * {@link org.audiu.core.eval.playlist.Baselines} — must find the hidden tracks in the rest of the catalogue. The
 * catalogue is parsed once and shared ({@link org.audiu.core.eval.playlist.EvaluationCatalogue}); nothing about
 * hidden tracks reaches a method: the library holds only visible tracks, tracks carry no playlist-derived genre, and
 * the listener's own playlist is left out of co-membership counts.
 */
package org.audiu.core.eval.playlist;
