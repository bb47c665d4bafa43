package org.audiu.core.eval.playlist;

import java.util.Objects;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.dataset.DatasetPlaylist;

/**
 * One listener of the evaluation: a playlist, its split, the library made of its visible tracks, and the seed of
 * this repetition. Methods see only this; the hidden tracks are in {@code split} for scoring, and a method must not
 * read them.
 */
public record EvaluationListener(DatasetPlaylist playlist, PlaylistSplit split, ListenerLibrary library, long seed) {
    public EvaluationListener {
        Objects.requireNonNull(playlist, "playlist");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(library, "library");
    }
}
