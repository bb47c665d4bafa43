package org.audiu.core.eval.playlist;

import java.util.List;

/** A way to continue a playlist, evaluated by {@link PlaylistContinuation}. Implementations are thread-safe. */
public interface ContinuationMethod {
    /** A short name for reports ({@code audiu}, {@code popularity}). */
    String name();

    /**
     * Up to {@code n} track ids, best first, from the listener's pool, none of them in the listener's library. Only
     * the library (the visible tracks) may be used, never {@code listener.split().hidden()}.
     */
    List<String> recommend(EvaluationListener listener, int n);

    /**
     * The names of the lists {@link #recommendVariants} returns (one method can rank once and report its list with
     * and without the artist cap); the first is {@link #name()}.
     */
    default List<String> variantNames() {
        return List.of(name());
    }

    /** One list per {@link #variantNames()} entry; the first is {@link #recommend}'s. */
    default List<List<String>> recommendVariants(EvaluationListener listener, int n) {
        return List.of(recommend(listener, n));
    }

    /** How each variant caps artists, for reports ({@code "none"}, {@code "audiu's"}). */
    default List<String> variantCaps() {
        return List.of("none");
    }
}
