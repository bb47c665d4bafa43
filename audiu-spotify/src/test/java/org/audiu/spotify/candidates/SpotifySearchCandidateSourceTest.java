package org.audiu.spotify.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.testkit.CandidateSourceContractTest;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.fake.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifySearchCandidateSourceTest extends CandidateSourceContractTest {
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

    private SpotifySearchCandidateSource source(int budget, int size, long seed) {
        var cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token-" + seed + ".json"));
        var client = FakeSpotifyClients.client(server, cache, FakeSpotifyClients.retrier(new RecordingSleeper()));
        return new SpotifySearchCandidateSource(client, new SpotifySearchCandidateSource.Settings(budget, size,
                FakeCatalog.GENRES, 1960, 2025, seed));
    }

    @Override
    protected CandidateSource source() {
        return source(30, 1000, 42);
    }

    private List<String> ids(CandidateSource s) {
        try (var stream = s.candidates()) {
            return stream.map(c -> c.track().id()).toList();
        }
    }

    @Test
    void staysWithinTheBudgetAndSearchLimits() {
        List<String> ids = ids(source(25, 1000, 42));
        List<RecordedRequest> searches = server.requests().stream().filter(r -> r.path().equals("/v1/search"))
                .toList();
        assertEquals(25, searches.size(), "the whole budget is used when the size is not reached");
        for (RecordedRequest r : searches) {
            assertEquals("10", r.query().get("limit"));
            assertTrue(Integer.parseInt(r.query().get("offset")) <= 1000, r.toString());
            assertEquals("track", r.query().get("type"));
        }
        assertTrue(ids.size() > 40, "a useful sample: " + ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "deduplicated");
        assertTrue(ids.stream().allMatch(id -> server.catalog().track(id).isPresent()));
    }

    @Test
    void usesPrefixGenreAndYearQueries() {
        ids(source(40, 1000, 7));
        List<String> queries = server.requests().stream().filter(r -> r.path().equals("/v1/search"))
                .map(r -> r.query().get("q")).toList();
        assertTrue(queries.stream().anyMatch(q -> q.startsWith("genre:")), queries.toString());
        assertTrue(queries.stream().anyMatch(q -> q.startsWith("year:")), queries.toString());
        assertTrue(queries.stream().anyMatch(q -> q.matches("[a-z]{2}")), queries.toString());
    }

    @Test
    void stopsAtTheWantedSize() {
        List<String> ids = ids(source(100, 30, 42));
        assertTrue(ids.size() >= 30 && ids.size() < 40, "stops within a page of the size: " + ids.size());
        assertTrue(server.count("/v1/search") < 100);
    }

    @Test
    void searchesOnceAndIsSeeded() {
        SpotifySearchCandidateSource s = source(20, 1000, 42);
        List<String> first = ids(s);
        long requests = server.count("/v1/search");
        assertEquals(first, ids(s));
        assertEquals(requests, server.count("/v1/search"), "the second stream reuses the sample");
        assertEquals(first, ids(source(20, 1000, 42)), "same seed, same sample");
        assertNotEquals(first, ids(source(20, 1000, 43)));
    }
}
