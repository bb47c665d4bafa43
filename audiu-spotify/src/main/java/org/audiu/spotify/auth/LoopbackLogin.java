package org.audiu.spotify.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.audiu.spotify.LoginRequiredException;
import org.audiu.spotify.SpotifyAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spotify's authorization-code flow with PKCE and no client secret: a one-shot HTTP server on the loopback redirect
 * URI ({@code http://127.0.0.1:PORT/callback}; Spotify no longer accepts {@code localhost}) waits for the browser's
 * redirect, checks {@code state}, and exchanges the code with the PKCE verifier. The server stops as soon as the
 * answer arrives or the wait times out.
 */
public final class LoopbackLogin implements LoginFlow {
    /** What audiU needs: read the library, playlists, top items and history; write the recommendation playlist. */
    public static final List<String> SCOPES = List.of("user-library-read", "playlist-read-private",
            "playlist-read-collaborative", "user-top-read", "user-read-recently-played", "playlist-modify-private",
            "playlist-modify-public");

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackLogin.class);

    private final String clientId;
    private final URI redirectUri;
    private final TokenClient tokenClient;
    private final AuthorizationPrompt prompt;
    private final Duration timeout;
    private final RandomGenerator random;

    /**
     * @param redirectUri a loopback URI with the port registered for the app; port 0 picks a free port (tests only:
     *                    Spotify requires the registered port)
     * @param random      a cryptographically strong generator ({@code SecureRandom}) for the verifier and state
     */
    public LoopbackLogin(String clientId, URI redirectUri, TokenClient tokenClient, AuthorizationPrompt prompt,
                         Duration timeout, RandomGenerator random) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.tokenClient = Objects.requireNonNull(tokenClient, "tokenClient");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Tokens login() {
        Pkce pkce = Pkce.generate(random);
        String state = Pkce.randomToken(random, 16);
        String path = redirectUri.getPath() == null || redirectUri.getPath().isEmpty() ? "/" : redirectUri.getPath();
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(redirectUri.getHost()),
                    Math.max(redirectUri.getPort(), 0)), 0);
        } catch (IOException e) {
            throw new SpotifyAuthException("Cannot listen on " + redirectUri + " for Spotify's login redirect ("
                    + e.getMessage() + "). Is another program using port " + redirectUri.getPort() + "? Choose "
                    + "another port in redirect-uri and register it for your app in Spotify's dashboard.", e);
        }
        server.createContext(path, exchange -> handleCallback(exchange, state, answer));
        server.start();
        try {
            URI actualRedirect = withPort(redirectUri, server.getAddress().getPort());
            URI authorize = authorizationUrl(actualRedirect, pkce.challenge(), state);
            LOG.info("Waiting up to {} s for Spotify's login at {}", timeout.toSeconds(), actualRedirect);
            prompt.show(authorize);
            Map<String, String> params = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Tokens tokens = tokenClient.exchangeCode(clientId, params.get("code"), actualRedirect, pkce.verifier());
            LOG.info("Logged in to Spotify");
            return tokens;
        } catch (TimeoutException e) {
            throw new LoginRequiredException("No answer from Spotify's login page within " + timeout.toSeconds()
                    + " s. Open the address shown above in a browser, approve audiU, and keep audiU running until"
                    + " the page says you can close it.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new SpotifyAuthException("Login failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyAuthException("Interrupted while waiting for Spotify's login.", e);
        } finally {
            server.stop(0);
        }
    }

    /** The authorization page address for this client, redirect URI, PKCE challenge and state. */
    public URI authorizationUrl(URI redirect, String challenge, String state) {
        String query = "client_id=" + enc(clientId) + "&response_type=code&redirect_uri=" + enc(redirect.toString())
                + "&code_challenge_method=S256&code_challenge=" + enc(challenge) + "&state=" + enc(state)
                + "&scope=" + enc(String.join(" ", SCOPES));
        return URI.create(tokenClient.authorizeEndpoint() + "?" + query);
    }

    private static void handleCallback(HttpExchange exchange, String state, CompletableFuture<Map<String, String>>
            answer) throws IOException {
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        int status;
        String page;
        if (!state.equals(params.get("state"))) {
            // Not our redirect (a stale tab, another program): keep waiting for the real one.
            status = 400;
            page = "This login answer does not belong to the running audiU (state mismatch). Start the login again.";
        } else if (params.containsKey("error")) {
            status = 200;
            page = "Spotify login failed: " + escape(params.get("error")) + ". You can close this tab.";
            answer.completeExceptionally(new LoginRequiredException("Spotify's login page answered '"
                    + params.get("error") + "'" + ("access_denied".equals(params.get("error"))
                    ? " (the request was declined)" : "") + ". Log in again and approve audiU's access."));
        } else if (params.get("code") == null || params.get("code").isBlank()) {
            status = 400;
            page = "The redirect carries no authorization code.";
        } else {
            status = 200;
            page = "audiU is logged in to Spotify. You can close this tab.";
            answer.complete(params);
        }
        byte[] body = ("<!doctype html><meta charset=utf-8><title>audiU</title><p>" + page + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static URI withPort(URI uri, int port) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), port, uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Bad redirect URI " + uri, e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "LoopbackLogin[client=" + clientId + ", redirect=" + redirectUri + "]";
    }
}
