package org.audiu.core.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.audiu.core.Artist;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discovery ranker on a generated catalogue and a generated listener who, over 400 days, keeps discovering the
 * most popular songs of ten favourite artists (and plays a few songs no catalogue has): trained on that listener's
 * own past discoveries, it must find the songs they go on to discover, and never recommend what they know.
 */
class DiscoveryRankerTest {
    private static final long DAY = 86_400_000L;
    private static final long START = 1_700_000_000_000L;
    private static final int ARTISTS = 40;
    private static final int PER_ARTIST = 25;

    @TempDir
    Path dir;

    private EvaluationCatalogue catalogue;

    @BeforeEach
    void writeCatalogue() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("track_id,track_name,track_artist,track_popularity,danceability,energy,"
                + "valence,acousticness,tempo,loudness,speechiness,instrumentalness,liveness\n");
        for (int a = 0; a < ARTISTS; a++) {
            for (int t = 0; t < PER_ARTIST; t++) {
                csv.append(String.format(Locale.ROOT, "t%02d_%02d,Song %d of %d,Artist %d,%d,%.3f,%.3f,%.3f,%.3f,"
                                + "%.1f,%.1f,%.3f,%.3f,%.3f%n", a, t, t, a, a, 95 - 3 * t - r.nextInt(3),
                        r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(), 80 + 80 * r.nextDouble(),
                        -20 + 15 * r.nextDouble(), 0.3 * r.nextDouble(), r.nextDouble(), r.nextDouble()));
            }
        }
        Path file = dir.resolve("catalogue.csv");
        Files.writeString(file, csv);
        catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults()).read(file));
    }

    /** Artists 0-9: their songs discovered in order of popularity, one a day each, over {@code days} days. */
    private List<TrackPlays> history(int days) {
        List<TrackPlays> out = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            for (int t = 0; t < PER_ARTIST; t++) {
                long first = START + (long) (t * 16 + a) * DAY;
                if (first >= START + days * DAY) {
                    continue;
                }
                Track track = catalogue.track(catalogue.indexOf(String.format(Locale.ROOT, "t%02d_%02d", a, t)));
                out.add(new TrackPlays(track, 5, 5, 900_000, 5, 0, 0, first, first + DAY, 2));
            }
        }
        // Plays no catalogue has still say which artists the listener likes.
        Track unmatched = Track.builder("export:unmatched", "Live at home").artists("Artist 1").build();
        out.add(new TrackPlays(unmatched, 30, 30, 5_000_000, 30, 0, 0, START, START + 200 * DAY, 20));
        return out;
    }

    private DiscoveryRanker ranker() {
        return new DiscoveryRanker(catalogue, new CentroidTrainer(7), DiscoverySettings.defaults());
    }

    @Test
    void findsTheSongsTheListenerGoesOnToDiscover() {
        // Plays until day 300; the songs first played in days 300-400 are what they go on to discover.
        ListenerLibrary before = ListenerLibrary.ofHistory(history(300));
        Set<String> later = new HashSet<>();
        Set<String> known = new HashSet<>();
        history(300).forEach(p -> known.add(p.track().id()));
        history(400).forEach(p -> {
            if (!known.contains(p.track().id()) && catalogue.indexOf(p.track().id()) >= 0) {
                later.add(p.track().id());
            }
        });
        DiscoveryRanker.Result result = ranker().rank(before, DiscoveryRanker.StageOne.NONE, 20, 3, 42);
        assertTrue(result.ranks(), result.fallbackReason());
        assertEquals(20, result.ranked().size());
        int hits = 0;
        for (DiscoveryRanker.Ranked r : result.ranked()) {
            assertFalse(known.contains(r.track().id()), r.track().id() + " was played already");
            hits += later.contains(r.track().id()) ? 1 : 0;
        }
        // 20 of the 750 unknown tracks at random would find 0.8 of the 62 later discoveries.
        assertTrue(hits >= 12, hits + " of 20 are later discoveries: " + result.ranked());
        assertTrue(result.ranked().get(0).reason().contains("whom you played"), result.ranked().get(0).reason());
    }

    @Test
    void keepsTheArtistCapAndLeavesOutBannedArtists() {
        List<TrackPlays> plays = history(300);
        ListenerLibrary library = new ListenerLibrary(List.of(), List.of(), Map.of(), Map.of(), List.of(), plays,
                List.of(), List.of(), List.of(new Artist("artist2", "Artist 2", List.of(), java.util.OptionalDouble.empty())));
        DiscoveryRanker.Result result = ranker().rank(library, DiscoveryRanker.StageOne.NONE, 20, 2, 42);
        Map<String, Integer> perArtist = new java.util.HashMap<>();
        for (DiscoveryRanker.Ranked r : result.ranked()) {
            assertFalse(r.track().artists().contains("Artist 2"), "a banned artist is never recommended");
            perArtist.merge(r.track().mainArtist(), 1, Integer::sum);
        }
        assertTrue(perArtist.values().stream().allMatch(c -> c <= 2), perArtist.toString());
    }

    @Test
    void isDeterministicForASeed() {
        ListenerLibrary library = ListenerLibrary.ofHistory(history(300));
        List<String> a = ranker().rank(library, DiscoveryRanker.StageOne.NONE, 20, 3, 42).ranked().stream()
                .map(r -> r.track().id()).toList();
        List<String> b = ranker().rank(library, DiscoveryRanker.StageOne.NONE, 20, 3, 42).ranked().stream()
                .map(r -> r.track().id()).toList();
        assertEquals(a, b);
    }

    @Test
    void seesTheFirstStagesListForTheLibraryItIsGiven() {
        ListenerLibrary library = ListenerLibrary.ofHistory(history(300));
        List<Integer> asked = new ArrayList<>();
        DiscoveryRanker.StageOne stageOne = (lib, depth) -> {
            asked.add(lib.playHistory().size());
            return List.of("t20_00");
        };
        DiscoverySettings withStage = new DiscoverySettings(true, "test-centroid", 0.75, 50, 50, 10);
        new DiscoveryRanker(catalogue, new CentroidTrainer(7), withStage).rank(library, stageOne, 20, 3, 42);
        assertEquals(2, asked.size(), "once for the plays before the inner cut, once for the whole library");
        assertTrue(asked.get(0) < asked.get(1), "the inner stage sees only the earlier plays: " + asked);
    }

    @Test
    void saysWhyWhenTheHistoryIsTooShortToLearnFrom() {
        DiscoveryRanker.Result none = ranker().rank(ListenerLibrary.empty(), DiscoveryRanker.StageOne.NONE, 10, 2, 1);
        assertFalse(none.ranks());
        assertTrue(none.fallbackReason().contains("no listening history"), none.fallbackReason());
        DiscoveryRanker.Result few = ranker().rank(ListenerLibrary.ofHistory(history(20)),
                DiscoveryRanker.StageOne.NONE, 10, 2, 1);
        assertFalse(few.ranks());
        assertTrue(few.fallbackReason().contains("ranker.min-positives"), few.fallbackReason());
    }

    @Test
    void readsItsSettingsAndRejectsBadValues() {
        AudiuConfig on = AudiuConfig.defaults().with(Map.of("ranker", "discovery", "ranker.inner-split", "0.8"));
        DiscoverySettings s = DiscoverySettings.from(on);
        assertTrue(s.enabled());
        assertEquals(0.8, s.innerSplit(), 1e-12);
        assertFalse(DiscoverySettings.from(AudiuConfig.defaults()).enabled());
        ConfigException bad = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> DiscoverySettings.from(AudiuConfig.defaults().with(Map.of("ranker", "discovry"))));
        assertTrue(bad.getMessage().contains("discovery"), bad.getMessage());
        ConfigException unknown = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> DiscoverySettings.from(AudiuConfig.defaults().with(Map.of("ranker.depth", "3"))));
        assertTrue(unknown.getMessage().contains("ranker.depth"), unknown.getMessage());
    }
}
