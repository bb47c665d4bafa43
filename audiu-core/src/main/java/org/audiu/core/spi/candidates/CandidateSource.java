package org.audiu.core.spi.candidates;

import java.util.stream.Stream;
import org.audiu.core.Track;

/**
 * The pool of tracks to recommend from. The pool may be far larger than memory: the engine streams it (twice: once
 * to sample negatives, once to score), so each call must return a fresh stream over the same candidates in the same
 * order. Close the stream to release files or connections.
 */
@FunctionalInterface
public interface CandidateSource {
    Stream<Candidate> candidates();

    /**
     * The pool's tracks, in the same order, without their features (to match a listening history against the pool,
     * say). A source holding its tracks in memory overrides this to skip building each candidate.
     */
    default Stream<Track> tracks() {
        return candidates().map(Candidate::track);
    }
}
