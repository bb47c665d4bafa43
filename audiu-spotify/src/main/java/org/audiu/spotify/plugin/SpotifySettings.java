package org.audiu.spotify.plugin;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.auth.Secret;
import org.audiu.spotify.http.RetryPolicy;

/**
 * How a Spotify component reaches Spotify, read from its configuration keys (the same keys under each component's
 * prefix: {@code library.}, {@code features.spotify-audio-features.}, {@code candidates.}, {@code sink.}):
 * <ul>
 *   <li>{@code client-id}: the Client ID of your Spotify app (optional once a login is saved: it is kept in the
 *       token cache)</li>
 *   <li>{@code token-cache}: the saved login, default {@code ~/.config/audiu/spotify-token.json} (created 0600)</li>
 *   <li>{@code redirect-uri}: default {@code http://127.0.0.1:8888/callback}; register exactly this in the app</li>
 *   <li>{@code login}: {@code auto} (open the browser login when there is no usable login) or {@code never}</li>
 *   <li>{@code open-browser}: open the login page in a browser (default true) or only log its address</li>
 *   <li>{@code login-timeout-seconds}: how long to wait for the browser (default 300)</li>
 *   <li>{@code api-url}, {@code accounts-url}: default {@code https://api.spotify.com},
 *       {@code https://accounts.spotify.com} (a fake server's address in tests and dev mode)</li>
 *   <li>{@code timeout-ms}: per request (default 10000); {@code retry.*}: see {@link RetryPolicy#from}</li>
 *   <li>catalogue components only: {@code auth} = {@code user} (default) or {@code client-credentials}, which
 *       needs {@code client-secret} (or the environment variable {@code SPOTIFY_CLIENT_SECRET})</li>
 * </ul>
 */
