package org.audiu.spotify.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.audiu.spotify.LoginRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's tokens, kept in a {@link TokenCache}: loaded from the file, refreshed about a minute before they
 * expire (and after a 401), a rotated refresh token saved at once, the browser login run when there is no usable
 * login (if allowed). Several components of one run share the file: before refreshing, the file is read again in
 * case another one already refreshed. On {@code invalid_grant} the stale file is removed and a
 * {@link LoginRequiredException} says to log in again. Thread-safe.
 */
public final class UserTokenSource implements AccessTokenSource {
    /** Refresh this long before expiry. */
    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(UserTokenSource.class);

    private final String clientId;
    private final TokenCache cache;
    private final TokenClient client;
    private final Optional<LoginFlow> login;
    private final Duration margin;
    private final String clientIdHint;

    private TokenCache.Entry current;

    /**
     * @param clientId     the app's client id, or null to take it from the cache
     * @param login        the interactive login, or empty when audiU must not start one (then a missing login
     *                     fails)
     * @param clientIdHint how to set the client id, for messages ("set library.client-id")
     */
    public UserTokenSource(String clientId, TokenCache cache, TokenClient client, Optional<LoginFlow> login,
                           Duration margin, String clientIdHint) {
        this.clientId = clientId;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.client = Objects.requireNonNull(client, "client");
        this.login = Objects.requireNonNull(login, "login");
        this.margin = Objects.requireNonNull(margin, "margin");
        this.clientIdHint = clientIdHint == null ? "set the client id" : clientIdHint;
    }

    public TokenCache cache() {
        return cache;
    }

    @Override
    public synchronized String accessToken() {
        if (current == null) {
            current = fromCache().orElseGet(this::loginNow);
        }
        if (expiring(current)) {
            // Another component of this run may have refreshed already: the file is the shared truth.
            fromCache().ifPresent(saved -> current = saved);
        }
        if (expiring(current)) {
            current = refresh(current);
        }
        return current.tokens().accessToken();
    }

    @Override
    public synchronized String refreshAfterRejection(String rejected) {
        if (current != null && !current.tokens().accessToken().equals(rejected)) {
            return current.tokens().accessToken();
        }
        Optional<TokenCache.Entry> saved = fromCache();
        if (saved.isPresent() && !saved.get().tokens().accessToken().equals(rejected)
                && !expiring(saved.get())) {
            current = saved.get();
            return current.tokens().accessToken();
        }
        TokenCache.Entry base = current != null ? current : saved.orElseGet(this::loginNow);
        current = refresh(base);
        return current.tokens().accessToken();
    }

    private boolean expiring(TokenCache.Entry entry) {
        return entry.tokens().expiresWithin(margin, client.clock().instant());
    }

    private Optional<TokenCache.Entry> fromCache() {
        Optional<TokenCache.Entry> saved = cache.read();
        if (saved.isPresent() && clientId != null && !clientId.equals(saved.get().clientId())) {
            LOG.info("The Spotify login saved in {} belongs to another client id; it is not used", cache.file());
            return Optional.empty();
        }
        return saved;
    }

    private TokenCache.Entry loginNow() {
        if (clientId == null) {
            throw new LoginRequiredException("No saved Spotify login in " + cache.file() + " and no client id to log"
                    + " in with: " + clientIdHint + " (the Client ID of your app at developer.spotify.com/dashboard).");
        }
        if (login.isEmpty()) {
            throw new LoginRequiredException("No saved Spotify login in " + cache.file() + ", and this component is "
                    + "not allowed to open the browser login (login = never). Log in first, e.g. by running the "
                    + "'spotify' library source with login = auto.");
        }
        TokenCache.Entry entry = new TokenCache.Entry(clientId, login.get().login());
        cache.write(entry);
        LOG.info("Saved the Spotify login to {}", cache.file());
        return entry;
    }

    private TokenCache.Entry refresh(TokenCache.Entry entry) {
        Optional<String> refreshToken = entry.tokens().refreshToken();
        if (refreshToken.isEmpty()) {
            if (login.isPresent() && clientId != null) {
                LOG.info("The saved Spotify login expired and has no refresh token; logging in again");
                return loginNow();
            }
            cache.delete();
            current = null;
            throw new LoginRequiredException("The Spotify login saved in " + cache.file() + " expired and has no "
                    + "refresh token: log in again (the stale file was removed; run audiU again to open the login "
                    + "page).");
        }
        Tokens fresh;
        try {
            fresh = client.refresh(entry.clientId(), refreshToken.get());
        } catch (LoginRequiredException e) {
            cache.delete();
            current = null;
            throw new LoginRequiredException(e.getMessage() + " The stale login in " + cache.file() + " was removed;"
                    + " run audiU again to open Spotify's login page.", e);
        }
        boolean rotated = fresh.refreshToken().isPresent() && !fresh.refreshToken().equals(refreshToken);
        TokenCache.Entry next = new TokenCache.Entry(entry.clientId(), fresh.keepingRefreshTokenOf(entry.tokens()));
        cache.write(next);
        LOG.debug("Refreshed the Spotify access token{}", rotated ? " (new refresh token saved)" : "");
        return next;
    }

    @Override
    public String toString() {
        return "UserTokenSource[" + cache.file() + "]";
    }
}
