package org.audiu.core.eval.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol on a small synthetic playlist file: honest splits, no leaks, thread-independent results. */
class PlaylistContinuationTest {
    @TempDir
    static Path tmp;

    static TrackDataset dataset;

    /** 10 playlists of 24 tracks from 160 tracks by 40 artists; playlists overlap. */
    @BeforeAll
    static void writeDataset() throws IOException {
        Random r = new Random(5);
        StringBuilder csv = new StringBuilder("track_id,track_name,track_artist,track_popularity,track_album_id,"
                + "track_album_name,track_album_release_date,playlist_name,playlist_id,playlist_genre,danceability,"
                + "energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,"
                + "duration_ms\n");
        double[][] features = new double[160][];
        for (int t = 0; t < 160; t++) {
            int artist = t / 4;
            double centre = (artist % 5) / 5.0;
            features[t] = new double[] {clamp(centre + r.nextGaussian() * 0.1), clamp(1 - centre
                    + r.nextGaussian() * 0.1), r.nextInt(12), -5 - r.nextInt(10), r.nextInt(2), r.nextDouble() * 0.2,
                r.nextDouble(), r.nextDouble() * 0.5, r.nextDouble() * 0.3, r.nextDouble(), 90 + r.nextInt(60),
                180_000 + r.nextInt(60_000)};
        }
        for (int p = 0; p < 10; p++) {
            Set<Integer> chosen = new java.util.LinkedHashSet<>();
            while (chosen.size() < 24) {
                int t = r.nextDouble() < 0.7 ? (p * 16 + r.nextInt(32)) % 160 : r.nextInt(160);
                chosen.add(t);
            }
            for (int t : chosen) {
                int artist = t / 4;
                csv.append(String.format(Locale.ROOT, "t%03d,Song %d,Artist %d,%d,al%d,Album %d,%d-01-01,List %d,"
                        + "pl%d,%s", t, t, artist, 20 + (t * 7) % 70, t / 2, t / 2, 1980 + artist, p, p,
                        p % 2 == 0 ? "pop" : "rock"));
                for (double v : features[t]) {
                    csv.append(',').append(v);
                }
                csv.append('\n');
            }
        }
        Path file = tmp.resolve("playlists.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        dataset = new CsvDatasetReader(CsvReadOptions.defaults()).read(file);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** A trainer that records what it was given, and trains a test centroid. */
    static final class Spy implements TrainerFactory {
        final List<LabelledData> seen = new CopyOnWriteArrayList<>();

        @Override public String name() { return "spy"; }

        @Override
        public Trainer create(ComponentConfig config) {
            CentroidTrainer inner = new CentroidTrainer(config.seed());
            return data -> {
                seen.add(data);
                return inner.train(data);
            };
        }
    }

    private static AudiuConfig config(String model) {
        return new AudiuConfig(Map.of("model", model), tmp, "test");
    }

    @Test
    void hiddenTracksNeverReachTheLibraryOrThePositives() {
        Spy spy = new Spy();
        Plugins plugins = Plugins.fromClasspath().withTrainer(spy);
        EvaluationCatalogue catalogue = new EvaluationCatalogue(dataset);
        PlaylistContinuation protocol = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(5, 1,
                42, 1, PlaylistSplitter.standard(), 0));
        EngineMethod audiu = new EngineMethod("audiu", config("spy"), plugins, catalogue);
        assertEquals(10, protocol.listeners().size());
        for (DatasetPlaylist p : protocol.listeners()) {
            EvaluationListener listener = protocol.listener(p, 42);
            Set<String> hidden = new HashSet<>(listener.split().hidden());
            Set<String> library = listener.library().tracksById().keySet();
            assertTrue(library.stream().noneMatch(hidden::contains), "hidden track in the library of " + p.id());
            assertEquals(new HashSet<>(listener.split().visible()), library);
            spy.seen.clear();
            List<String> recommended = audiu.recommend(listener, 8);
            assertEquals(8, recommended.size());
            assertTrue(recommended.stream().noneMatch(library::contains), "recommended a library track");
            assertEquals(1, spy.seen.size());
            Set<String> positives = new HashSet<>();
            for (LabelledExample e : spy.seen.get(0).examples()) {
                if (e.label().equals(TrainedRecommender.LIKED)) {
                    positives.add(e.id());
                }
            }
            assertTrue(positives.stream().noneMatch(hidden::contains), "a hidden track trained as liked");
            assertTrue(library.containsAll(positives));
            assertTrue(spy.seen.get(0).schema().names().contains("group_cooccurrence"),
                    "co-membership is used: " + spy.seen.get(0).schema());
        }
    }

    /**
     * The listener's own playlist is in the catalogue with its hidden tracks. Remove them from it: if nothing of the
     * hidden part reaches the engine, its recommendations and scores do not change at all.
     */
    @Test
    void recommendationsDoNotDependOnTheHiddenPartOfTheOwnPlaylist() {
        Plugins plugins = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
        EvaluationCatalogue full = new EvaluationCatalogue(dataset);
        PlaylistContinuation protocol = new PlaylistContinuation(full, new PlaylistContinuation.Options(5, 1, 7, 1,
                PlaylistSplitter.standard(), 0));
        for (DatasetPlaylist p : protocol.listeners().subList(0, 4)) {
            EvaluationListener listener = protocol.listener(p, 7);
            EvaluationCatalogue trimmed = new EvaluationCatalogue(withoutHidden(dataset, p, listener.split()));
            EngineMethod onFull = new EngineMethod("audiu", config("test-centroid"), plugins, full);
            EngineMethod onTrimmed = new EngineMethod("audiu", config("test-centroid"), plugins, trimmed);
            EvaluationListener same = new EvaluationListener(p, listener.split(), trimmed.library(p,
                    listener.split()), 7);
            assertEquals(onFull.recommend(listener, 20), onTrimmed.recommend(same, 20), "playlist " + p.id());
        }
    }

    /** The dataset with the hidden tracks taken out of playlist {@code p} (they stay in the catalogue). */
    private static TrackDataset withoutHidden(TrackDataset d, DatasetPlaylist p, PlaylistSplit split) {
        Set<String> hidden = new HashSet<>(split.hidden());
        Map<String, DatasetTrack> tracks = new LinkedHashMap<>();
        d.tracks().forEach((id, t) -> {
            List<String> memberships = new ArrayList<>(t.playlistIds());
            if (hidden.contains(id)) {
                memberships.remove(p.id());
            }
            tracks.put(id, new DatasetTrack(t.track(), t.features(), t.label(), memberships, t.line()));
        });
        Map<String, DatasetPlaylist> playlists = new LinkedHashMap<>(d.playlists());
        playlists.put(p.id(), new DatasetPlaylist(p.id(), p.name(), p.genre(),
                p.trackIds().stream().filter(id -> !hidden.contains(id)).toList()));
        return new TrackDataset(d.source(), d.schema(), d.labelColumn(), tracks, playlists, d.rowsRead(),
                d.emptyRows(), d.duplicateRows(), d.conflictingLabels(), d.problems());
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Plugins plugins = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
        EvaluationCatalogue catalogue = new EvaluationCatalogue(dataset);
        List<ContinuationMethod> methods = new ArrayList<>();
        methods.add(new EngineMethod("audiu", config("test-centroid"), plugins, catalogue));
        methods.addAll(Baselines.all(catalogue));
        ContinuationReport one = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(5, 2, 1, 1,
                PlaylistSplitter.standard(), 0)).run(methods, ProgressReporter.NONE);
        ContinuationReport two = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(5, 2, 1, 2,
                PlaylistSplitter.standard(), 0)).run(methods, ProgressReporter.NONE);
        assertEquals(List.of(1L, 2L), one.seeds());
        assertEquals(10, one.listeners());
        for (int m = 0; m < methods.size(); m++) {
            assertEquals(one.methods().get(m).mean(), two.methods().get(m).mean(), one.methods().get(m).name());
            assertEquals(one.methods().get(m).perSeed(), two.methods().get(m).perSeed());
        }
        assertEquals(List.of("audiu", "random", "popularity", "audio-centroid", "same-artist", "co-occurrence",
                "artist-share"), one.methods().stream().map(ContinuationReport.MethodResult::name).toList());
        double sameArtist = one.method("same-artist").orElseThrow().mean().ndcg();
        double random = one.method("random").orElseThrow().mean().ndcg();
        assertTrue(sameArtist > random, "artists recur in these playlists: " + sameArtist + " vs " + random);
    }

    @Test
    void catalogueTracksCarryNoPlaylistDerivedGenre() {
        EvaluationCatalogue catalogue = new EvaluationCatalogue(dataset);
        assertTrue(dataset.tracks().values().iterator().next().track().genre().isPresent(), "the file has genres");
        for (int i = 0; i < catalogue.size(); i++) {
            assertFalse(catalogue.track(i).genre().isPresent());
        }
    }
}
