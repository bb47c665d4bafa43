package org.audiu.spotify.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.audiu.spotify.fake.FakeCatalog.EntryKind;
import org.audiu.spotify.fake.FakeCatalog.FakeArtist;
import org.audiu.spotify.fake.FakeCatalog.FakeEntry;
import org.audiu.spotify.fake.FakeCatalog.FakePlay;
import org.audiu.spotify.fake.FakeCatalog.FakePlaylist;
import org.audiu.spotify.fake.FakeCatalog.FakeSaved;
import org.audiu.spotify.fake.FakeCatalog.FakeTrack;
import org.audiu.spotify.fake.FakeCatalog.ItemShape;

/**
 * A fake Spotify Web API (and accounts service, and ReccoBeats) on {@code 127.0.0.1}, speaking Spotify's JSON with
 * its 2026 rules, for tests that run the real spotify-web-api-java client. Ships in audiu-spotify's test-jar so
 * plugin authors can test against it too.
 *
 * <p>Endpoints: {@code GET /authorize} (auto-approves, redirects to a loopback {@code redirect_uri}),
 * {@code POST /api/token} (authorization_code with PKCE verifier check, refresh_token with optional rotation,
 * client_credentials), {@code /v1/me}, {@code /v1/me/tracks}, {@code /v1/me/playlists} (GET and POST),
 * {@code /v1/playlists/{id}/items} (GET: 403 unless owned or collaborative; POST adds, PUT replaces),
 * {@code /v1/me/top/{type}},
 * {@code /v1/me/player/recently-played} (cursor paging), {@code /v1/audio-features} (403 unless
 * {@link #setAudioFeaturesAvailable}), {@code /v1/search} (limit at most 10, offset at most 1000),
 * {@code /v1/recommendations} (404) and ReccoBeats' {@code /reccobeats/v1/audio-features} (at most 40 ids). The old
 * {@code /v1/playlists/{id}/tracks} answers 403. Nothing is cacheable ({@code Cache-Control: no-store}).
 *
 * <p>Faults are injected per path prefix ({@link #fail}); every request is recorded ({@link #count}). Each instance
 * keeps its own state; thread-safe.
 */
public final class FakeSpotifyServer implements AutoCloseable {
    /** The registered app: a public PKCE client, whose secret serves client credentials. */
    public static final String CLIENT_ID = "audiu-fake-client";
    public static final String CLIENT_SECRET = "fake-secret-7f3a9c1e5b";

    static {
        // Without TCP_NODELAY the JDK's HttpServer waits for delayed ACKs: ~30 ms per request. Read once, when the
        // server classes load; audiu-spotify's build sets it too.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Pattern PLAYLIST_ITEMS = Pattern.compile("/v1/playlists/([^/]+)/(items|tracks)");
    private static final Pattern TOP = Pattern.compile("/v1/me/top/(artists|tracks)");
    private static final Pattern TRACK_URI = Pattern.compile("spotify:track:[0-9A-Za-z]{22}");

    private final FakeCatalog catalog;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<FaultRule> faults = new ArrayList<>();
    private final Map<String, TokenInfo> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final Map<String, CreatedPlaylist> created = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<FakeTrack>> searchCache = new ConcurrentHashMap<>();
    private final AtomicLong serial = new AtomicLong();
    private final java.util.Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private volatile boolean audioFeaturesAvailable;
    private volatile boolean rotateRefreshTokens = true;
    private volatile boolean denyAuthorization;
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);

    private record TokenInfo(String clientId, boolean user, Instant expiresAt) {
    }

    private record AuthCode(String clientId, String redirectUri, String challenge) {
    }

    private record Response(int status, String body, Map<String, String> headers) {
        static Response json(int status, String body) {
            return new Response(status, body, Map.of());
        }
    }

    private static final class FaultRule {
        final String method;
        final String prefix;
        int skip;
        int remaining;
        final Fault fault;

        FaultRule(String method, String prefix, int skip, int remaining, Fault fault) {
            this.method = method;
            this.prefix = prefix;
            this.skip = skip;
            this.remaining = remaining;
            this.fault = fault;
        }
    }

