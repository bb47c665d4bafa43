package org.audiu.spotify;

import java.time.Duration;
import java.time.Instant;

/** Spotify answered 429 with {@code "reason": "QUOTA_EXCEEDED"}: the app's quota is spent, retrying now is useless. */
public final class QuotaExceededException extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String service, String message, Duration retryAfter, Instant retryAt) {
        super(service, message, retryAfter, retryAt);
    }
}
