package org.audiu.core.eval.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol matrix's plumbing, the sampled pool and the capped baselines, on a small generated playlist file. */
class ProtocolMatrixTest {
    @TempDir
    static Path tmp;

    static EvaluationCatalogue catalogue;

    /** 12 playlists of 12 to 34 tracks from 300 tracks by 60 artists, half of each playlist by one artist. */
    @BeforeAll
    static void writeDataset() throws IOException {
        Random r = new Random(11);
        StringBuilder csv = new StringBuilder("track_id,track_name,track_artist,track_popularity,track_album_id,"
                + "track_album_name,track_album_release_date,playlist_name,playlist_id,playlist_genre,danceability,"
                + "energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,"
                + "duration_ms\n");
        for (int p = 0; p < 12; p++) {
            int size = 12 + 2 * p;
            Set<Integer> chosen = new java.util.LinkedHashSet<>();
            int favourite = p * 5;
            while (chosen.size() < size) {
                chosen.add(r.nextBoolean() ? favourite * 5 + r.nextInt(5) : r.nextInt(300));
            }
            for (int t : chosen) {
                int artist = t / 5;
                csv.append(String.format(Locale.ROOT, "t%03d,Song %d,Artist %d,%d,al%d,Album %d,%d-01-01,List %d,"
                        + "pl%d,pop", t, t, artist, 20 + (t * 7) % 70, t / 3, t / 3, 1980 + artist % 30, p, p));
                double centre = (artist % 5) / 5.0;
                for (double v : new double[] {centre, 1 - centre, t % 12, -5 - t % 10, t % 2, 0.1, 0.3, 0.2, 0.1,
                    0.5, 100 + t % 40, 200_000}) {
                    csv.append(',').append(v);
                }
                csv.append('\n');
            }
        }
        Path file = tmp.resolve("playlists.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults()).read(file));
    }

    private static List<ContinuationMethod> methods() {
        Plugins plugins = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
        EngineMethod audiu = new EngineMethod("audiu", new AudiuConfig(Map.of("model", "test-centroid"), tmp,
                "test"), plugins, catalogue, true);
        List<ContinuationMethod> methods = new ArrayList<>();
        methods.add(audiu);
        methods.addAll(Baselines.all(catalogue, audiu::artistCap));
        return methods;
    }

    @Test
    void everyCellRunsTheSameMethodsAndComparesAudiuWithEveryBaselineList() {
        List<ProtocolMatrix.Cell> cells = List.of(
                new ProtocolMatrix.Cell("small, all", new PlaylistSplitter(10, 20, 0.2), PoolChoice.all()),
                new ProtocolMatrix.Cell("large, half, sampled", new PlaylistSplitter(21, Integer.MAX_VALUE, 0.5),
                        PoolChoice.sample(40)));
        List<ProtocolMatrix.CellResult> results = new ProtocolMatrix(catalogue, cells,
                new PlaylistContinuation.Options(5, 2, 3, 2, PlaylistSplitter.standard(), 0))
                .run(methods(), ProgressReporter.NONE);
        assertEquals(2, results.size());
        assertEquals(5, results.get(0).report().listeners(), "playlists of 10 to 20 unique tracks: 12..20");
        assertEquals(7, results.get(1).report().listeners(), "playlists of 21 or more: 22..34");
        for (ProtocolMatrix.CellResult c : results) {
            assertEquals("audiu", c.audiu().name());
            assertEquals(List.of(3L, 4L), c.report().seeds());
            assertEquals(12, c.comparisons().size(), "6 baselines, each uncapped and under audiU's cap");
            assertTrue(c.comparisons().stream().noneMatch(cmp -> cmp.against().startsWith("audiu")));
            for (ProtocolMatrix.Comparison cmp : c.comparisons()) {
                ContinuationReport.MethodResult other = c.report().method(cmp.against()).orElseThrow();
                assertEquals(c.audiu().mean().ndcg() - other.mean().ndcg(), cmp.ndcgDelta(), 1e-12);
                assertEquals(cmp.against().endsWith("@cap") ? "audiu's" : "none", cmp.cap());
            }
        }
        double sampled = results.get(1).report().method("random").orElseThrow().mean().hitRate();
        assertTrue(sampled > 0.3, "half hidden in a pool of 40 others: random hits often, got " + sampled);
    }

    @Test
    void aSampledPoolHoldsTheHiddenTracksAndSeededOthersButNoLibraryTrack() {
        PlaylistContinuation protocol = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(5, 1, 9,
                1, new PlaylistSplitter(10, 0.3), 0, PoolChoice.sample(25)));
        var playlist = protocol.listeners().get(3);
        EvaluationListener one = protocol.listener(playlist, 9);
        EvaluationListener again = protocol.listener(playlist, 9);
        Set<Integer> members = new HashSet<>();
        for (int i = 0; i < catalogue.size(); i++) {
            assertEquals(one.pool().contains(i), again.pool().contains(i), "seeded: the same pool twice");
            if (one.pool().contains(i)) {
                members.add(i);
            }
        }
        assertEquals(25 + one.split().hidden().size(), members.size());
        for (String id : one.split().hidden()) {
            assertTrue(members.contains(catalogue.indexOf(id)), "hidden track " + id + " in the pool");
        }
        boolean[] excluded = catalogue.excluded(one.library());
        assertTrue(members.stream().noneMatch(i -> excluded[i]), "no library track in the pool");
        for (ContinuationMethod m : methods()) {
            for (List<String> list : m.recommendVariants(one, 10)) {
                assertTrue(list.stream().allMatch(id -> members.contains(catalogue.indexOf(id))), m.name());
            }
        }
    }

    @Test
    void cappedBaselineListsKeepAudiusCapAndTheUncappedOnesDoNot() {
        PlaylistContinuation protocol = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(5, 1, 2,
                1, new PlaylistSplitter(10, 0.2), 0));
        List<ContinuationMethod> methods = methods();
        EngineMethod audiu = (EngineMethod) methods.get(0);
        ContinuationMethod artistShare = methods.get(methods.size() - 1);
        assertEquals(List.of("artist-share", "artist-share@cap"), artistShare.variantNames());
        boolean uncappedExceeds = false;
        for (var p : protocol.listeners()) {
            EvaluationListener l = protocol.listener(p, 2);
            int cap = audiu.artistCap(l, 20);
            List<List<String>> lists = artistShare.recommendVariants(l, 20);
            assertTrue(maxPerArtist(lists.get(1)) <= cap, "capped at " + cap + ": " + lists.get(1));
            uncappedExceeds |= maxPerArtist(lists.get(0)) > cap;
        }
        assertTrue(uncappedExceeds, "somewhere the uncapped list has more of one artist than the cap allows");
    }

    private static int maxPerArtist(List<String> ids) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        int best = 0;
        for (String id : ids) {
            best = Math.max(best, counts.merge(catalogue.track(catalogue.indexOf(id)).mainArtist(), 1,
                    Integer::sum));
        }
        return best;
    }

    @Test
    void aCellWithoutListenersSaysWhichPlaylistSizesItWanted() {
        List<ProtocolMatrix.Cell> cells = List.of(new ProtocolMatrix.Cell("huge",
                new PlaylistSplitter(500, Integer.MAX_VALUE, 0.2), PoolChoice.all()));
        DataException e = assertThrows(DataException.class, () -> new ProtocolMatrix(catalogue, cells,
                PlaylistContinuation.Options.standard(1)).run(methods(), ProgressReporter.NONE));
        assertTrue(e.getMessage().contains("500 or more unique tracks"), e.getMessage());
    }
}
