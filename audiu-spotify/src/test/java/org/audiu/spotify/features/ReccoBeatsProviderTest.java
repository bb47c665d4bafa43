package org.audiu.spotify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.testkit.FeatureProviderContractTest;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RateLimitedException;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.fake.Fault;
import org.audiu.spotify.http.JdkHttpManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ReccoBeats against the fake: the core contract, plus its own id mapping, batch limit and rate limits. */
class ReccoBeatsProviderTest extends FeatureProviderContractTest {
    private FakeSpotifyServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static List<Track> tracks(FakeCatalog catalog, boolean knownToReccoBeats, int n) {
        return catalog.tracks().stream().filter(t -> catalog.reccoBeatsId(t.id()).isPresent() == knownToReccoBeats)
                .limit(n).map(t -> Track.builder(t.id(), t.name()).artists(t.artists().get(0).name())
                        .durationMs(t.durationMs()).build()).toList();
    }

    @Override
    protected FeatureProvider provider() {
        return new ReccoBeatsProvider(server.reccoBeatsUrl(), JdkHttpManager.newClient(FakeSpotifyClients.TIMEOUT),
                FakeSpotifyClients.TIMEOUT, FakeSpotifyClients.retrier(sleeper), ReccoBeatsProvider.MAX_IDS);
    }

    @Override
    protected List<Track> knownTracks() {
        return tracks(server.catalog(), true, 45);
    }

    @Override
    protected Track unknownTrack() {
        return tracks(server.catalog(), false, 1).get(0);
    }

    @Test
    void asksForAtMost40IdsPerRequest() {
        List<Track> asked = tracks(server.catalog(), true, 95);
        assertEquals(95, provider().lookup(asked).size());
        var requests = server.requests().stream().filter(r -> r.path().startsWith("/reccobeats/")).toList();
        assertEquals(3, requests.size());
        assertTrue(requests.stream().allMatch(r -> r.query().get("ids").split(",").length <= 40));
    }

    @Test
    void mapsReccoBeatsOwnIdsBackToSpotifyIdsThroughHref() {
        Track t = knownTracks().get(0);
        FeatureVector v = provider().lookup(List.of(t)).get(t.id());
        Map<String, Double> expected = server.catalog().audioFeatures(t.id());
        for (String name : ReccoBeatsProvider.SCHEMA.names()) {
            assertEquals(expected.get(name), v.get(name), 1e-9, name);
        }
        assertFalse(ReccoBeatsProvider.SCHEMA.contains("time_signature"), "ReccoBeats has no time_signature");
    }

    @Test
    void honoursRetryAfterOn429() {
        server.fail("/reccobeats/", Fault.rateLimited(3), 2);
        assertEquals(45, provider().lookup(knownTracks()).size());
        assertEquals(2, sleeper.sleeps().size());
        assertTrue(sleeper.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(3)) >= 0));
    }

    @Test
    void aRetryAfterBeyondTheCapIsReportedNotWaited() {
        server.fail("/reccobeats/", Fault.rateLimited(86_400));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> provider().lookup(knownTracks()));
        assertEquals("ReccoBeats", e.service());
        assertTrue(e.getMessage().contains("Retry after"), e.getMessage());
        assertTrue(sleeper.sleeps().isEmpty());
    }

    @Test
    void nonSpotifyIdsAreNotSent() {
        Track datasetRow = Track.builder("row-17", "Not on Spotify").artists("Nobody").build();
        assertTrue(provider().lookup(List.of(datasetRow)).isEmpty());
        assertEquals(0, server.count("/reccobeats/"));
    }

    @Test
    void anUnreachableServerHandsOverAtOnceWithoutRetrying() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        ReccoBeatsProvider offline = new ReccoBeatsProvider(java.net.URI.create("http://127.0.0.1:" + port),
                JdkHttpManager.newClient(FakeSpotifyClients.TIMEOUT), FakeSpotifyClients.TIMEOUT,
                FakeSpotifyClients.retrier(sleeper), ReccoBeatsProvider.MAX_IDS);
        List<Track> known = knownTracks();
        org.audiu.core.spi.features.FeatureProviderUnavailableException e = org.junit.jupiter.api.Assertions
                .assertThrows(org.audiu.core.spi.features.FeatureProviderUnavailableException.class,
                        () -> offline.lookup(known));
        assertTrue(e.getMessage().contains("unreachable") && e.getMessage().contains("127.0.0.1:" + port),
                e.getMessage());
        assertTrue(sleeper.sleeps().isEmpty(), "no retries for a server that is not there: " + sleeper.sleeps());
        // In a chain, the next provider answers and the unreachable one is asked once per run.
        org.audiu.core.spi.features.FeatureProvider next = new org.audiu.core.spi.features.FeatureProvider() {
            @Override
            public org.audiu.core.FeatureSchema schema() {
                return provider().schema();
            }

            @Override
            public java.util.Map<String, org.audiu.core.FeatureVector> lookup(List<Track> tracks) {
                java.util.Map<String, org.audiu.core.FeatureVector> out = new java.util.LinkedHashMap<>();
                double[] v = new double[schema().size()];
                tracks.forEach(t -> out.put(t.id(), new org.audiu.core.FeatureVector(schema(), v)));
                return out;
            }
        };
        org.audiu.core.features.FeatureProviderChain chain = new org.audiu.core.features.FeatureProviderChain(
                List.of(new org.audiu.core.features.NamedFeatureProvider("reccobeats", offline),
                        new org.audiu.core.features.NamedFeatureProvider("next", next)), offline.schema());
        assertEquals(known.size(), chain.lookup(known).found().size());
        assertEquals(known.size(), chain.lookup(known).found().size(), "asked again: the next provider answers");
        assertTrue(sleeper.sleeps().isEmpty());
    }
}
