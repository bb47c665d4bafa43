package org.audiu.spotify.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth access token with its expiry, and the refresh token when there is one. {@link #toString()} masks both
 * tokens.
 */
public record Tokens(String accessToken, Optional<String> refreshToken, Instant expiresAt, String scope) {
    public Tokens {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken must not be blank");
        }
        refreshToken = Objects.requireNonNull(refreshToken, "refreshToken").filter(s -> !s.isBlank());
        Objects.requireNonNull(expiresAt, "expiresAt");
        scope = scope == null ? "" : scope;
    }

    /** True when the access token expires within {@code margin} of {@code now} (or already has). */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    /**
     * These tokens, keeping {@code previous}'s refresh token when the server did not send a new one (Spotify may or
     * may not rotate refresh tokens).
     */
    public Tokens keepingRefreshTokenOf(Tokens previous) {
        return refreshToken.isPresent() || previous == null ? this
                : new Tokens(accessToken, previous.refreshToken, expiresAt, scope.isEmpty() ? previous.scope : scope);
    }

    @Override
    public String toString() {
        return "Tokens[accessToken=******, refreshToken=" + (refreshToken.isPresent() ? "******" : "none")
                + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}
