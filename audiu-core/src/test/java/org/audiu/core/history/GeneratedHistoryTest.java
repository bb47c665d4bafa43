package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.engine.SkippedNegatives;
import org.audiu.core.eval.history.HistoryEvaluation;
import org.audiu.core.eval.history.HistoryEvaluationReport;
import org.audiu.core.eval.history.HistorySplit;
import org.audiu.core.eval.playlist.Baselines;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.preference.PlayHistorySignal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Synthetic histories in each real schema, their tracks from the shared spotify_songs.csv (skipped when absent):
 * read, matched back to the catalogue, scored and evaluated in time.
 */
class GeneratedHistoryTest {
    private static final Instant FROM = Instant.parse("2022-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
    private static TrackDataset dataset;
    private static List<Track> tracks;

    @TempDir
    Path dir;

    @BeforeAll
    static void catalogue() {
        String shared = System.getProperty("audiu.shared.data", System.getenv().getOrDefault("AUDIU_SHARED_DATA",
                "../shared/data"));
        Path csv = Path.of(shared).resolve("spotify_songs.csv");
        assumeTrue(Files.isRegularFile(csv), "Skipping: " + csv.toAbsolutePath() + " is absent. The real datasets "
                + "live in ../shared/data beside the repository (CI has them); set -Daudiu.shared.data=DIR.");
        dataset = new CsvDatasetReader(CsvReadOptions.defaults()).read(csv);
        tracks = dataset.tracks().values().stream().map(DatasetTrack::track).toList();
    }

    private ListeningHistory generate(HistoryFormat format, int plays) throws IOException {
        new SyntheticHistory(tracks, 7).write(format, plays, FROM, TO, dir);
        return new HistoryReader().read(dir);
    }

    @ParameterizedTest
    // The export's library and playlist files hold no plays: SyntheticHistory writes play histories only.
    @EnumSource(value = HistoryFormat.class, names = {"SPOTIFY_LIBRARY", "SPOTIFY_PLAYLISTS"},
            mode = EnumSource.Mode.EXCLUDE)
    void everySchemaReadsAndMatchesBackToTheCatalogue(HistoryFormat format) throws IOException {
        ListeningHistory h = generate(format, 6_000);
        HistoryReadReport r = h.report();
        assertEquals(0, r.problemCount(), r.summary());
        assertTrue(r.excluded().getOrDefault(PlayExclusion.DUPLICATE, 0L) > 0, r.summary());
        boolean timed = format == HistoryFormat.SPOTIFY_EXTENDED || format == HistoryFormat.SPOTIFY_ACCOUNT_DATA;
        if (timed) {
            assertTrue(r.excluded().getOrDefault(PlayExclusion.PODCAST_EPISODE, 0L) > 100, r.summary());
            assertTrue(r.excluded().getOrDefault(PlayExclusion.ZERO_LENGTH, 0L) > 10, r.summary());
        }
        assertFalse(r.summary().contains("synthetic-user") || r.summary().contains("192.0.2."));
        CatalogueMatcher matcher = new CatalogueMatcher(tracks.stream());
        HistoryMatch match = matcher.match(h);
        MatchReport m = match.report();
        // Name variants ("- Remastered 2011", "feat." credits) and unicode names still match.
        assertTrue(m.matched() >= 0.97 * m.songs(), m.summary());
        if (format == HistoryFormat.SPOTIFY_EXTENDED) {
            assertEquals(m.songs(), m.byId(), m.summary());
        }
        ListenerLibrary library = ListenerLibrary.ofHistory(match.all());
        assertTrue(PlayHistorySignal.playCount().score(library).isPresent());
        assertEquals(timed, PlayHistorySignal.completion().score(library).isPresent(),
                "completion needs listening time, which only Spotify exports give");
        if (timed) {
            assertFalse(new SkippedNegatives(1, 3, 0.6).of(library).isEmpty(),
                    "the tracks skipped again and again are real negatives");
        }
    }

    @Test
    void signalsFollowThePlays() throws IOException {
        ListeningHistory h = generate(HistoryFormat.SPOTIFY_EXTENDED, 6_000);
        ListenerLibrary library = ListenerLibrary.ofHistory(new CatalogueMatcher(tracks.stream()).match(h).all());
        Map<String, Double> count = PlayHistorySignal.playCount().score(library).orElseThrow();
        Map<String, Double> skip = PlayHistorySignal.skipRate().score(library).orElseThrow();
        TrackPlays most = library.playHistory().stream().max(java.util.Comparator.comparingInt(TrackPlays::plays))
                .orElseThrow();
        assertEquals(1.0, count.get(most.track().id()), 1e-9);
        TrackPlays skipped = library.playHistory().stream().filter(p -> p.earlySkipRate() > 0.9 && p.plays() > 3)
                .findFirst().orElseThrow();
        assertTrue(skip.get(skipped.track().id()) < 0.1, "a track skipped every time scores near 0 on skip-rate");
        assertTrue(PlayHistorySignal.repeatDays().score(library).orElseThrow().get(most.track().id()) > 0.5);
    }

    @Test
    void evaluationSplitsInTimeAndNeverTargetsWhatWasPlayedBefore() throws IOException {
        ListeningHistory h = generate(HistoryFormat.SPOTIFY_EXTENDED, 8_000);
        EvaluationCatalogue catalogue = new EvaluationCatalogue(dataset);
        HistoryEvaluation evaluation = new HistoryEvaluation(catalogue);
        Instant split = HistoryEvaluation.defaultSplit(h);
        HistorySplit s = evaluation.split(h, split, 42);
        assertTrue(s.playsBefore() > s.playsAfter());
        assertFalse(s.targets().isEmpty());
        for (String target : s.targets()) {
            assertFalse(s.listener().split().visible().contains(target), target + " was played before the split");
        }
        HistoryEvaluationReport report = evaluation.run(s, List.of(Baselines.popularity(catalogue),
                Baselines.artistShare(catalogue)), 50);
        assertEquals(List.of("popularity", "artist-share"), List.copyOf(report.methods().keySet()));
        assertTrue(report.methods().get("artist-share").recall() > report.methods().get("popularity").recall(),
                "the synthetic listener keeps returning to their artists: " + report.methods());
    }
}
