package org.audiu.spotify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderUnavailableException;
import org.audiu.core.testkit.FeatureProviderContractTest;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spotify's audio features for a grandfathered app (the contract), and the 403 every newer app gets. */
class SpotifyAudioFeaturesProviderTest extends FeatureProviderContractTest {
    @TempDir
    Path dir;

    private FakeSpotifyServer server;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()))
                .setAudioFeaturesAvailable(true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected FeatureProvider provider() {
        var cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token.json"));
        return new SpotifyAudioFeaturesProvider(FakeSpotifyClients.client(server, cache,
                FakeSpotifyClients.retrier(new RecordingSleeper())));
    }

    @Override
    protected List<Track> knownTracks() {
        return server.catalog().tracks().stream().limit(150)
                .map(t -> Track.builder(t.id(), t.name()).artists("x").build()).toList();
    }

    @Override
    protected Track unknownTrack() {
        return Track.builder("0000000000000000000000", "Unknown").artists("x").build();
    }

    @Test
    void batchesOf100AndAllStandardFeatures() {
        Map<String, FeatureVector> found = provider().lookup(knownTracks());
        assertEquals(150, found.size());
        assertEquals(2, server.count("/v1/audio-features"));
        Track t = knownTracks().get(3);
        FeatureVector v = found.get(t.id());
        assertEquals(AudioFeatures.STANDARD, v.schema());
        server.catalog().audioFeatures(t.id()).forEach((name, value) -> assertEquals(value, v.get(name), 1e-5, name));
    }

    @Test
    void a403MeansUnavailableForThisAppAndStopsAsking() {
        server.setAudioFeaturesAvailable(false);
        FeatureProvider p = provider();
        FeatureProviderUnavailableException e = assertThrows(FeatureProviderUnavailableException.class,
                () -> p.lookup(knownTracks()));
        assertTrue(e.getMessage().contains("2024-11-27") && e.getMessage().contains("reccobeats"), e.getMessage());
        assertEquals(1, server.count("/v1/audio-features"), "403 is not retried");
        assertThrows(FeatureProviderUnavailableException.class, () -> p.lookup(knownTracks()));
        assertEquals(1, server.count("/v1/audio-features"), "no further requests once unavailable");
    }
}
