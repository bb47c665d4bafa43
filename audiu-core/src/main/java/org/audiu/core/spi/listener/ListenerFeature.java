package org.audiu.core.spi.listener;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.TrackKeys;

/**
 * A listener-relative feature: columns computed for each track from the listener's library (how much of the library
 * is by the track's artist, how close its release year is to the library's, how often it shares catalogue playlists
 * with library tracks, ...). The engine appends these columns to the audio features of every training row and every
 * candidate, so the trained model learns how much each one matters for this listener. Config key
 * {@code listener-features} (a list), parameters under {@code listener-features.<name>.}.
 *
 * <p>Training rows are library tracks; candidates are not. A fitted feature must therefore leave a library track
 * out of the statistics it is compared with ({@code inLibrary}), so a training row looks like the candidate it
 * stands for: a track is not "by an artist you have" because of itself.
 */
public interface ListenerFeature {
    /** The columns this feature adds, lower-case snake_case, unique across features (e.g. {@code artist_share}). */
    List<String> columns();

    /**
     * Fits the feature to one listener.
     *
     * @return empty when this listener or catalogue lacks the data (no release years, a candidate source without
     *         co-membership): the engine then leaves the columns out of this run and says so in the log
     */
    Optional<Fitted> fit(ListenerContext listener);

    /** A feature fitted to one listener. Immutable and thread-safe. */
    interface Fitted {
        /**
         * Writes {@link #columns()}' values for one track into {@code out} from {@code offset}; NaN marks a value
         * unknown for this track (the model imputes it).
         *
         * @param baseRow   the track's features in the engine's base schema ({@link ListenerContext#baseSchema()})
         * @param inLibrary the track is one of the listener's own (a training row): leave it out of its statistics
         */
        void compute(Track track, double[] baseRow, boolean inLibrary, double[] out, int offset);

        /**
         * {@link #compute(Track, double[], boolean, double[], int)} with the hashes the track's source computed once
         * for it ({@link TrackKeys}): a feature that looks names up may use them instead of reading the names (the
         * ranking pass calls this for every candidate). It must write exactly what the other method writes; the
         * default calls it.
         */
        default void compute(Track track, TrackKeys keys, double[] baseRow, boolean inLibrary, double[] out,
                             int offset) {
            compute(track, baseRow, inLibrary, out, offset);
        }

        /**
         * Writes everything {@link #compute} needs, for a saved trained recommender; the factory's
         * {@link ListenerFeatureFactory#readState} reads it back into a fitted feature that computes exactly the same
         * values. The default says the feature cannot be saved (a recommender using it then fails to save, naming it).
         */
        default void writeState(FittedState.Writer out) throws IOException {
            throw new UnsupportedOperationException(getClass().getName() + " does not implement writeState, so a "
                    + "recommender using it cannot be saved");
        }
    }
}
