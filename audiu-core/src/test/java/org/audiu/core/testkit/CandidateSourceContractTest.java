package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.junit.jupiter.api.Test;

/**
 * Extend this to prove a candidate source behaves: each call gives a fresh stream of the same candidates in the same
 * order (the engine streams the pool twice), with valid tracks.
 */
public abstract class CandidateSourceContractTest {
    protected abstract CandidateSource source();

    @Test
    void givesCandidates() {
        try (Stream<Candidate> s = source().candidates()) {
            assertTrue(s.findAny().isPresent());
        }
    }

    @Test
    void streamsAreRepeatable() {
        CandidateSource source = source();
        List<String> first;
        List<String> second;
        try (Stream<Candidate> s = source.candidates()) {
            first = s.limit(5000).map(c -> c.track().id()).toList();
        }
        try (Stream<Candidate> s = source.candidates()) {
            second = s.limit(5000).map(c -> c.track().id()).toList();
        }
        assertEquals(first, second);
        assertFalse(first.stream().anyMatch(String::isBlank));
    }
}
