package org.audiu.spotify.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.audiu.core.ListenerLibrary;
import org.audiu.spotify.ApiException;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.LoginRequiredException;
import org.audiu.spotify.QuotaExceededException;
import org.audiu.spotify.RateLimitedException;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.auth.TokenCache;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.fake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault the fake can inject, while loading a (small) library: survived, or reported as a typed error. */
class SpotifyLibraryFaultsTest {
    @TempDir
    Path dir;

    private FakeSpotifyServer server;
    private RecordingSleeper sleeper;
    private TokenCache cache;
    private SpotifyWebClient client;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
        sleeper = new RecordingSleeper();
        cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token.json"));
        client = FakeSpotifyClients.client(server, cache, FakeSpotifyClients.retrier(sleeper));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ListenerLibrary load() {
        return new SpotifyLibrarySource(client, SpotifyLibrarySource.Options.all()).load();
    }

    private void assertComplete(ListenerLibrary library) {
        assertEquals(server.catalog().savedTrackIds(), library.savedTracks().stream().map(s -> s.track().id())
                .toList(), "every saved track exactly once, in order");
        assertEquals(server.catalog().libraryTrackIds(), library.tracksById().keySet());
    }

    @Test
    void serverErrorsInTheMiddleOfPagingAreSurvived() {
        server.fail(null, "/v1/me/tracks", 2, 1, Fault.status(500));
        server.fail(null, "/v1/me/tracks", 3, 1, Fault.status(502));
        server.fail(null, "/v1/playlists/", 4, 2, Fault.status(503));
        server.fail(null, "/v1/me/player/recently-played", 1, 1, Fault.status(503));
        assertComplete(load());
        assertEquals(5, sleeper.sleeps().size(), "one backoff per failed request");
    }

    @Test
    void aShortRetryAfterIsWaitedOut() {
        server.fail(null, "/v1/me/top/", 1, 1, Fault.rateLimited(2));
        assertComplete(load());
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(sleeper.sleeps().get(0).compareTo(Duration.ofSeconds(2)) >= 0);
    }

    @Test
    void aRetryAfterBeyondTheCapFailsWithWhenToRetry() {
        server.fail(null, "/v1/me/tracks", 1, 1, Fault.rateLimited(4 * 3600));
        RateLimitedException e = assertThrows(RateLimitedException.class, this::load);
        assertEquals(Duration.ofHours(4), e.retryAfter());
        assertTrue(e.getMessage().contains("Retry after") && e.getMessage().contains("4 h"), e.getMessage());
        assertTrue(sleeper.sleeps().isEmpty(), "no silent hours-long wait");
    }

    @Test
    void quotaExceededStopsAtOnce() {
        server.fail("/v1/me/playlists", Fault.quotaExceeded(3600));
        QuotaExceededException e = assertThrows(QuotaExceededException.class, this::load);
        assertTrue(e.getMessage().contains("QUOTA_EXCEEDED"), e.getMessage());
        assertEquals(1, server.count("/v1/me/playlists"));
        assertTrue(sleeper.sleeps().isEmpty());
    }

    @Test
    void aSlowResponsePastTheClientTimeoutIsRetried() {
        server.fail(null, "/v1/me/tracks", 1, 1, Fault.slow(FakeSpotifyClients.TIMEOUT.multipliedBy(2)));
        assertComplete(load());
        assertEquals(1, sleeper.sleeps().size());
        assertEquals(server.catalog().saved().size() / 50 + 2, server.count("/v1/me/tracks"),
                "every page once, plus the timed-out one again");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheRunContinues() {
        String before = cache.read().orElseThrow().tokens().refreshToken().orElseThrow();
        server.fail(null, "/v1/me/tracks", 2, 1, Fault.tokenExpired());
        assertComplete(load());
        assertEquals(1, server.count("/api/token"));
        String after = cache.read().orElseThrow().tokens().refreshToken().orElseThrow();
        assertFalse(before.equals(after), "the rotated refresh token was saved");
        assertTrue(server.isValidRefreshToken(after));
    }

    @Test
    void aRevokedLoginSaysToLogInAgain() {
        server.expireAccessTokens();
        server.revokeRefreshTokens();
        LoginRequiredException e = assertThrows(LoginRequiredException.class, this::load);
        assertTrue(e.getMessage().contains("log in again"), e.getMessage());
        assertFalse(Files.exists(cache.file()));
    }

    @Test
    void recommendationsAreGoneAndNotRetried() {
        String seed = server.catalog().tracks().get(0).id();
        ApiException e = assertThrows(ApiException.class, () -> client.execute("asking for recommendations",
                a -> a.getRecommendations().seed_tracks(seed).build()));
        assertEquals(404, e.status());
        assertEquals(1, server.count("/v1/recommendations"));
    }

    @Test
    void onlyOwnedPlaylistsCanBeSkippedUpFront() {
        var options = new SpotifyLibrarySource.Options(false, true, false, false, false);
        LoadedLibrary loaded = new SpotifyLibrarySource(client, options).loadWithReport();
        assertEquals(server.catalog().readablePlaylists().size(), loaded.library().playlists().size());
        assertEquals(server.catalog().unreadablePlaylists().size(), loaded.report().playlistsSkipped().size());
        List<String> unreadable = server.catalog().unreadablePlaylists().stream().map(p -> p.id()).toList();
        assertTrue(server.requests().stream().noneMatch(r -> unreadable.stream().anyMatch(r.path()::contains)),
                "followed playlists were not even asked for");
    }
}
