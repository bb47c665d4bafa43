package org.audiu.spotify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.audiu.core.AudioFeatures;
import org.audiu.core.Track;
import org.audiu.core.features.FeatureLookup;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.http.JdkHttpManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core's chain hands over from Spotify's 403 to ReccoBeats, once, and reports tracks nobody knows. */
class FeatureChainTest {
    @TempDir
    Path dir;

    @Test
    void spotify403FallsThroughToReccoBeats() {
        try (FakeSpotifyServer server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()))) {
            RecordingSleeper sleeper = new RecordingSleeper();
            var cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token.json"));
            var spotify = new SpotifyAudioFeaturesProvider(FakeSpotifyClients.client(server, cache,
                    FakeSpotifyClients.retrier(sleeper)));
            var recco = new ReccoBeatsProvider(server.reccoBeatsUrl(),
                    JdkHttpManager.newClient(FakeSpotifyClients.TIMEOUT), FakeSpotifyClients.TIMEOUT,
                    FakeSpotifyClients.retrier(sleeper), ReccoBeatsProvider.MAX_IDS);
            FeatureProviderChain chain = new FeatureProviderChain(List.of(
                    new NamedFeatureProvider("spotify-audio-features", spotify),
                    new NamedFeatureProvider("reccobeats", recco)), AudioFeatures.DEFAULT_MODEL_FEATURES);
            List<Track> known = ReccoBeatsProviderTest.tracks(server.catalog(), true, 60);
            List<Track> unknown = ReccoBeatsProviderTest.tracks(server.catalog(), false, 3);

            FeatureLookup first = chain.lookup(known.subList(0, 30));
            FeatureLookup second = chain.lookup(concat(known.subList(30, 60), unknown));

            assertEquals(30, first.found().size());
            assertEquals(30, first.foundByProvider().get("reccobeats"));
            assertFalse(first.foundByProvider().containsKey("spotify-audio-features"));
            assertEquals(30, second.found().size());
            assertEquals(unknown.stream().map(Track::id).toList(), second.missingIds(), "reported, not dropped");
            assertEquals(1, server.count("/v1/audio-features"), "the 403 is asked once per run");
            Track t = known.get(0);
            assertEquals(t.durationMs(), first.found().get(t.id()).get(AudioFeatures.DURATION_MS),
                    "duration comes from the track when ReccoBeats lacks it");
            assertTrue(sleeper.sleeps().isEmpty());
        }
    }

    @Test
    void idsNoCatalogueHasGoOnToReccoBeats() throws Exception {
        // A listening history's tracks: some in the catalogue file, the rest known to Spotify (and ReccoBeats) only.
        try (FakeSpotifyServer server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()))) {
            List<Track> played = ReccoBeatsProviderTest.tracks(server.catalog(), true, 30);
            StringBuilder csv = new StringBuilder("track_id,track_name,track_artist,track_popularity,danceability,"
                    + "energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,"
                    + "duration_ms\n");
            for (Track t : played.subList(0, 10)) {
                csv.append(t.id()).append(",\"").append(t.name().replace("\"", "")).append("\",\"")
                        .append(t.artists().get(0).replace("\"", "")).append("\",50,0.5,0.5,1,-7,1,0.05,0.2,0,0.1,"
                        + "0.5,120,200000\n");
            }
            java.nio.file.Path file = dir.resolve("catalogue.csv");
            java.nio.file.Files.writeString(file, csv);
            var catalogue = new org.audiu.core.eval.playlist.EvaluationCatalogue(
                    new org.audiu.core.dataset.CsvDatasetReader(org.audiu.core.dataset.CsvReadOptions.defaults())
                            .read(file));
            RecordingSleeper sleeper = new RecordingSleeper();
            var recco = new ReccoBeatsProvider(server.reccoBeatsUrl(),
                    JdkHttpManager.newClient(FakeSpotifyClients.TIMEOUT), FakeSpotifyClients.TIMEOUT,
                    FakeSpotifyClients.retrier(sleeper), ReccoBeatsProvider.MAX_IDS);
            FeatureProviderChain chain = new FeatureProviderChain(List.of(
                    new NamedFeatureProvider("dataset", catalogue), new NamedFeatureProvider("reccobeats", recco)),
                    AudioFeatures.DEFAULT_MODEL_FEATURES);
            FeatureLookup lookup = chain.lookup(played);
            assertEquals(30, lookup.found().size(), "every played track has features");
            assertEquals(10, lookup.foundByProvider().get("dataset"));
            assertEquals(20, lookup.foundByProvider().get("reccobeats"), "the ids no catalogue has");
            assertEquals(1, server.count("/reccobeats/"), "20 ids in one batch of at most 40");
        }
    }

    private static List<Track> concat(List<Track> a, List<Track> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
