package org.audiu.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.audiu.core.AudioFeatures;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.TrackKeys;
import org.junit.jupiter.api.Test;

class GeneratedCatalogueTest {
    @Test
    void aTrillionTrackPoolStreamsLazily() {
        // Holding the pool would need petabytes: the first tracks come back at once, so nothing is materialised.
        GeneratedCatalogue huge = new GeneratedCatalogue(1_000_000_000_000L, 1, 20);
        List<Candidate> first = huge.candidates().limit(5).toList();
        assertEquals(5, first.size());
        assertEquals("gen0", first.get(0).track().id());
        assertEquals(1_000_000_000_000L, huge.candidates().spliterator().getExactSizeIfKnown());
        assertEquals("gen999999999999", huge.candidate(999_999_999_999L).track().id());
    }

    @Test
    void everyStreamIsTheSameAndMatchesRandomAccess() {
        GeneratedCatalogue c = new GeneratedCatalogue(2_000, 7, 20);
        List<Candidate> a = c.candidates().toList();
        List<Candidate> b = c.candidates().toList();
        assertEquals(2_000, a.size());
        assertEquals(a, b, "a fresh stream over the same candidates in the same order");
        for (int i : new int[] {0, 19, 20, 777, 1_999}) {
            assertEquals(a.get(i), c.candidate(i));
            assertEquals(OptionalLong.of(i), c.indexOf(a.get(i).track().id()));
        }
        assertEquals(AudioFeatures.STANDARD, a.get(0).features().orElseThrow().schema());
        assertEquals(a.get(0).track().mainArtist(), a.get(19).track().mainArtist());
        assertNotEquals(a.get(0).track().mainArtist(), a.get(20).track().mainArtist());
        assertNotEquals(a, new GeneratedCatalogue(2_000, 8, 20).candidates().toList(), "another seed");
        assertEquals(OptionalLong.empty(), c.indexOf("gen2000"));
        assertEquals(OptionalLong.empty(), c.indexOf("demo12"));
    }

    @Test
    void theKeysHandedOutAreTheTracksOwn() {
        // The generator hashes each artist's and album's names once; the keys must be what TrackKeys.of computes.
        GeneratedCatalogue c = new GeneratedCatalogue(1_000_000, 5, 20);
        for (Candidate x : c.candidates(0, 3_000).toList()) {
            assertEquals(TrackKeys.of(x.track()), x.keys(), x.track().id());
        }
        for (Candidate x : c.candidates(987_000, 990_000).toList()) {
            assertEquals(TrackKeys.of(x.track()), x.keys(), x.track().id());
        }
    }

    @Test
    void theListenerIsMadeOfOneGenresArtists() {
        GeneratedCatalogue c = new GeneratedCatalogue(100_000, 3, 20);
        ListenerLibrary l = c.listener("Jazz", 5);
        assertEquals(100, l.savedTracks().size());
        assertTrue(l.savedTracks().stream().allMatch(s -> s.track().genre().orElseThrow().equals("Jazz")));
        assertThrows(IllegalArgumentException.class, () -> c.listener("Polka", 1));
    }

    @Test
    void pluginReadsSizeAndStreams() {
        CandidateSource source = new GeneratedFactories.CandidatesFactory().create(ComponentConfig.of(
                "candidate source", "generated", Map.of("size", "1234"), 9));
        assertEquals(1234, source.candidates().count());
        assertEquals(1234, source.candidates().map(x -> x.track().id()).distinct().count());
    }
}
