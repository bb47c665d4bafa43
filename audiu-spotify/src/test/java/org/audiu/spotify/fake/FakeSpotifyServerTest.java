package org.audiu.spotify.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake enforces Spotify's 2026 limits itself, so a client that breaks them fails here as it would for real. */
class FakeSpotifyServerTest {
    private FakeSpotifyServer server;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
        token = server.issueUserTokens().accessToken();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.apiUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAreNeverCacheable() throws Exception {
        HttpResponse<String> r = get("/v1/me/tracks?limit=50");
        assertEquals(200, r.statusCode());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(r.headers().firstValue("ETag").isEmpty() && r.headers().firstValue("Last-Modified").isEmpty()
                && r.headers().firstValue("Expires").isEmpty());
    }

    @Test
    void pageAndSearchLimitsAreEnforced() throws Exception {
        assertEquals(400, get("/v1/me/tracks?limit=51").statusCode());
        assertEquals(400, get("/v1/search?q=la&type=track&limit=11").statusCode());
        assertEquals(400, get("/v1/search?q=la&type=track&limit=10&offset=1001").statusCode());
        assertEquals(200, get("/v1/search?q=la&type=track&limit=10&offset=1000").statusCode());
        String ids = server.catalog().tracks().stream().limit(41).map(FakeCatalog.FakeTrack::id)
                .collect(Collectors.joining(","));
        assertEquals(400, get("/reccobeats/v1/audio-features?ids=" + ids).statusCode());
    }

    @Test
    void the2026RestrictionsAreInPlace() throws Exception {
        String owned = server.catalog().readablePlaylists().get(0).id();
        String foreign = server.catalog().unreadablePlaylists().get(0).id();
        assertEquals(403, get("/v1/playlists/" + owned + "/tracks").statusCode(), "the old path is gone");
        assertEquals(200, get("/v1/playlists/" + owned + "/items").statusCode());
        assertEquals(403, get("/v1/playlists/" + foreign + "/items").statusCode());
        assertEquals(403, get("/v1/audio-features?ids=" + server.catalog().tracks().get(0).id()).statusCode());
        assertEquals(404, get("/v1/recommendations?seed_genres=jazz").statusCode());
        assertTrue(!get("/v1/me/tracks?limit=1").body().contains("\"popularity\""), "popularity was removed");
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() throws Exception {
        token = "made-up";
        assertEquals(401, get("/v1/me").statusCode());
        token = server.issueUserTokens().accessToken();
        server.expireAccessTokens();
        HttpResponse<String> r = get("/v1/me");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("The access token expired"), r.body());
    }

    @Test
    void faultsApplyInOrderAndAreCounted() throws Exception {
        server.fail(null, "/v1/me", 1, 2, Fault.status(502));
        assertEquals(200, get("/v1/me").statusCode());
        assertEquals(502, get("/v1/me").statusCode());
        assertEquals(502, get("/v1/me/tracks").statusCode());
        assertEquals(200, get("/v1/me").statusCode());
        assertEquals(4, server.count("GET", "/v1/me"));
        server.fail("/v1/me", Fault.quotaExceeded(60));
        HttpResponse<String> r = get("/v1/me");
        assertEquals(429, r.statusCode());
        assertEquals("60", r.headers().firstValue("Retry-After").orElse(""));
        assertTrue(r.body().contains("\"reason\":\"QUOTA_EXCEEDED\""), r.body());
    }
}
