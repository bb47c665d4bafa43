package com.example.releaseera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.preference.PreferenceScores;
import org.junit.jupiter.api.Test;

/** What the release-era scorer computes, on small libraries worked out by hand. */
class ReleaseEraScorerTest {
    private static final Instant SAVED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private static Track released(String id, int year) {
        return Track.builder(id, "Song " + id).artists("Artist " + id).releaseYear(year).build();
    }

    private static ListenerLibrary libraryOf(Track... tracks) {
        List<SavedTrack> saved = List.of(tracks).stream().map(t -> new SavedTrack(t, SAVED_AT)).toList();
        return new ListenerLibrary(saved, List.of(), Map.of(), Map.of(), List.of());
    }

    @Test
    void tracksOfTheBiggestDecadeScoreOneAndOthersTheirShareOfIt() {
        ListenerLibrary library = libraryOf(released("a", 1971), released("b", 1975), released("c", 1979),
                released("d", 1980), released("e", 1999), released("f", 1990));
        PreferenceScores scores = new ReleaseEraScorer(10).score(library);
        assertEquals(1.0, scores.scoreOf("a"), 1e-12, "three tracks of the 1970s: the biggest era");
        assertEquals(1.0, scores.scoreOf("c"), 1e-12, "1979 is still the 1970s");
        assertEquals(1.0 / 3, scores.scoreOf("d"), 1e-12, "one track of the 1980s");
        assertEquals(2.0 / 3, scores.scoreOf("e"), 1e-12, "two tracks of the 1990s");
    }

    @Test
    void aTrackWithoutAReleaseYearScoresZero() {
        Track undated = Track.builder("u", "Undated").artists("Somebody").build();
        PreferenceScores scores = new ReleaseEraScorer(10).score(libraryOf(released("a", 2001), undated));
        assertEquals(1.0, scores.scoreOf("a"), 1e-12);
        assertEquals(0.0, scores.scoreOf("u"), 1e-12);
        assertTrue(scores.scores().containsKey("u"), "every library track gets a score");
    }

    @Test
    void theEraLengthIsAParameter() {
        ListenerLibrary library = libraryOf(released("a", 1960), released("b", 1979), released("c", 1980));
        PreferenceScores scores = configuredWith(Map.of("era-years", "20")).score(library);
        assertEquals(1.0, scores.scoreOf("b"), 1e-12, "1960-1979 is one 20-year era");
        assertEquals(0.5, scores.scoreOf("c"), 1e-12, "1980 starts the next");
    }

    @Test
    void aLibraryWithoutReleaseYearsIsAClearError() {
        Track undated = Track.builder("u", "Undated").artists("Somebody").build();
        DataException e = assertThrows(DataException.class, () -> new ReleaseEraScorer(10).score(libraryOf(undated)));
        assertTrue(e.getMessage().contains("release year"), e.getMessage());
    }

    @Test
    void anEraShorterThanAYearIsRejectedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> configuredWith(Map.of("era-years", "0")));
        assertTrue(e.getMessage().contains("scorer.era-years"), e.getMessage());
    }

    /** The scorer the factory creates from these parameters, as a configuration file gives them under scorer. */
    private static PreferenceScorer configuredWith(Map<String, String> parameters) {
        ComponentConfig config = new ComponentConfig(PreferenceScorerFactory.KIND.label(), "release-era", "scorer.",
                parameters, 42, Path.of("."), "test");
        return new ReleaseEraScorerFactory().create(config);
    }
}
