package org.audiu.core.eval.playlist;

import java.util.Objects;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.dataset.DatasetPlaylist;

/**
 * One listener of the evaluation: a playlist, its split, the library made of its visible tracks, the seed of this
 * repetition and the pool recommendations are drawn from. Methods see only this; the hidden tracks are in
 * {@code split} for scoring, and a method must not read them (a sampled pool holds them among sampled others, so a
 * method may ask whether a track is in the pool, but never which pool tracks are hidden).
 */
public record EvaluationListener(DatasetPlaylist playlist, PlaylistSplit split, ListenerLibrary library, long seed,
                                 EvaluationPool pool) {
    public EvaluationListener {
        Objects.requireNonNull(playlist, "playlist");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(pool, "pool");
    }

    /** A listener whose pool is the whole catalogue. */
    public EvaluationListener(DatasetPlaylist playlist, PlaylistSplit split, ListenerLibrary library, long seed) {
        this(playlist, split, library, seed, EvaluationPool.all());
    }
}
