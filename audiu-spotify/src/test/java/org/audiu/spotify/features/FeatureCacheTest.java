package org.audiu.spotify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.QuotaExceededException;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.fake.Fault;
import org.audiu.spotify.http.JdkHttpManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache: a second run asks nothing it knows; an interrupted fetch resumes. Requests counted on the fake. */
class FeatureCacheTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private FakeSpotifyServer server;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A fresh provider, as in a new run: only the folder is shared. */
    private CachedFeatureProvider provider(Instant now) {
        var recco = new ReccoBeatsProvider(server.reccoBeatsUrl(), JdkHttpManager.newClient(FakeSpotifyClients.TIMEOUT),
                FakeSpotifyClients.TIMEOUT, FakeSpotifyClients.retrier(new RecordingSleeper()), 40);
        return new CachedFeatureProvider("reccobeats", recco, FeatureCache.inDirectory(dir, "reccobeats"), 40,
                Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<Track> library() {
        return server.catalog().tracks().stream().limit(400)
                .map(t -> Track.builder(t.id(), t.name()).artists("a").build()).toList();
    }

    @Test
    void aSecondRunMakesNoFeatureRequests() {
        Map<String, FeatureVector> first = provider(NOW).lookup(library());
        long firstRequests = server.count("/reccobeats/");
        assertEquals(10, firstRequests, "400 tracks in batches of 40");
        Map<String, FeatureVector> second = provider(NOW.plusSeconds(3600)).lookup(library());
        assertEquals(firstRequests, server.count("/reccobeats/"), "everything known came from disk");
        assertEquals(first, second, "cached vectors are the fetched vectors");
        assertTrue(first.size() < 400, "some tracks are unknown to ReccoBeats");
    }

    @Test
    void tracksTheServiceDidNotKnowAreAskedAgainOnlyAfterTheirTimeToLive() {
        provider(NOW).lookup(library());
        long requests = server.count("/reccobeats/");
        provider(NOW.plus(Duration.ofDays(6))).lookup(library());
        assertEquals(requests, server.count("/reccobeats/"));
        provider(NOW.plus(Duration.ofDays(8))).lookup(library());
        assertEquals(requests + 1, server.count("/reccobeats/"), "the ~30 unknown tracks fit in one request");
    }

    @Test
    void anInterruptedFetchResumesFromTheCache() {
        server.fail(null, "/reccobeats/", 4, 1, Fault.quotaExceeded(600));
        assertThrows(QuotaExceededException.class, () -> provider(NOW).lookup(library()));
        assertEquals(5, server.count("/reccobeats/"), "four batches saved, the fifth refused");
        server.clearRequests();
        Map<String, FeatureVector> resumed = provider(NOW).lookup(library());
        assertEquals(6, server.count("/reccobeats/"), "only the six batches not yet saved are fetched");
        assertEquals(library().stream().filter(t -> server.catalog().reccoBeatsId(t.id()).isPresent()).count(),
                resumed.size());
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        provider(NOW).lookup(library().subList(0, 40));
        Path file = dir.resolve("reccobeats-features.jsonl");
        Files.writeString(file, "{\"id\":\"abc\",\"f\":{\"ener", StandardOpenOption.APPEND);
        FeatureCache cache = new FeatureCache(file);
        assertEquals(40, cache.size());
    }
}
