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
}
