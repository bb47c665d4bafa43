package org.audiu.spotify.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.LoginRequiredException;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.SpotifyAuthException;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.fake.Fault;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.http.Retrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserTokenSourceTest {
    @TempDir
    Path dir;

    private FakeSpotifyServer server;
    private Retrier retrier;
    private TokenClient tokenClient;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
        retrier = FakeSpotifyClients.retrier(new RecordingSleeper());
        tokenClient = FakeSpotifyClients.tokenClient(server, retrier);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TokenCache cacheExpiringIn(long seconds) {
        FakeSpotifyServer.IssuedTokens issued = server.issueUserTokens();
        TokenCache cache = new TokenCache(dir.resolve("token.json"));
        cache.write(new TokenCache.Entry(FakeSpotifyServer.CLIENT_ID, new Tokens(issued.accessToken(),
                Optional.of(issued.refreshToken()), Instant.now().plusSeconds(seconds), "")));
        return cache;
    }

    private UserTokenSource source(TokenCache cache, Optional<LoginFlow> login) {
        return new UserTokenSource(FakeSpotifyServer.CLIENT_ID, cache, tokenClient, login,
                UserTokenSource.DEFAULT_MARGIN, "set library.client-id");
    }

    @Test
    void aFreshTokenIsUsedAsIs() {
        TokenCache cache = cacheExpiringIn(3600);
        String saved = cache.read().orElseThrow().tokens().accessToken();
        assertEquals(saved, source(cache, Optional.empty()).accessToken());
        assertEquals(0, server.count("/api/token"));
    }

    @Test
    void aTokenExpiringWithinAMinuteIsRefreshedAndTheRotatedRefreshTokenSaved() throws Exception {
        TokenCache cache = cacheExpiringIn(50);
        TokenCache.Entry before = cache.read().orElseThrow();
        String token = source(cache, Optional.empty()).accessToken();
        assertNotEquals(before.tokens().accessToken(), token);
        assertEquals(1, server.count("/api/token"));
        TokenCache.Entry after = cache.read().orElseThrow();
        assertEquals(token, after.tokens().accessToken());
        assertNotEquals(before.tokens().refreshToken(), after.tokens().refreshToken(), "rotated token persisted");
        assertTrue(server.isValidRefreshToken(after.tokens().refreshToken().orElseThrow()));
        assertFalse(server.isValidRefreshToken(before.tokens().refreshToken().orElseThrow()));
        assertTrue(after.tokens().expiresAt().isAfter(Instant.now().plusSeconds(3000)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.file())));
    }

    @Test
    void withoutRotationTheOldRefreshTokenIsKept() {
        server.setRotateRefreshTokens(false);
        TokenCache cache = cacheExpiringIn(10);
        String refresh = cache.read().orElseThrow().tokens().refreshToken().orElseThrow();
        source(cache, Optional.empty()).accessToken();
        assertEquals(refresh, cache.read().orElseThrow().tokens().refreshToken().orElseThrow());
    }

    @Test
    void anExpiredAccessTokenMidRunIsRefreshedOnce() {
        TokenCache cache = cacheExpiringIn(3600);
        SpotifyWebClient client = FakeSpotifyClients.client(server, cache, retrier);
        assertEquals(FakeCatalog.USER_ID, client.userId());
        server.expireAccessTokens();
        var page = client.execute("reading saved tracks", a -> a.getUsersSavedTracks().limit(50).build());
        assertEquals(50, page.getItems().length);
        assertEquals(1, server.count("/api/token"), "one refresh after the 401");
        assertEquals(2, server.count("/v1/me/tracks"), "the rejected request and its repeat");
    }

    @Test
    void invalidGrantAsksToLogInAgainAndRemovesTheStaleLogin() {
        TokenCache cache = cacheExpiringIn(5);
        String refresh = cache.read().orElseThrow().tokens().refreshToken().orElseThrow();
        server.revokeRefreshTokens();
        LoginRequiredException e = assertThrows(LoginRequiredException.class,
                () -> source(cache, Optional.empty()).accessToken());
        assertTrue(e.getMessage().contains("log in again"), e.getMessage());
        assertTrue(e.getMessage().contains("six months"), e.getMessage());
        assertFalse(e.getMessage().contains(refresh));
        assertFalse(Files.exists(cache.file()), "the next run starts a fresh login");
    }

    @Test
    void aMissingLoginRunsTheLoginFlowAndSavesIt() {
        TokenCache cache = new TokenCache(dir.resolve("sub/token.json"));
        FakeSpotifyServer.IssuedTokens issued = server.issueUserTokens();
        LoginFlow flow = () -> new Tokens(issued.accessToken(), Optional.of(issued.refreshToken()),
                Instant.now().plusSeconds(3600), "");
        assertEquals(issued.accessToken(), source(cache, Optional.of(flow)).accessToken());
        assertEquals(issued.accessToken(), cache.read().orElseThrow().tokens().accessToken());
    }

    @Test
    void anExpiredLoginWithoutRefreshTokenLogsInAgainWhenAllowed() {
        TokenCache cache = new TokenCache(dir.resolve("token.json"));
        cache.write(new TokenCache.Entry(FakeSpotifyServer.CLIENT_ID, new Tokens("old-access", Optional.empty(),
                Instant.now().minusSeconds(10), "")));
        FakeSpotifyServer.IssuedTokens issued = server.issueUserTokens();
        LoginFlow flow = () -> new Tokens(issued.accessToken(), Optional.of(issued.refreshToken()),
                Instant.now().plusSeconds(3600), "");
        assertEquals(issued.accessToken(), source(cache, Optional.of(flow)).accessToken());
        assertEquals(issued.refreshToken(), cache.read().orElseThrow().tokens().refreshToken().orElseThrow());
        LoginRequiredException e = assertThrows(LoginRequiredException.class, () -> {
            cache.write(new TokenCache.Entry(FakeSpotifyServer.CLIENT_ID, new Tokens("old-access", Optional.empty(),
                    Instant.now().minusSeconds(10), "")));
            source(cache, Optional.empty()).accessToken();
        });
        assertTrue(e.getMessage().contains("no refresh token"), e.getMessage());
    }

    @Test
    void aMissingLoginFailsWhenLoginIsNotAllowed() {
        TokenCache cache = new TokenCache(dir.resolve("none.json"));
        LoginRequiredException e = assertThrows(LoginRequiredException.class,
                () -> source(cache, Optional.empty()).accessToken());
        assertTrue(e.getMessage().contains("none.json"), e.getMessage());
    }

    @Test
    void aLoginOfAnotherClientIsNotUsed() {
        TokenCache cache = cacheExpiringIn(3600);
        UserTokenSource other = new UserTokenSource("another-client", cache, tokenClient, Optional.empty(),
                UserTokenSource.DEFAULT_MARGIN, "set library.client-id");
        assertThrows(LoginRequiredException.class, other::accessToken);
    }

    @Test
    void componentsSharingACacheDoNotBurnEachOthersRefreshToken() {
        TokenCache cache = cacheExpiringIn(30);
        UserTokenSource a = source(cache, Optional.empty());
        UserTokenSource b = source(new TokenCache(cache.file()), Optional.empty());
        String fromA = a.accessToken();
        String fromB = b.accessToken();
        assertEquals(fromA, fromB, "b reads a's refreshed token from the file instead of refreshing again");
        assertEquals(1, server.count("/api/token"));
    }

    @Test
    void aTransientAccountsOutageIsRetried() {
        server.fail("/api/token", Fault.status(503), 2);
        TokenCache cache = cacheExpiringIn(5);
        assertFalse(source(cache, Optional.empty()).accessToken().isBlank());
        assertEquals(3, server.count("/api/token"));
    }

    @Test
    void clientCredentialsGiveAnAppTokenForTheCatalogue() {
        ClientCredentialsTokenSource app = new ClientCredentialsTokenSource(FakeSpotifyServer.CLIENT_ID,
                Secret.of(FakeSpotifyServer.CLIENT_SECRET), tokenClient, UserTokenSource.DEFAULT_MARGIN);
        String token = app.accessToken();
        assertEquals(token, app.accessToken(), "cached until it expires");
        assertEquals(1, server.count("/api/token"));
        var tokenRequest = server.requests().get(0);
        assertTrue(tokenRequest.authorization().startsWith("Basic "));
        assertFalse(tokenRequest.body().contains(FakeSpotifyServer.CLIENT_SECRET), "the secret travels in a header");
        assertFalse(app.toString().contains(FakeSpotifyServer.CLIENT_SECRET));
        assertNotEquals(token, app.refreshAfterRejection(token));
    }

    @Test
    void aWrongClientSecretIsReportedWithoutEchoingIt() {
        ClientCredentialsTokenSource app = new ClientCredentialsTokenSource(FakeSpotifyServer.CLIENT_ID,
                Secret.of("wrong-secret-123"), tokenClient, UserTokenSource.DEFAULT_MARGIN);
        SpotifyAuthException e = assertThrows(SpotifyAuthException.class, app::accessToken);
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret-123"));
    }
}
