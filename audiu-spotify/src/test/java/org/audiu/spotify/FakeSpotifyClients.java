package org.audiu.spotify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.auth.TokenCache;
import org.audiu.spotify.auth.TokenClient;
import org.audiu.spotify.auth.Tokens;
import org.audiu.spotify.auth.UserTokenSource;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.http.JdkHttpManager;
import org.audiu.spotify.http.Retrier;
import org.audiu.spotify.http.RetryPolicy;

/** Wires audiU's real Spotify client to a {@link FakeSpotifyServer}, logged in through a token cache. */
public final class FakeSpotifyClients {
    /** Short enough that slow-response faults are quick to provoke. */
    public static final Duration TIMEOUT = Duration.ofMillis(800);

    private FakeSpotifyClients() {
    }

    /** Writes a login for the fake's client into {@code file} (as if the browser flow had run). */
    public static TokenCache loggedIn(FakeSpotifyServer server, Path file) {
        FakeSpotifyServer.IssuedTokens issued = server.issueUserTokens();
        TokenCache cache = new TokenCache(file);
        cache.write(new TokenCache.Entry(FakeSpotifyServer.CLIENT_ID, new Tokens(issued.accessToken(),
                Optional.of(issued.refreshToken()), Instant.now().plusSeconds(issued.expiresInSeconds()), "")));
        return cache;
    }

    public static Retrier retrier(RecordingSleeper sleeper) {
        return new Retrier(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60)),
                sleeper, new SplittableRandom(42), Clock.systemUTC());
    }

    public static TokenClient tokenClient(FakeSpotifyServer server, Retrier retrier) {
        return new TokenClient(server.accountsUrl(), JdkHttpManager.newClient(TIMEOUT), TIMEOUT, retrier,
                Clock.systemUTC());
    }

    /** A client using the login saved in {@code cache}; no browser login. */
    public static SpotifyWebClient client(FakeSpotifyServer server, TokenCache cache, Retrier retrier) {
        UserTokenSource tokens = new UserTokenSource(FakeSpotifyServer.CLIENT_ID, cache, tokenClient(server, retrier),
                Optional.empty(), UserTokenSource.DEFAULT_MARGIN, "set client-id");
        return new SpotifyWebClient(server.apiUrl(), JdkHttpManager.create(TIMEOUT, "Spotify"), tokens, retrier);
    }
}
