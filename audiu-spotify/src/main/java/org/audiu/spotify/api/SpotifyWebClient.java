package org.audiu.spotify.api;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.audiu.spotify.auth.AccessTokenSource;
import org.audiu.spotify.http.HttpStatusException;
import org.audiu.spotify.http.Retrier;
import se.michaelthelin.spotify.IHttpManager;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.requests.IRequest;

/**
 * The real spotify-web-api-java client, pointed at a configurable API base URL with
 * {@code SpotifyApi.builder().setScheme(..).setHost(..).setPort(..)}, wrapped in audiU's rules: a fresh access token
 * for every attempt, one refresh-and-repeat after a 401, and {@link Retrier} for 429, 5xx and timeouts. Thread-safe.
 */
public final class SpotifyWebClient {
    /** The service name in messages. */
    public static final String SERVICE = "Spotify";
    /** Spotify's Web API. */
    public static final URI DEFAULT_API_URL = URI.create("https://api.spotify.com");

    private final URI apiUrl;
    private final String scheme;
    private final String host;
    private final int port;
    private final IHttpManager http;
    private final AccessTokenSource tokens;
    private final Retrier retrier;
    private final AtomicReference<SpotifyApi> api = new AtomicReference<>();
    private final AtomicReference<String> userId = new AtomicReference<>();

    /**
     * @param apiUrl scheme, host and port only ({@code https://api.spotify.com}, {@code http://127.0.0.1:4567}):
     *               the client builds paths itself
     */
    public SpotifyWebClient(URI apiUrl, IHttpManager http, AccessTokenSource tokens, Retrier retrier) {
        this.apiUrl = checkApiUrl(apiUrl);
        this.scheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
        this.host = apiUrl.getHost();
        this.port = apiUrl.getPort() >= 0 ? apiUrl.getPort() : scheme.equals("https") ? 443 : 80;
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    /**
     * Checks that an API URL is usable by spotify-web-api-java.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI checkApiUrl(URI url) {
        Objects.requireNonNull(url, "apiUrl");
        String s = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(s.equals("http") || s.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) URL with a host, like "
                    + DEFAULT_API_URL);
        }
        if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
            throw new IllegalArgumentException("'" + url + "' has a path; give only scheme, host and port (like "
                    + DEFAULT_API_URL + "): request paths such as /v1/me are added by the client");
        }
        return url;
    }

    public URI apiUrl() {
        return apiUrl;
    }

    public Retrier retrier() {
        return retrier;
    }

    /** Runs an idempotent request (a read). */
    public <T> T execute(String what, Function<SpotifyApi, ? extends IRequest<T>> request) {
        return call(what, true, request);
    }

    /**
     * Runs a request built by {@code request} from a client holding the current token, with retries; a 401 gets one
     * token refresh and a repeat.
     *
     * @param what       for messages: "reading saved tracks at offset 100"
     * @param idempotent false for writes that must not happen twice
     */
    public <T> T call(String what, boolean idempotent, Function<SpotifyApi, ? extends IRequest<T>> request) {
        return retrier.call(SERVICE, what, idempotent, () -> {
            String token = tokens.accessToken();
            try {
                return request.apply(api(token)).execute();
            } catch (HttpStatusException | UnauthorizedException e) {
                if (e instanceof HttpStatusException h && h.status() != 401) {
                    throw e;
                }
                String fresh = tokens.refreshAfterRejection(token);
                return request.apply(api(fresh)).execute();
            }
        });
    }

    /** The current user's Spotify id (asked once). */
    public String userId() {
        String id = userId.get();
        if (id == null) {
            id = execute("reading the user's profile", a -> a.getCurrentUsersProfile().build()).getId();
            userId.compareAndSet(null, id);
        }
        return id;
    }

    private SpotifyApi api(String token) {
        SpotifyApi current = api.get();
        if (current != null && token.equals(current.getAccessToken())) {
            return current;
        }
        SpotifyApi fresh = SpotifyApi.builder().setHttpManager(http).setScheme(scheme).setHost(host).setPort(port)
                .setAccessToken(token).build();
        api.set(fresh);
        return fresh;
    }

    @Override
    public String toString() {
        return "SpotifyWebClient[" + apiUrl + "]";
    }
}
