package org.audiu.spotify.http;

import java.time.Duration;
import java.util.Objects;
import org.audiu.core.config.ComponentConfig;

/**
 * How audiU retries 429, 5xx and timeouts: up to {@code maxAttempts} tries, exponential backoff from
 * {@code baseDelay} up to {@code maxDelay} with jitter, and a server's {@code Retry-After} honoured up to
 * {@code maxRetryAfter}. A longer {@code Retry-After} fails at once with a "retry after" error.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Need 0 <= baseDelay <= maxDelay and maxRetryAfter >= 0");
        }
    }

    /** 5 attempts, 500 ms doubling to at most 30 s, {@code Retry-After} honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /**
     * Reads {@code retry.max-attempts}, {@code retry.base-delay-ms}, {@code retry.max-delay-ms} and
     * {@code retry.max-wait-seconds} (the cap on {@code Retry-After}).
     */
    public static RetryPolicy from(ComponentConfig config) {
        RetryPolicy d = defaults();
        int attempts = config.getInt("retry.max-attempts", d.maxAttempts(), 1, 100);
        long base = config.getLong("retry.base-delay-ms", d.baseDelay().toMillis());
        long max = config.getLong("retry.max-delay-ms", d.maxDelay().toMillis());
        int cap = config.getInt("retry.max-wait-seconds", (int) d.maxRetryAfter().toSeconds(), 0, 86_400);
        if (base < 0 || max < base) {
            throw new org.audiu.core.config.ConfigException("'" + config.qualified("retry.base-delay-ms") + "' ("
                    + base + ") must be >= 0 and at most '" + config.qualified("retry.max-delay-ms") + "' (" + max
                    + ") in " + config.origin() + ".");
        }
        return new RetryPolicy(attempts, Duration.ofMillis(base), Duration.ofMillis(max), Duration.ofSeconds(cap));
    }
}
