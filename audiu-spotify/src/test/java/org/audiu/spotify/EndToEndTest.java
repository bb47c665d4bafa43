package org.audiu.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.EngineSettings;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.plugin.Components;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.core.spi.sink.PlaylistSinkFactory;
import org.audiu.core.testkit.CentroidTrainer;
import org.audiu.spotify.fake.CreatedPlaylist;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyMain;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline from a configuration, as {@code audiu recommend --config} runs it: the Spotify library (2,150
 * saved tracks), features through spotify-audio-features (403) then ReccoBeats, candidates from search, the
 * test-centroid trainer, and the recommendations written back as a playlist. All against the fake server, with the
 * configuration the dev mode ({@link FakeSpotifyMain}) prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
    private FakeSpotifyServer server;
    private AudiuConfig config;
    private Plugins plugins;
    private RecommendationResult result;
    private long searches;
    private long featureRequests;
    private long audioFeatureRequests;

    @BeforeAll
    void runOnce(@TempDir Path dir) {
        server = FakeSpotifyServer.start();
        Map<String, String> values = FakeSpotifyMain.devConfig(server, dir, "test-centroid");
        config = new AudiuConfig(values, dir, "end-to-end test");
        plugins = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
        result = RecommendationEngine.fromConfig(config, plugins, ProgressReporter.NONE).recommend();
        searches = server.count("/v1/search");
        featureRequests = server.count("/reccobeats/");
        audioFeatureRequests = server.count("/v1/audio-features");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void recommendsNewTracksFromTheSearchedCatalogue() {
        List<Recommendation> recs = result.recommendations();
        assertEquals(20, recs.size());
        Set<String> library = server.catalog().libraryTrackIds();
        for (Recommendation r : recs) {
            assertFalse(library.contains(r.track().id()), "already known: " + r.track().id());
            assertTrue(server.catalog().track(r.track().id()).isPresent());
            assertFalse(r.reasons().isEmpty());
        }
        assertTrue(searches > 0 && searches <= 60, "within the budget: " + searches);
    }

    @Test
    void featuresCameFromReccoBeatsAfterSpotifys403() {
        var report = result.report();
        assertEquals(server.catalog().libraryTrackIds().size(), report.libraryTracks());
        assertTrue(report.featuresByProvider().get("reccobeats") > 2000, report.featuresByProvider().toString());
        assertEquals(null, report.featuresByProvider().get("spotify-audio-features"));
        assertEquals(1, audioFeatureRequests, "asked once, then handed over");
        long unknownToRecco = server.catalog().libraryTrackIds().stream()
                .filter(id -> server.catalog().reccoBeatsId(id).isEmpty()).count();
        assertEquals(unknownToRecco, report.libraryMissingIds().size(), "tracks without features are reported");
        assertTrue(report.preferenceWeights().size() > 0);
    }

    @Test
    void theTasteOfTheFakeListenerIsLearnt() {
        Set<String> liked = Set.copyOf(FakeCatalog.GENRES.subList(0, 3));
        long hits = result.recommendations().stream()
                .filter(r -> liked.contains(server.catalog().track(r.track().id()).orElseThrow().style())).count();
        // 3 of 18 genres: about 8% of the unsaved catalogue; the listener saved half their tracks from them
        assertTrue(hits >= 15, "recommendations in the listener's favourite genres: " + hits + " of 20");
    }

    @Test
    void aSecondRunNeedsNoFeatureRequestsAndTheSinkWritesWhatWasRecommended() {
        RecommendationResult again = RecommendationEngine.fromConfig(config, plugins, ProgressReporter.NONE)
                .recommend();
        assertEquals(featureRequests, server.count("/reccobeats/"), "all features came from the disk cache");
        List<String> picks = result.recommendations().stream().map(r -> r.track().id()).toList();
        assertEquals(picks, again.recommendations().stream().map(r -> r.track().id()).toList(),
                "seeded: the same picks");

        PlaylistSink sink = new Components(config, plugins, EngineSettings.KEYS).create(PlaylistSinkFactory.KIND,
                "spotify");
        String url = sink.write("audiU test mix", result.recommendations());
        CreatedPlaylist created = server.createdPlaylists().get(server.createdPlaylists().size() - 1);
        assertEquals(picks.stream().map(id -> "spotify:track:" + id).toList(), created.uris());
        assertTrue(url.endsWith(created.id()), url);

        RecommendationResult afterWriting = RecommendationEngine.fromConfig(config, plugins, ProgressReporter.NONE)
                .recommend();
        assertEquals(result.report().libraryTracks(), afterWriting.report().libraryTracks(),
                "the playlist audiU wrote is not read back as part of the library");
        assertEquals(picks, afterWriting.recommendations().stream().map(r -> r.track().id()).toList(),
                "so the next identical run gives the same answer");
    }

    @Test
    void repeatedRunsWithTheSpotifySinkGiveTheSameLibraryAndUpdateOnePlaylist() {
        List<Long> likedCounts = new java.util.ArrayList<>();
        List<List<String>> picks = new java.util.ArrayList<>();
        int before = server.createdPlaylists().size();
        for (int run = 0; run < 4; run++) {
            RecommendationResult r = RecommendationEngine.fromConfig(config, plugins, ProgressReporter.NONE)
                    .recommend();
            likedCounts.add((long) r.report().libraryTracks());
            picks.add(r.recommendations().stream().map(x -> x.track().id()).toList());
            PlaylistSink sink = new Components(config, plugins, EngineSettings.KEYS).create(PlaylistSinkFactory.KIND,
                    "spotify");
            sink.write("audiU recommendations", r.recommendations());
        }
        assertEquals(List.of(likedCounts.get(0), likedCounts.get(0), likedCounts.get(0), likedCounts.get(0)),
                likedCounts, "identical runs read identical libraries");
        assertTrue(picks.stream().allMatch(picks.get(0)::equals), "and recommend the same: " + picks);
        List<CreatedPlaylist> made = server.createdPlaylists().subList(before, server.createdPlaylists().size());
        assertEquals(1, made.size(), "the second and later runs replace the first run's playlist");
        assertEquals(picks.get(0).stream().map(id -> "spotify:track:" + id).toList(), made.get(0).uris());
    }
}
