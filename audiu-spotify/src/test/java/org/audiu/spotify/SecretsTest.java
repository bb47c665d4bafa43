package org.audiu.spotify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audiu.spotify.auth.ClientCredentialsTokenSource;
import org.audiu.spotify.auth.LoopbackLogin;
import org.audiu.spotify.auth.Secret;
import org.audiu.spotify.auth.TokenCache;
import org.audiu.spotify.auth.Tokens;
import org.audiu.spotify.auth.UserTokenSource;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.fake.Fault;
import org.audiu.spotify.library.SpotifyLibrarySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens and the client secret never reach logs (auth and http log at debug in this build), exception messages or
 * toString(): a whole session of logins, refreshes, retries and failures is run and everything it printed and threw
 * is searched for every secret the fake server handed out.
 */
class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void noSecretLeaksThroughLogsMessagesOrToString() {
        List<String> shown = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeSpotifyServer server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()))) {
            RecordingSleeper sleeper = new RecordingSleeper();
            var retrier = FakeSpotifyClients.retrier(sleeper);
            var tokenClient = FakeSpotifyClients.tokenClient(server, retrier);

            // the browser login, with a flaky accounts service
            server.fail("/api/token", Fault.status(503));
            LoopbackLogin login = new LoopbackLogin(FakeSpotifyServer.CLIENT_ID,
                    URI.create("http://127.0.0.1:0/callback"), tokenClient, url -> browse(url), Duration.ofSeconds(10),
                    new SecureRandom());
            TokenCache cache = new TokenCache(dir.resolve("token.json"));
            UserTokenSource user = new UserTokenSource(FakeSpotifyServer.CLIENT_ID, cache, tokenClient,
                    Optional.of(login), UserTokenSource.DEFAULT_MARGIN, "set client-id");
            var client = new org.audiu.spotify.api.SpotifyWebClient(server.apiUrl(),
                    org.audiu.spotify.http.JdkHttpManager.create(FakeSpotifyClients.TIMEOUT, "Spotify"), user,
                    retrier);
            user.accessToken(); // logs in through the browser flow
            shown.add(user.toString());
            shown.add(client.toString());
            shown.add(cache.read().map(Object::toString).orElse(""));

            // an expired token mid-run, a rate limit, a refresh
            server.expireAccessTokens();
            server.fail(null, "/v1/me/tracks", 1, 1, Fault.rateLimited(1));
            new SpotifyLibrarySource(client, SpotifyLibrarySource.Options.all()).load();
            shown.add(cache.read().orElseThrow().toString());

            // a revoked login
            server.expireAccessTokens();
            server.revokeRefreshTokens();
            shown.add(assertThrows(LoginRequiredException.class, () -> client.execute("reading the profile",
                    a -> a.getCurrentUsersProfile().build())).getMessage());

            // app tokens: right and wrong secret
            var app = new ClientCredentialsTokenSource(FakeSpotifyServer.CLIENT_ID,
                    Secret.of(FakeSpotifyServer.CLIENT_SECRET), tokenClient, Duration.ofSeconds(60));
            app.accessToken();
            shown.add(app.toString());
            var wrong = new ClientCredentialsTokenSource(FakeSpotifyServer.CLIENT_ID, Secret.of("not-the-secret-42"),
                    tokenClient, Duration.ofSeconds(60));
            shown.add(assertThrows(SpotifyAuthException.class, wrong::accessToken).getMessage());
            shown.add(new Tokens("tok-abc", Optional.of("ref-def"), java.time.Instant.EPOCH, "").toString());

            System.err.flush();
            String logs = captured.toString(StandardCharsets.UTF_8);
            assertTrue(logs.contains("retrying"), "the session did log (retries at warn):\n" + logs);
            assertTrue(logs.contains("Refreshed the Spotify access token"), "debug lines were captured:\n" + logs);
            Set<String> secrets = new java.util.HashSet<>(server.secretsHandedOut());
            secrets.add(FakeSpotifyServer.CLIENT_SECRET);
            secrets.add("not-the-secret-42");
            secrets.add("tok-abc");
            secrets.add("ref-def");
            assertTrue(secrets.size() > 8, "several tokens were handed out: " + secrets.size());
            String everything = logs + String.join("\n", shown);
            for (String secret : secrets) {
                assertFalse(everything.contains(secret), "a secret leaked: " + secret.substring(0, Math.min(7, secret.length())) + "...");
            }
        } finally {
            System.setErr(original);
        }
    }

    private static void browse(URI url) {
        Thread t = new Thread(() -> {
            try {
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                        .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
