package org.audiu.spotify;

import java.time.Duration;
import java.time.Instant;

/**
 * A service rate-limited audiU for longer than it is willing to wait (a {@code Retry-After} beyond the configured
 * cap, or still limited after every retry). The message says when to try again; audiU never waits silently for hours.
 */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final Instant retryAt;

    public RateLimitedException(String service, String message, Duration retryAfter, Instant retryAt) {
        super(service, 429, message);
        this.retryAfter = retryAfter;
        this.retryAt = retryAt;
    }

    /** How long the service asked to wait (zero when it did not say). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The earliest moment worth retrying. */
    public Instant retryAt() {
        return retryAt;
    }
}