    /** A user login handed out directly (as if the browser flow had run); toString masks the tokens. */
    public record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedTokens[******, expiresIn=" + expiresInSeconds + "]";
        }
    }

    private FakeSpotifyServer(FakeCatalog catalog, int port) throws IOException {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-spotify");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A server with the default world ({@link FakeCatalog#defaults()}) on a free port. */
    public static FakeSpotifyServer start() {
        return start(FakeCatalog.defaults());
    }

    public static FakeSpotifyServer start(FakeCatalog catalog) {
        return start(catalog, 0);
    }

    /** @param port 0 for any free port */
    public static FakeSpotifyServer start(FakeCatalog catalog, int port) {
        try {
            return new FakeSpotifyServer(catalog, port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the fake Spotify server on port " + port, e);
        }
    }

    public FakeCatalog catalog() { return catalog; }
    public int port() { return server.getAddress().getPort(); }
    /** {@code http://127.0.0.1:PORT}: the API base URL. */
    public URI apiUrl() { return URI.create(base); }
    /** The accounts base URL (same server). */
    public URI accountsUrl() { return URI.create(base); }
    /** ReccoBeats' base URL: {@code http://127.0.0.1:PORT/reccobeats}. */
    public URI reccoBeatsUrl() { return URI.create(base + "/reccobeats"); }

    // ---- switches ----

    /** Whether {@code /v1/audio-features} serves features (a grandfathered app) or answers 403 (default). */
    public FakeSpotifyServer setAudioFeaturesAvailable(boolean value) {
        audioFeaturesAvailable = value;
        return this;
    }

    /** Whether a refresh hands out a new refresh token (and invalidates the old one). Default true. */
    public FakeSpotifyServer setRotateRefreshTokens(boolean value) {
        rotateRefreshTokens = value;
        return this;
    }

    /** Whether {@code /authorize} redirects with {@code error=access_denied} (the user declined). */
    public FakeSpotifyServer setDenyAuthorization(boolean value) {
        denyAuthorization = value;
        return this;
    }

    public FakeSpotifyServer setAccessTokenLifetime(Duration value) {
        accessTokenLifetime = value;
        return this;
    }

    /** Makes every access token handed out so far expired: the next API call answers 401. */
    public void expireAccessTokens() {
        accessTokens.replaceAll((k, v) -> new TokenInfo(v.clientId(), v.user(), Instant.EPOCH));
    }

    /** Revokes every refresh token: the next refresh answers {@code invalid_grant}. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** A user login for {@link #CLIENT_ID}, as if the browser flow had run. */
    public IssuedTokens issueUserTokens() {
        String access = newToken("access");
        String refresh = newToken("refresh");
        accessTokens.put(access, new TokenInfo(CLIENT_ID, true, Instant.now().plus(accessTokenLifetime)));
        refreshTokens.put(refresh, CLIENT_ID);
        return new IssuedTokens(access, refresh, accessTokenLifetime.toSeconds());
    }

    /** Every access token, refresh token and authorization code handed out so far: to check none leaks. */
    public java.util.Set<String> secretsHandedOut() {
        return java.util.Set.copyOf(handedOut);
    }

    public boolean isValidRefreshToken(String token) {
        return refreshTokens.containsKey(token);
    }

    // ---- faults ----

    /**
     * From the {@code skip + 1}-th matching request on, answers {@code times} requests with {@code fault}.
     *
     * @param method     HTTP method, or null for any
     * @param pathPrefix e.g. {@code /v1/me/tracks}, {@code /reccobeats/}, {@code /api/token}
     */
    public synchronized FakeSpotifyServer fail(String method, String pathPrefix, int skip, int times, Fault fault) {
        faults.add(new FaultRule(method, pathPrefix, skip, times, fault));
        return this;
    }

    /** The next {@code times} requests under {@code pathPrefix} get {@code fault}. */
    public FakeSpotifyServer fail(String pathPrefix, Fault fault, int times) {
        return fail(null, pathPrefix, 0, times, fault);
    }

    public FakeSpotifyServer fail(String pathPrefix, Fault fault) {
        return fail(pathPrefix, fault, 1);
    }

    public synchronized void clearFaults() {
        faults.clear();
    }

    private synchronized Optional<Fault> nextFault(String method, String path) {
        for (FaultRule rule : faults) {
            if ((rule.method == null || rule.method.equals(method)) && path.startsWith(rule.prefix)
                    && rule.remaining > 0) {
                if (rule.skip > 0) {
                    rule.skip--;
                    continue;
                }
                rule.remaining--;
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    // ---- inspection ----

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests whose path starts with {@code pathPrefix}. */
    public long count(String pathPrefix) {
        return count(null, pathPrefix);
    }

    public long count(String method, String pathPrefix) {
        return requests().stream().filter(r -> (method == null || r.method().equals(method))
                && r.path().startsWith(pathPrefix)).count();
    }

    public void clearRequests() {
        requests.clear();
    }

    /**
     * A playlist the listener made themselves (in the Spotify app), empty, listed with the others by
     * {@code GET /v1/me/playlists}.
     */
    public CreatedPlaylist createPlaylistAsUser(String name, String description) {
        String id = "created" + String.format(Locale.ROOT, "%015d", serial.incrementAndGet());
        CreatedPlaylist playlist = new CreatedPlaylist(id, name, description, false);
        created.put(id, playlist);
        return playlist;
    }

    /** Playlists created through the API, in creation order. */
    public List<CreatedPlaylist> createdPlaylists() {
        synchronized (created) {
            return List.copyOf(created.values());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- dispatch ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = parseQuery(ex.getRequestURI().getRawQuery());
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new RecordedRequest(method, path, query, body,
                    ex.getRequestHeaders().getFirst("Authorization")));
            Response response;
            Optional<Fault> fault = nextFault(method, path);
            if (fault.isPresent() && fault.get() instanceof Fault.Delay d) {
                sleep(d.delay());
                fault = Optional.empty();
            }
            try {
                response = fault.isPresent() ? faultResponse(fault.get())
                        : route(method, path, query, body, ex.getRequestHeaders());
            } catch (RuntimeException e) {
                response = error(500, "Fake server bug: " + e);
            }
            send(ex, response);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange ex, Response r) throws IOException {
        byte[] bytes = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        Headers h = ex.getResponseHeaders();
        h.set("Cache-Control", "no-store");
        if (!r.headers().containsKey("Content-Type")) {
            h.set("Content-Type", "application/json; charset=utf-8");
        }
        r.headers().forEach(h::set);
        ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Response faultResponse(Fault fault) {
        if (fault instanceof Fault.Status s) {
            return error(s.status(), s.message());
        }
        if (fault instanceof Fault.TooManyRequests t) {
            ObjectNode root = json.createObjectNode();
            ObjectNode err = root.putObject("error");
            err.put("status", 429);
            err.put("message", t.quotaExceeded() ? "Quota exceeded" : "API rate limit exceeded");
            if (t.quotaExceeded()) {
                err.put("reason", "QUOTA_EXCEEDED");
            }
            return new Response(429, root.toString(), Map.of("Retry-After", String.valueOf(t.retryAfterSeconds())));
        }
        if (fault instanceof Fault.TokenExpired) {
            return error(401, "The access token expired");
        }
        throw new IllegalStateException("Unhandled fault " + fault);
    }

    private Response route(String method, String path, Map<String, String> q, String body, Headers headers) {
        if (path.equals("/authorize") && method.equals("GET")) {
            return authorize(q);
        }
        if (path.equals("/api/token") && method.equals("POST")) {
            return token(parseQuery(body), headers.getFirst("Authorization"));
        }
        if (path.equals("/reccobeats/v1/audio-features") && method.equals("GET")) {
            return reccoBeats(q);
        }
        if (!path.startsWith("/v1/")) {
            return error(404, "Service not found");
        }
        String auth = headers.getFirst("Authorization");
        TokenInfo token = auth != null && auth.startsWith("Bearer ") ? accessTokens.get(auth.substring(7)) : null;
        if (token == null) {
            return error(401, auth == null ? "No token provided" : "Invalid access token");
        }
        if (!Instant.now().isBefore(token.expiresAt())) {
            return error(401, "The access token expired");
        }
        boolean userEndpoint = path.startsWith("/v1/me") || path.startsWith("/v1/playlists/");
        if (userEndpoint && !token.user()) {
            return error(403, "This request requires user authentication (an app token was sent)");
        }
        Matcher m;
        if (path.equals("/v1/me") && method.equals("GET")) {
            return ok(user(catalog.userId(), "audiU Listener"));
        }
        if (path.equals("/v1/me/tracks") && method.equals("GET")) {
            return savedTracks(q);
        }
        if (path.equals("/v1/me/playlists")) {
            return method.equals("POST") ? createPlaylist(body) : myPlaylists(q);
        }
        if ((m = PLAYLIST_ITEMS.matcher(path)).matches()) {
            if (m.group(2).equals("tracks")) {
                return error(403, "Forbidden: use /v1/playlists/{id}/items");
            }
            return switch (method) {
                case "POST" -> addItems(m.group(1), body, false);
                case "PUT" -> addItems(m.group(1), body, true);
                default -> playlistItems(m.group(1), q);
            };
        }
        if ((m = TOP.matcher(path)).matches() && method.equals("GET")) {
            return top(m.group(1), q);
        }
        if (path.equals("/v1/me/player/recently-played") && method.equals("GET")) {
            return recentlyPlayed(q);
        }
        if (path.startsWith("/v1/audio-features") && method.equals("GET")) {
            return audioFeatures(path, q);
        }
        if (path.equals("/v1/search") && method.equals("GET")) {
            return search(q);
        }
        if (path.startsWith("/v1/recommendations") || path.contains("/related-artists")
                || path.startsWith("/v1/audio-analysis")) {
            return error(404, "Not found");
        }
        return error(404, "Service not found");
    }

    // ---- accounts ----

    private Response authorize(Map<String, String> q) {
        String redirect = q.getOrDefault("redirect_uri", "");
        if (!CLIENT_ID.equals(q.get("client_id"))) {
            return new Response(400, "INVALID_CLIENT: Invalid client", Map.of("Content-Type", "text/plain"));
        }
        if (!(redirect.startsWith("http://127.0.0.1:") || redirect.startsWith("http://[::1]:"))) {
            return new Response(400, "INVALID_CLIENT: Insecure redirect URI (use a loopback IP literal, not "
                    + "localhost)", Map.of("Content-Type", "text/plain"));
        }
        if (!"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))
                || q.getOrDefault("code_challenge", "").length() < 43) {
            return new Response(400, "INVALID_REQUEST: PKCE with S256 is required", Map.of("Content-Type",
                    "text/plain"));
        }
        String state = q.get("state");
        String location;
        if (denyAuthorization) {
            location = redirect + "?error=access_denied" + (state == null ? "" : "&state=" + enc(state));
        } else {
            String code = newToken("code");
            codes.put(code, new AuthCode(CLIENT_ID, redirect, q.get("code_challenge")));
            location = redirect + "?code=" + enc(code) + (state == null ? "" : "&state=" + enc(state));
        }
        return new Response(302, "", Map.of("Location", location, "Content-Type", "text/plain"));
    }

    private Response token(Map<String, String> form, String authorization) {
        String grant = form.getOrDefault("grant_type", "");
        switch (grant) {
            case "authorization_code": {
                AuthCode code = codes.remove(form.getOrDefault("code", ""));
                if (!CLIENT_ID.equals(form.get("client_id"))) {
                    return oauthError(400, "invalid_client", "Invalid client");
                }
                if (code == null) {
                    return oauthError(400, "invalid_grant", "Invalid authorization code");
                }
                if (!code.redirectUri().equals(form.get("redirect_uri"))) {
                    return oauthError(400, "invalid_grant", "Invalid redirect URI");
                }
                String verifier = form.getOrDefault("code_verifier", "");
                if (verifier.length() < 43 || !challenge(verifier).equals(code.challenge())) {
                    return oauthError(400, "invalid_grant", "code_verifier was incorrect");
                }
                return tokenAnswer(true, CLIENT_ID, true);
            }
            case "refresh_token": {
                String refresh = form.getOrDefault("refresh_token", "");
                String client = refreshTokens.get(refresh);
                if (client == null) {
                    return oauthError(400, "invalid_grant", "Refresh token revoked");
                }
                if (!client.equals(form.get("client_id"))) {
                    return oauthError(400, "invalid_client", "Invalid client");
                }
                if (rotateRefreshTokens) {
                    refreshTokens.remove(refresh);
                }
                return tokenAnswer(true, client, rotateRefreshTokens);
            }
            case "client_credentials": {
                String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(authorization)) {
                    return oauthError(400, "invalid_client", "Invalid client secret");
                }
                return tokenAnswer(false, CLIENT_ID, false);
            }
            default:
                return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials, "
                        + "authorization_code or refresh_token");
        }
    }

    private Response tokenAnswer(boolean user, String clientId, boolean withRefresh) {
        String access = newToken("access");
        accessTokens.put(access, new TokenInfo(clientId, user, Instant.now().plus(accessTokenLifetime)));
        ObjectNode root = json.createObjectNode();
        root.put("access_token", access);
        root.put("token_type", "Bearer");
        root.put("expires_in", accessTokenLifetime.toSeconds());
        if (user) {
            root.put("scope", "user-library-read playlist-read-private user-top-read user-read-recently-played "
                    + "playlist-modify-private");
        }
        if (withRefresh) {
            String refresh = newToken("refresh");
            refreshTokens.put(refresh, clientId);
            root.put("refresh_token", refresh);
        }
        return ok(root);
    }

    private Response oauthError(int status, String code, String description) {
        ObjectNode root = json.createObjectNode();
        root.put("error", code);
        root.put("error_description", description);
        return Response.json(status, root.toString());
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String newToken(String kind) {
        long n = serial.incrementAndGet();
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String token = "fake-" + kind + "-" + n + "-" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(random);
        handedOut.add(token);
        return token;
    }

    // ---- library ----

    private Response savedTracks(Map<String, String> q) {
        Paging p = paging(q, 50);
        if (p.error != null) {
            return p.error;
        }
        List<FakeSaved> saved = catalog.saved();
        ArrayNode items = json.createArrayNode();
        for (FakeSaved s : slice(saved, p)) {
            ObjectNode item = items.addObject();
            item.put("added_at", s.addedAt().toString());
            item.set("track", track(catalog.track(s.trackId()).orElseThrow()));
        }
        return ok(page("/v1/me/tracks", "", items, p, saved.size()));
    }

    private Response myPlaylists(Map<String, String> q) {
        Paging p = paging(q, 50);
        if (p.error != null) {
            return p.error;
        }
        List<ObjectNode> all = new ArrayList<>();
        catalog.playlists().forEach(pl -> all.add(playlistObject(pl.id(), pl.name(), pl.ownerId(),
                pl.collaborative(), pl.entries().size())));
        createdPlaylists().forEach(c -> {
            ObjectNode o = playlistObject(c.id(), c.name(), catalog.userId(), false, c.size());
            o.put("description", htmlEscaped(c.description()));
            all.add(o);
        });
        ArrayNode items = json.createArrayNode();
        slice(all, p).forEach(items::add);
        return ok(page("/v1/me/playlists", "", items, p, all.size()));
    }

    private Response playlistItems(String id, Map<String, String> q) {
        Optional<FakePlaylist> found = catalog.playlist(id);
        CreatedPlaylist mine = created.get(id);
        if (found.isEmpty() && mine == null) {
            return error(404, "Resource not found");
        }
        if (found.isPresent() && !found.get().readableBy(catalog.userId())) {
            return error(403, "Forbidden");
        }
        Paging p = paging(q, 50);
        if (p.error != null) {
            return p.error;
        }
        ArrayNode items = json.createArrayNode();
        if (mine != null) {
            List<String> uris = mine.uris();
            for (String uri : slice(uris, p)) {
                ObjectNode entry = items.addObject();
                entry.put("added_at", Instant.now().toString());
                entry.set("added_by", user(catalog.userId(), null));
                entry.put("is_local", false);
                ObjectNode t = track(catalog.track(uri.substring("spotify:track:".length())).orElseThrow());
                entry.set("item", t);
                entry.set("track", t);
            }
            return ok(page("/v1/playlists/" + id + "/items", "", items, p, uris.size()));
        }
        FakePlaylist pl = found.get();
        for (FakeEntry e : slice(pl.entries(), p)) {
            ObjectNode entry = items.addObject();
            entry.put("added_at", e.addedAt().toString());
            entry.set("added_by", user(pl.ownerId(), null));
            entry.put("is_local", e.kind() == EntryKind.LOCAL);
            entry.putNull("primary_color");
            JsonNode obj = switch (e.kind()) {
                case TRACK -> track(catalog.track(e.trackId()).orElseThrow());
                case LOCAL -> localFile(e.label());
                case EPISODE -> episode(e.label());
                case NULL -> null;
            };
            if (pl.shape() != ItemShape.TRACK_ONLY) {
                entry.set("item", obj == null ? json.nullNode() : obj);
            }
            if (pl.shape() != ItemShape.ITEM_ONLY) {
                entry.set("track", obj == null ? json.nullNode() : obj);
            }
        }
        return ok(page("/v1/playlists/" + id + "/items", "", items, p, pl.entries().size()));
    }

    private Response createPlaylist(String body) {
        JsonNode req;
        try {
            req = json.readTree(body);
        } catch (IOException e) {
            return error(400, "Error parsing JSON.");
        }
        String name = req.path("name").asText("");
        if (name.isBlank()) {
            return error(400, "Missing required field: name");
        }
        String id = "created" + String.format(Locale.ROOT, "%015d", serial.incrementAndGet());
        CreatedPlaylist playlist = new CreatedPlaylist(id, name, req.path("description").asText(""),
                req.path("public").asBoolean(true));
        created.put(id, playlist);
        ObjectNode obj = playlistObject(id, name, catalog.userId(), false, 0);
        obj.put("description", playlist.description());
        obj.put("public", playlist.isPublic());
        obj.putObject("followers").putNull("href");
        return Response.json(201, obj.toString());
    }

    /** Spotify returns playlist descriptions HTML-escaped. */
    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;")
                .replace("\"", "&quot;");
    }

    /**
     * {@code POST} adds items; {@code PUT} replaces them (body {@code {"uris": [...]}}, at most 100; an empty list
     * empties the playlist).
     */
    private Response addItems(String id, String body, boolean replace) {
        CreatedPlaylist playlist = created.get(id);
        Optional<FakePlaylist> fixture = catalog.playlist(id);
        if (playlist == null) {
            return fixture.isPresent() && !fixture.get().ownerId().equals(catalog.userId())
                    ? error(403, "Forbidden") : error(404, "Resource not found");
        }
        List<String> uris = new ArrayList<>();
        try {
            JsonNode req = json.readTree(body);
            req.path("uris").forEach(u -> uris.add(u.asText()));
        } catch (IOException e) {
            return error(400, "Error parsing JSON.");
        }
        if ((uris.isEmpty() && !replace) || uris.size() > 100) {
            return error(400, "You can add at most 100 items per request, and at least 1");
        }
        for (String uri : uris) {
            if (!TRACK_URI.matcher(uri).matches() || catalog.track(uri.substring(14)).isEmpty()) {
                return error(400, "Invalid track uri: " + uri);
            }
        }
        if (replace) {
            playlist.replace(uris);
        } else {
            playlist.add(uris);
        }
        ObjectNode root = json.createObjectNode();
        root.put("snapshot_id", "snap" + serial.incrementAndGet());
        return Response.json(201, root.toString());
    }

    private Response top(String type, Map<String, String> q) {
        Paging p = paging(q, 50);
        if (p.error != null) {
            return p.error;
        }
        String range = q.getOrDefault("time_range", "medium_term");
        if (!List.of("short_term", "medium_term", "long_term").contains(range)) {
            return error(400, "Invalid time range");
        }
        List<String> ids = type.equals("artists") ? catalog.topArtists(range) : catalog.topTracks(range);
        ArrayNode items = json.createArrayNode();
        for (String id : slice(ids, p)) {
            items.add(type.equals("artists") ? fullArtist(catalog.artist(id).orElseThrow())
                    : track(catalog.track(id).orElseThrow()));
        }
        return ok(page("/v1/me/top/" + type, "&time_range=" + range, items, p, ids.size()));
    }

    private Response recentlyPlayed(Map<String, String> q) {
        int limit;
        try {
            limit = Integer.parseInt(q.getOrDefault("limit", "20"));
        } catch (NumberFormatException e) {
            return error(400, "Invalid limit");
        }
        if (limit < 1 || limit > 50) {
            return error(400, "Invalid limit");
        }
        if (q.containsKey("before") && q.containsKey("after")) {
            return error(400, "Only one of before and after may be given");
        }
        long before;
        try {
            before = q.containsKey("before") ? Long.parseLong(q.get("before")) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return error(400, "before must be a Unix timestamp in milliseconds");
        }
        List<FakePlay> older = catalog.plays().stream().filter(pl -> pl.playedAt().toEpochMilli() < before)
                .toList();
        List<FakePlay> page = older.subList(0, Math.min(limit, older.size()));
        ObjectNode root = json.createObjectNode();
        root.put("href", base + "/v1/me/player/recently-played?limit=" + limit
                + (q.containsKey("before") ? "&before=" + before : ""));
        ArrayNode items = root.putArray("items");
        for (FakePlay pl : page) {
            ObjectNode item = items.addObject();
            item.set("track", track(catalog.track(pl.trackId()).orElseThrow()));
            item.put("played_at", pl.playedAt().toString());
            item.putNull("context");
        }
        root.put("limit", limit);
        if (page.isEmpty()) {
            root.putNull("next");
            root.putNull("cursors");
        } else {
            long oldest = page.get(page.size() - 1).playedAt().toEpochMilli();
            boolean more = older.size() > page.size();
            if (more) {
                root.put("next", base + "/v1/me/player/recently-played?before=" + oldest + "&limit=" + limit);
            } else {
                root.putNull("next");
            }
            ObjectNode cursors = root.putObject("cursors");
            cursors.put("after", String.valueOf(page.get(0).playedAt().toEpochMilli()));
            cursors.put("before", String.valueOf(oldest));
        }
        return ok(root);
    }

    // ---- features ----

    private Response audioFeatures(String path, Map<String, String> q) {
        if (!audioFeaturesAvailable) {
            return error(403, "Forbidden");
        }
        if (!path.equals("/v1/audio-features")) {
            String id = path.substring("/v1/audio-features/".length());
            return catalog.track(id).isPresent() ? ok(spotifyFeatures(id)) : error(404, "analysis not found");
        }
        List<String> ids = ids(q);
        if (ids.isEmpty() || ids.size() > 100) {
            return error(400, "Between 1 and 100 ids are required");
        }
        ObjectNode root = json.createObjectNode();
        ArrayNode arr = root.putArray("audio_features");
        for (String id : ids) {
            if (catalog.track(id).isPresent()) {
                arr.add(spotifyFeatures(id));
            } else {
                arr.addNull();
            }
        }
        return ok(root);
    }

    private ObjectNode spotifyFeatures(String id) {
        Map<String, Double> f = catalog.audioFeatures(id);
        ObjectNode o = json.createObjectNode();
        o.put("acousticness", f.get("acousticness"));
        o.put("analysis_url", base + "/v1/audio-analysis/" + id);
        o.put("danceability", f.get("danceability"));
        o.put("duration_ms", f.get("duration_ms").intValue());
        o.put("energy", f.get("energy"));
        o.put("id", id);
        o.put("instrumentalness", f.get("instrumentalness"));
        o.put("key", f.get("key").intValue());
        o.put("liveness", f.get("liveness"));
        o.put("loudness", f.get("loudness"));
        o.put("mode", f.get("mode").intValue());
        o.put("speechiness", f.get("speechiness"));
        o.put("tempo", f.get("tempo"));
        o.put("time_signature", f.get("time_signature").intValue());
        o.put("track_href", base + "/v1/tracks/" + id);
        o.put("type", "audio_features");
        o.put("uri", "spotify:track:" + id);
        o.put("valence", f.get("valence"));
        return o;
    }

    private Response reccoBeats(Map<String, String> q) {
        List<String> ids = ids(q);
        if (ids.isEmpty() || ids.size() > 40) {
            ObjectNode err = json.createObjectNode();
            err.put("timestamp", Instant.now().toString());
            err.put("error", "Bad Request");
            err.put("message", "ids: between 1 and 40 ids are required");
            return Response.json(400, err.toString());
        }
        ObjectNode root = json.createObjectNode();
        ArrayNode content = root.putArray("content");
        for (String id : ids) {
            Optional<String> recco = catalog.reccoBeatsId(id);
            if (recco.isEmpty()) {
                continue;
            }
            Map<String, Double> f = catalog.audioFeatures(id);
            ObjectNode o = content.addObject();
            o.put("id", recco.get());
            o.put("href", "https://open.spotify.com/track/" + id);
            o.put("acousticness", f.get("acousticness"));
            o.put("danceability", f.get("danceability"));
            o.put("energy", f.get("energy"));
            o.put("instrumentalness", f.get("instrumentalness"));
            o.put("key", f.get("key").intValue());
            o.put("liveness", f.get("liveness"));
            o.put("loudness", f.get("loudness"));
            o.put("mode", f.get("mode").intValue());
            o.put("speechiness", f.get("speechiness"));
            o.put("tempo", f.get("tempo"));
            o.put("valence", f.get("valence"));
        }
        return ok(root);
    }

    // ---- search ----

    private Response search(Map<String, String> q) {
        String text = q.getOrDefault("q", "");
        if (text.isBlank()) {
            return error(400, "No search query");
        }
        if (!List.of(q.getOrDefault("type", "").split(",")).contains("track")) {
            return error(400, "Only type=track is served by the fake");
        }
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(q.getOrDefault("limit", "10"));
            offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        } catch (NumberFormatException e) {
            return error(400, "Invalid limit or offset");
        }
        if (limit < 1 || limit > 10) {
            return error(400, "Invalid limit");
        }
        if (offset < 0 || offset > 1000) {
            return error(400, "Invalid offset");
        }
        List<FakeTrack> matches = searchCache.computeIfAbsent(text.toLowerCase(Locale.ROOT), this::searchMatches);
        ArrayNode items = json.createArrayNode();
        for (int i = offset; i < Math.min(matches.size(), offset + limit); i++) {
            items.add(track(matches.get(i)));
        }
        Paging p = new Paging(limit, offset, null);
        ObjectNode root = json.createObjectNode();
        root.set("tracks", page("/v1/search", "&q=" + enc(text) + "&type=track", items, p, matches.size()));
        return ok(root);
    }

    private static final Pattern GENRE = Pattern.compile("genre:(?:\"([^\"]+)\"|(\\S+))");
    private static final Pattern YEAR = Pattern.compile("year:(\\d{4})(?:-(\\d{4}))?");

    private List<FakeTrack> searchMatches(String query) {
        List<Predicate<FakeTrack>> filters = new ArrayList<>();
        String rest = query;
        Matcher g = GENRE.matcher(rest);
        while (g.find()) {
            String genre = g.group(1) != null ? g.group(1) : g.group(2);
            filters.add(t -> t.artists().stream().anyMatch(a -> a.genres().contains(genre)));
        }
        rest = GENRE.matcher(rest).replaceAll(" ");
        Matcher y = YEAR.matcher(rest);
        while (y.find()) {
            int from = Integer.parseInt(y.group(1));
            int to = y.group(2) != null ? Integer.parseInt(y.group(2)) : from;
            filters.add(t -> t.releaseYear() >= from && t.releaseYear() <= to);
        }
        rest = YEAR.matcher(rest).replaceAll(" ").trim();
        for (String word : rest.split("\\s+")) {
            if (!word.isBlank()) {
                String w = word.replace("*", "");
                filters.add(t -> t.name().toLowerCase(Locale.ROOT).contains(w)
                        || t.artists().stream().anyMatch(a -> a.name().toLowerCase(Locale.ROOT).contains(w)));
            }
        }
        int salt = query.hashCode();
        return catalog.tracks().stream().filter(t -> filters.stream().allMatch(f -> f.test(t)))
                .sorted(Comparator.comparingInt(t -> (t.id().hashCode() * 31) ^ salt))
                .toList();
    }

    // ---- JSON shapes ----

    private record Paging(int limit, int offset, Response error) {
    }

    private Paging paging(Map<String, String> q, int max) {
        try {
            int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            if (limit < 1 || limit > max) {
                return new Paging(0, 0, error(400, "Invalid limit"));
            }
            if (offset < 0) {
                return new Paging(0, 0, error(400, "Invalid offset"));
            }
            return new Paging(limit, offset, null);
        } catch (NumberFormatException e) {
            return new Paging(0, 0, error(400, "Invalid limit or offset"));
        }
    }

    private static <T> List<T> slice(List<T> all, Paging p) {
        int from = Math.min(all.size(), p.offset());
        return all.subList(from, Math.min(all.size(), from + p.limit()));
    }

    private ObjectNode page(String path, String extra, ArrayNode items, Paging p, int total) {
        ObjectNode root = json.createObjectNode();
        root.put("href", base + path + "?offset=" + p.offset() + "&limit=" + p.limit() + extra);
        root.set("items", items);
        root.put("limit", p.limit());
        if (p.offset() + p.limit() < total) {
            root.put("next", base + path + "?offset=" + (p.offset() + p.limit()) + "&limit=" + p.limit() + extra);
        } else {
            root.putNull("next");
        }
        root.put("offset", p.offset());
        if (p.offset() > 0) {
            root.put("previous", base + path + "?offset=" + Math.max(0, p.offset() - p.limit()) + "&limit="
                    + p.limit() + extra);
        } else {
            root.putNull("previous");
        }
        root.put("total", total);
        return root;
    }

    private ObjectNode track(FakeTrack t) {
        ObjectNode o = json.createObjectNode();
        ObjectNode album = o.putObject("album");
        album.put("album_type", t.album().albumType());
        album.put("total_tracks", 12);
        album.putObject("external_urls").put("spotify", "https://open.spotify.com/album/" + t.album().id());
        album.put("href", base + "/v1/albums/" + t.album().id());
        album.put("id", t.album().id());
        album.putArray("images");
        album.put("name", t.album().name());
        album.put("release_date", t.album().releaseDate());
        album.put("release_date_precision", t.album().precision());
        album.put("type", "album");
        album.put("uri", "spotify:album:" + t.album().id());
        ArrayNode albumArtists = album.putArray("artists");
        albumArtists.add(simpleArtist(t.artists().get(0)));
        ArrayNode artists = o.putArray("artists");
        t.artists().forEach(a -> artists.add(simpleArtist(a)));
        o.put("disc_number", 1);
        o.put("duration_ms", t.durationMs());
        o.put("explicit", t.explicit());
        o.putObject("external_ids").put("isrc", t.isrc());
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/track/" + t.id());
        o.put("href", base + "/v1/tracks/" + t.id());
        o.put("id", t.id());
        o.put("is_playable", true);
        o.put("name", t.name());
        if (catalog.spec().popularity()) {
            o.put("popularity", t.popularity());
        }
        o.putNull("preview_url");
        o.put("track_number", t.trackNumber());
        o.put("type", "track");
        o.put("uri", "spotify:track:" + t.id());
        o.put("is_local", false);
        return o;
    }

    private ObjectNode simpleArtist(FakeArtist a) {
        ObjectNode o = json.createObjectNode();
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/artist/" + a.id());
        o.put("href", base + "/v1/artists/" + a.id());
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("type", "artist");
        o.put("uri", "spotify:artist:" + a.id());
        return o;
    }

    private ObjectNode fullArtist(FakeArtist a) {
        ObjectNode o = simpleArtist(a);
        ArrayNode genres = o.putArray("genres");
        a.genres().forEach(genres::add);
        o.putArray("images");
        if (catalog.spec().popularity()) {
            o.put("popularity", a.popularity());
        }
        return o;
    }

    private ObjectNode localFile(String label) {
        ObjectNode o = json.createObjectNode();
        ObjectNode album = o.putObject("album");
        album.putNull("album_type");
        album.putArray("artists");
        album.putObject("external_urls");
        album.putNull("href");
        album.putNull("id");
        album.putArray("images");
        album.put("name", "");
        album.putNull("release_date");
        album.putNull("release_date_precision");
        album.put("type", "album");
        album.putNull("uri");
        ObjectNode artist = o.putArray("artists").addObject();
        artist.putObject("external_urls");
        artist.putNull("href");
        artist.putNull("id");
        artist.put("name", "Home recording");
        artist.put("type", "artist");
        artist.putNull("uri");
        o.put("disc_number", 0);
        o.put("duration_ms", 180_000);
        o.put("explicit", false);
        o.putObject("external_ids");
        o.putObject("external_urls");
        o.putNull("href");
        o.putNull("id");
        o.put("is_local", true);
        o.put("name", label);
        o.put("popularity", 0);
        o.putNull("preview_url");
        o.put("track_number", 0);
        o.put("type", "track");
        o.put("uri", "spotify:local:Home+recording::" + enc(label) + ":180");
        return o;
    }

    private ObjectNode episode(String label) {
        ObjectNode o = json.createObjectNode();
        String id = "episode" + String.format(Locale.ROOT, "%015d", Math.abs(label.hashCode()));
        o.put("id", id);
        o.put("name", label);
        o.put("duration_ms", 1_800_000);
        o.put("explicit", false);
        o.put("type", "episode");
        o.put("uri", "spotify:episode:" + id);
        o.put("href", base + "/v1/episodes/" + id);
        return o;
    }

    private ObjectNode playlistObject(String id, String name, String owner, boolean collaborative, int total) {
        ObjectNode o = json.createObjectNode();
        o.put("collaborative", collaborative);
        o.put("description", "");
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/playlist/" + id);
        o.put("href", base + "/v1/playlists/" + id);
        o.put("id", id);
        o.putArray("images");
        o.put("name", name);
        o.set("owner", user(owner, owner.equals(catalog.userId()) ? "audiU Listener" : owner));
        o.put("public", !collaborative);
        o.put("snapshot_id", "snap-" + id);
        ObjectNode items = o.putObject("items");
        items.put("href", base + "/v1/playlists/" + id + "/items");
        items.put("total", total);
        o.set("tracks", items.deepCopy());
        o.put("type", "playlist");
        o.put("uri", "spotify:playlist:" + id);
        return o;
    }

    private ObjectNode user(String id, String displayName) {
        ObjectNode o = json.createObjectNode();
        if (displayName != null) {
            o.put("display_name", displayName);
        }
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/user/" + id);
        o.put("href", base + "/v1/users/" + id);
        o.put("id", id);
        o.put("type", "user");
        o.put("uri", "spotify:user:" + id);
        return o;
    }

    private Response ok(JsonNode body) {
        return Response.json(200, body.toString());
    }

    private Response error(int status, String message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("status", status);
        err.put("message", message);
        return Response.json(status, root.toString());
    }

    private static List<String> ids(Map<String, String> q) {
        String raw = q.getOrDefault("ids", "");
        List<String> out = new ArrayList<>();
        for (String s : raw.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "FakeSpotifyServer[" + base + "]";
    }
}
