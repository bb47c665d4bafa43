package org.audiu.core.eval.playlist;

import java.util.List;

/** A way to continue a playlist, evaluated by {@link PlaylistContinuation}. Implementations are thread-safe. */
public interface ContinuationMethod {
    /** A short name for reports ({@code audiu}, {@code popularity}). */
    String name();

    /**
     * Up to {@code n} track ids, best first, from the catalogue, none of them in the listener's library. Only the
     * library (the visible tracks) may be used, never {@code listener.split().hidden()}.
     */
    List<String> recommend(EvaluationListener listener, int n);
}
