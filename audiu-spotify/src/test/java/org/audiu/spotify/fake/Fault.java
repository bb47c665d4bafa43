package org.audiu.spotify.fake;

import java.time.Duration;

/** Something the fake server does instead of (or before) answering normally. */
public sealed interface Fault {
    /** An error status with Spotify's error body ({@code {"error":{"status":..,"message":..}}}). */
    record Status(int status, String message) implements Fault {
    }

    /** 429 with a {@code Retry-After} header; {@code quotaExceeded} adds {@code "reason":"QUOTA_EXCEEDED"}. */
    record TooManyRequests(long retryAfterSeconds, boolean quotaExceeded) implements Fault {
    }

    /** Waits, then answers normally (past a client timeout, the client has given up by then). */
    record Delay(Duration delay) implements Fault {
    }

    /** 401 "The access token expired", whatever token was sent. */
    record TokenExpired() implements Fault {
    }

    static Fault status(int status) {
        String message = switch (status) {
            case 500 -> "Server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            default -> "Error";
        };
        return new Status(status, message);
    }

    static Fault rateLimited(long retryAfterSeconds) {
        return new TooManyRequests(retryAfterSeconds, false);
    }

    static Fault quotaExceeded(long retryAfterSeconds) {
        return new TooManyRequests(retryAfterSeconds, true);
    }

    static Fault slow(Duration delay) {
        return new Delay(delay);
    }

    static Fault tokenExpired() {
        return new TokenExpired();
    }
}
