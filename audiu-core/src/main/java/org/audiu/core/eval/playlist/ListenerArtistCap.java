package org.audiu.core.eval.playlist;

/**
 * The artist cap a listener's list of {@code n} gets, so that the baselines can be measured under exactly the cap
 * audiU applies to the same listener ({@link EngineMethod#artistCap}).
 */
@FunctionalInterface
public interface ListenerArtistCap {
    /** At most this many tracks per main artist in a list of {@code n} for this listener. */
    int perArtist(EvaluationListener listener, int n);
}
