package org.audiu.spotify.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.LoginRequiredException;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PKCE browser flow against the fake accounts service; the "browser" is an HTTP client following redirects. */
class LoopbackLoginTest {
    private FakeSpotifyServer server;
    private TokenClient tokenClient;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
        tokenClient = FakeSpotifyClients.tokenClient(server, FakeSpotifyClients.retrier(new RecordingSleeper()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Opens the page and follows Spotify's redirect to audiU's callback, like a browser after "Agree". */
    private static AuthorizationPrompt browser(AtomicReference<URI> shown) {
        return url -> {
            shown.set(url);
            Thread t = new Thread(() -> {
                try {
                    HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.setDaemon(true);
            t.start();
        };
    }

    private LoopbackLogin login(AuthorizationPrompt prompt, Duration timeout) {
        return new LoopbackLogin(FakeSpotifyServer.CLIENT_ID, URI.create("http://127.0.0.1:0/callback"), tokenClient,
                prompt, timeout, new SecureRandom());
    }

    @Test
    void theBrowserFlowYieldsWorkingTokensWithoutAClientSecret() {
        AtomicReference<URI> shown = new AtomicReference<>();
        Tokens tokens = login(browser(shown), Duration.ofSeconds(10)).login();
        assertTrue(tokens.refreshToken().isPresent());
        assertTrue(server.isValidRefreshToken(tokens.refreshToken().get()));
        String url = shown.get().toString();
        assertTrue(url.startsWith(server.accountsUrl() + "/authorize?"), url);
        assertTrue(url.contains("code_challenge_method=S256") && url.contains("code_challenge="), url);
        assertTrue(url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"), "loopback IP, not localhost: " + url);
        assertFalse(url.contains("secret"), url);
        var exchange = server.requests().stream().filter(r -> r.path().equals("/api/token")).findFirst()
                .orElseThrow();
        assertTrue(exchange.body().contains("grant_type=authorization_code"));
        assertTrue(exchange.body().contains("code_verifier="), "PKCE: the verifier proves the code is ours");
        assertFalse(exchange.body().contains("client_secret"));
        assertEquals(null, exchange.authorization(), "no Basic auth: PKCE needs no client secret");
    }

    @Test
    void aDeclinedLoginSaysSo() {
        server.setDenyAuthorization(true);
        LoginRequiredException e = assertThrows(LoginRequiredException.class,
                () -> login(browser(new AtomicReference<>()), Duration.ofSeconds(10)).login());
        assertTrue(e.getMessage().contains("declined"), e.getMessage());
    }

    @Test
    void noAnswerFromTheBrowserTimesOutWithAHint() {
        LoginRequiredException e = assertThrows(LoginRequiredException.class,
                () -> login(url -> { }, Duration.ofMillis(300)).login());
        assertTrue(e.getMessage().contains("No answer"), e.getMessage());
    }

    @Test
    void aWrongVerifierIsRejected() {
        AtomicReference<String> code = new AtomicReference<>();
        URI redirect = URI.create("http://127.0.0.1:1/callback");
        Pkce pkce = Pkce.generate(new SecureRandom());
        URI url = URI.create(server.accountsUrl() + "/authorize?client_id=" + FakeSpotifyServer.CLIENT_ID
                + "&response_type=code&redirect_uri=" + redirect + "&code_challenge_method=S256&code_challenge="
                + pkce.challenge() + "&state=s");
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElseThrow();
            code.set(location.substring(location.indexOf("code=") + 5, location.indexOf("&state")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String otherVerifier = Pkce.generate(new SecureRandom()).verifier();
        LoginRequiredException e = assertThrows(LoginRequiredException.class,
                () -> tokenClient.exchangeCode(FakeSpotifyServer.CLIENT_ID, code.get(), redirect, otherVerifier));
        assertTrue(e.getMessage().contains("invalid_grant") && e.getMessage().contains("log in again"),
                e.getMessage());
    }

    @Test
    void pkceChallengeIsTheSha256OfTheVerifier() {
        // RFC 7636, appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        Pkce p = Pkce.generate(new SecureRandom());
        assertTrue(p.verifier().length() >= 43 && p.verifier().length() <= 128);
        assertFalse(p.toString().contains(p.verifier()));
    }
}
