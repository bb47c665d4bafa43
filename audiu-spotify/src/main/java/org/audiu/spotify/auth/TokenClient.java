package org.audiu.spotify.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.audiu.spotify.ApiException;
import org.audiu.spotify.LoginRequiredException;
import org.audiu.spotify.SpotifyAuthException;
import org.audiu.spotify.http.HttpStatusException;
import org.audiu.spotify.http.Retrier;

/**
 * audiU's own client for Spotify's accounts service ({@code POST /api/token}): the authorization-code exchange with
 * a PKCE verifier, refresh, and client credentials. Its own because spotify-web-api-java sends token requests to
 * accounts.spotify.com whatever host it is given, and the exchange must be testable against a local fake. Tokens and
 * secrets only ever travel in request bodies and headers, never in messages.
 */
public final class TokenClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "Spotify accounts";

    private final URI accountsUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Retrier retrier;
    private final Clock clock;

    /**
     * @param accountsUrl {@code https://accounts.spotify.com}, or a fake's base URL
     */
    public TokenClient(URI accountsUrl, HttpClient http, Duration timeout, Retrier retrier, Clock clock) {
        this.accountsUrl = Objects.requireNonNull(accountsUrl, "accountsUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public URI accountsUrl() {
        return accountsUrl;
    }

    /** The authorization page, {@code <accounts>/authorize}. */
    public URI authorizeEndpoint() {
        return endpoint("/authorize");
    }

    /** The token endpoint, {@code <accounts>/api/token}. */
    public URI tokenEndpoint() {
        return endpoint("/api/token");
    }

    private URI endpoint(String path) {
        String base = accountsUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    public Clock clock() {
        return clock;
    }

    /** Exchanges an authorization code (PKCE: the verifier instead of a client secret). */
    public Tokens exchangeCode(String clientId, String code, URI redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        return post("exchanging the authorization code", form, Optional.empty(), clientId, false);
    }

    /**
     * Refreshes user tokens. The answer may carry a new (rotated) refresh token; when it does not, the caller keeps
     * the old one.
     *
     * @throws LoginRequiredException on {@code invalid_grant} (refresh tokens expire after six months)
     */
    public Tokens refresh(String clientId, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        return post("refreshing the access token", form, Optional.empty(), clientId, true);
    }

    /** An app token for catalogue-only requests (search, audio features); needs the client secret. */
    public Tokens clientCredentials(String clientId, Secret clientSecret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret.reveal())
                .getBytes(StandardCharsets.UTF_8));
        return post("requesting an app token (client credentials)", Map.of("grant_type", "client_credentials"),
                Optional.of("Basic " + basic), clientId, false);
    }

    private Tokens post(String what, Map<String, String> form, Optional<String> authorization, String clientId,
                        boolean refreshing) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String answer;
        try {
            answer = retrier.call(SERVICE, what, false, () -> send(body, authorization));
        } catch (ApiException e) {
            throw translate(e, what, clientId, refreshing);
        }
        try {
            JsonNode root = JSON.readTree(answer);
            String access = root.path("access_token").asText("");
            if (access.isBlank()) {
                throw new SpotifyAuthException(SERVICE + " sent no access token while " + what + ".");
            }
            long expiresIn = root.path("expires_in").asLong(3600);
            String refresh = root.path("refresh_token").asText("");
            return new Tokens(access, Optional.of(refresh), clock.instant().plusSeconds(expiresIn),
                    root.path("scope").asText(""));
        } catch (IOException e) {
            throw new SpotifyAuthException(SERVICE + " sent an unreadable answer while " + what + ".", e);
        }
    }

    private String send(String body, Optional<String> authorization) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenEndpoint()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        authorization.ifPresent(a -> b.header("Authorization", a));
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while talking to " + SERVICE);
        }
        if (response.statusCode() / 100 != 2) {
            throw HttpStatusException.from(SERVICE, response);
        }
        return response.body();
    }

    private static RuntimeException translate(ApiException e, String what, String clientId, boolean refreshing) {
        if (!(e.getCause() instanceof HttpStatusException h)) {
            return e;
        }
        String code = h.errorCode().orElse("");
        String detail = h.detail().isEmpty() ? code : h.detail();
        switch (code) {
            case "invalid_grant":
                if (refreshing) {
                    return new LoginRequiredException("Spotify no longer accepts the saved login (invalid_grant: "
                            + detail + "). Refresh tokens expire after six months or when access to the app is "
                            + "revoked: log in again.", e);
                }
                return new LoginRequiredException("Spotify rejected the login while " + what + " (invalid_grant: "
                        + detail + "). The code may have expired or been used already: log in again.", e);
            case "invalid_client":
                return new SpotifyAuthException("Spotify rejected the app's credentials while " + what
                        + " (invalid_client: " + detail + "). Check the client id '" + clientId + "'"
                        + (what.contains("client credentials") ? " and the client secret" : "")
                        + " against your app at developer.spotify.com/dashboard.", e);
            case "":
                return e;
            default:
                return new SpotifyAuthException("Spotify refused " + what + " (" + code + ": " + detail + ").", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TokenClient[" + accountsUrl + "]";
    }
}