public record SpotifySettings(URI apiUrl, URI accountsUrl, Duration timeout, RetryPolicy retry, Auth auth,
                              Optional<String> clientId, Optional<Secret> clientSecret, Path tokenCache,
                              URI redirectUri, boolean login, boolean openBrowser, Duration loginTimeout) {
    /** How the component authenticates. */
    public enum Auth {
        /** The listener's login (authorization code with PKCE). */
        USER,
        /** An app token (client id and secret): catalogue only, no library. */
        CLIENT_CREDENTIALS
    }

    public static final URI DEFAULT_ACCOUNTS_URL = URI.create("https://accounts.spotify.com");
    public static final URI DEFAULT_REDIRECT_URI = URI.create("http://127.0.0.1:8888/callback");
    /** The environment variable read for the client secret when the key is absent. */
    public static final String SECRET_ENV = "SPOTIFY_CLIENT_SECRET";

    public SpotifySettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(accountsUrl, "accountsUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(tokenCache, "tokenCache");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
    }

    /** {@code ~/.config/audiu/spotify-token.json} (or under {@code $XDG_CONFIG_HOME}). */
    public static Path defaultTokenCache() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"),
                ".config");
        return base.resolve("audiu").resolve("spotify-token.json");
    }

    /**
     * Reads the settings of one component.
     *
     * @param catalogueOnly whether the component may use client credentials ({@code auth}, {@code client-secret})
     */
    public static SpotifySettings read(ComponentConfig c, boolean catalogueOnly) {
        return read(c, catalogueOnly, System::getenv);
    }

    static SpotifySettings read(ComponentConfig c, boolean catalogueOnly, UnaryOperator<String> env) {
        Optional<String> clientId = Optional.ofNullable(c.getString("client-id", null));
        Path tokenCache = c.getPath("token-cache", defaultTokenCache());
        URI apiUrl = url(c, "api-url", SpotifyWebClient.DEFAULT_API_URL);
        try {
            SpotifyWebClient.checkApiUrl(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid '" + c.qualified("api-url") + "' in " + c.origin() + ": "
                    + e.getMessage() + ".");
        }
        URI accountsUrl = url(c, "accounts-url", DEFAULT_ACCOUNTS_URL);
        URI redirect = redirectUri(c);
        boolean login = c.getChoice("login", "auto", List.of("auto", "never")).equals("auto");
        boolean openBrowser = c.getBoolean("open-browser", true);
        Duration loginTimeout = Duration.ofSeconds(c.getInt("login-timeout-seconds", 300, 1, 86_400));
        Duration timeout = Duration.ofMillis(c.getInt("timeout-ms", 10_000, 1, 600_000));
        RetryPolicy retry = RetryPolicy.from(c);
        Auth auth = Auth.USER;
        Optional<Secret> secret = Optional.empty();
        if (catalogueOnly) {
            auth = c.getChoice("auth", "user", List.of("user", "client-credentials")).equals("user") ? Auth.USER
                    : Auth.CLIENT_CREDENTIALS;
            String configured = c.getString("client-secret", null);
            String value = configured != null ? configured : env.apply(SECRET_ENV);
            secret = value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value.trim()));
            if (auth == Auth.CLIENT_CREDENTIALS && (clientId.isEmpty() || secret.isEmpty())) {
                throw new ConfigException("auth = client-credentials for " + c.kind() + " '" + c.name() + "' needs '"
                        + c.qualified("client-id") + "' and '" + c.qualified("client-secret") + "' (or the "
                        + "environment variable " + SECRET_ENV + ") in " + c.origin() + ": the Client ID and Client "
                        + "secret of your app at developer.spotify.com/dashboard.");
            }
        }
        return new SpotifySettings(apiUrl, accountsUrl, timeout, retry, auth, clientId, secret, tokenCache, redirect,
                login, openBrowser, loginTimeout);
    }

    private static URI url(ComponentConfig c, String key, URI defaultValue) {
        String v = c.getString(key, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            URI u = URI.create(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException("Invalid '" + c.qualified(key) + "' in " + c.origin() + ": '" + v + "' is not an "
                + "http(s) URL such as " + defaultValue + ".");
    }

    private static URI redirectUri(ComponentConfig c) {
        String v = c.getString("redirect-uri", null);
        if (v == null) {
            return DEFAULT_REDIRECT_URI;
        }
        URI u;
        try {
            u = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid '" + c.qualified("redirect-uri") + "' in " + c.origin() + ": '" + v
                    + "' is not a URI such as " + DEFAULT_REDIRECT_URI + ".");
        }
        String host = u.getHost() == null ? "" : u.getHost();
        if ("localhost".equalsIgnoreCase(host)) {
            throw new ConfigException("'" + c.qualified("redirect-uri") + "' = " + v + " in " + c.origin()
                    + ": Spotify no longer accepts 'localhost' redirect URIs. Use the loopback address, e.g. "
                    + "http://127.0.0.1:" + (u.getPort() > 0 ? u.getPort() : 8888) + "/callback, and register "
                    + "exactly that in your app.");
        }
        if (!"http".equalsIgnoreCase(u.getScheme()) || !(host.equals("127.0.0.1") || host.equals("[::1]"))
                || u.getPort() < 0) {
            throw new ConfigException("'" + c.qualified("redirect-uri") + "' = " + v + " in " + c.origin()
                    + ": audiU receives the login on this machine, so it must be http://127.0.0.1:PORT/PATH (or "
                    + "http://[::1]:PORT/PATH) with an explicit port, e.g. " + DEFAULT_REDIRECT_URI + ".");
        }
        return u;
    }

    @Override
    public String toString() {
        return "SpotifySettings[api=" + apiUrl + ", accounts=" + accountsUrl + ", auth=" + auth + ", clientId="
                + clientId.orElse("(from token cache)") + ", clientSecret=" + (clientSecret.isPresent() ? "******"
                : "none") + ", tokenCache=" + tokenCache + ", redirect=" + redirectUri + ", login=" + login
                + ", timeout=" + timeout + ", retry=" + retry + "]";
    }
}
