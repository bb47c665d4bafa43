package org.audiu.core.spi.candidates;

import java.util.stream.Stream;

/**
 * A candidate source that can stream any contiguous part of its pool on its own (a generated pool, a catalogue in
 * memory, a file of fixed-size records): the ranking pass then gives each core its own part to read, score and rank,
 * rather than reading the whole pool on one thread. Optional: a source without it is read by one thread and ranked
 * by all.
 *
 * <p>Contract: {@link #size()} is the number of candidates {@link #candidates()} yields, and
 * {@code candidates(0, a)}, {@code candidates(a, b)}, ..., {@code candidates(z, size())} together yield exactly
 * {@code candidates()}, in the same order. Each call returns a fresh stream, safe to consume on another thread.
 */
public interface SplittableCandidateSource extends CandidateSource {
    /** The number of candidates in the pool. */
    long size();

    /**
     * The candidates {@code from} (inclusive) to {@code to} (exclusive) of {@link #candidates()}.
     *
     * @throws IllegalArgumentException when not {@code 0 <= from <= to <= size()}
     */
    Stream<Candidate> candidates(long from, long to);

    /** Checks a range against {@link #size()} (for implementations). */
    static void checkRange(long from, long to, long size) {
        if (from < 0 || from > to || to > size) {
            throw new IllegalArgumentException("A part of the pool must satisfy 0 <= from <= to <= " + size
                    + ", got " + from + ".." + to);
        }
    }
}
