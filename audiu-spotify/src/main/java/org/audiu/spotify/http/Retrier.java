package org.audiu.spotify.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.audiu.core.AudiuException;
import org.audiu.spotify.ApiException;
import org.audiu.spotify.QuotaExceededException;
import org.audiu.spotify.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;

/**
 * Runs a request with audiU's retry rules ({@link RetryPolicy}): 429 waits for {@code Retry-After} (up to the cap)
 * or backs off; 5xx and timeouts back off exponentially with jitter; {@code QUOTA_EXCEEDED}, a {@code Retry-After}
 * beyond the cap, or retries used up end in a typed error that says when to try again. Every wait is logged. Other
 * failures (400, 403, 404, ...) are not retried and become an {@link ApiException} with their status.
 *
 * <p>Non-idempotent calls (creating a playlist) are retried only when the request surely did not take effect: 429,
 * 502, 503 and refused connections. Thread-safe.
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";

    /** One try of a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    private enum Kind { RETRY, RATE_LIMITED, QUOTA, FATAL }

    private record Decision(Kind kind, int status, Duration retryAfter) {
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    public Retrier(RetryPolicy policy, Sleeper sleeper, RandomGenerator random, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Really sleeps; jitter from a seeded generator. */
    public static Retrier create(RetryPolicy policy, long seed) {
        return new Retrier(policy, Sleeper.SYSTEM, new SplittableRandom(seed), Clock.systemUTC());
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code attempt} until it succeeds or the rules give up.
     *
     * @param service    for messages ("Spotify")
     * @param what       what is being done, for messages ("reading saved tracks at offset 100")
     * @param idempotent whether repeating the request is harmless
     */
    public <T> T call(String service, String what, boolean idempotent, Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            Exception failure;
            try {
                return attempt.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                failure = e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new AudiuException("Interrupted while " + what + ".", failure);
            }
            Decision d = classify(failure, idempotent);
            Instant now = clock.instant();
            switch (d.kind()) {
                case FATAL -> throw new ApiException(service, d.status(), describe(service, what, failure), failure);
                case QUOTA -> throw quotaExceeded(service, what, d.retryAfter(), now);
                case RATE_LIMITED -> {
                    if (d.retryAfter() != null && d.retryAfter().compareTo(policy.maxRetryAfter()) > 0) {
                        Instant at = now.plus(d.retryAfter());
                        throw new RateLimitedException(service, service + " rate-limited audiU while " + what
                                + " and asked it to wait " + human(d.retryAfter()) + " (Retry-After: "
                                + d.retryAfter().toSeconds() + " s), longer than the " + human(policy.maxRetryAfter())
                                + " audiU is configured to wait (retry.max-wait-seconds). Retry after "
                                + at.truncatedTo(ChronoUnit.SECONDS) + ".", d.retryAfter(), at);
                    }
                }
                default -> {
                }
            }
            if (n >= policy.maxAttempts()) {
                if (d.kind() == Kind.RATE_LIMITED) {
                    Duration wait = d.retryAfter() != null ? d.retryAfter() : Duration.ofSeconds(30);
                    Instant at = now.plus(wait);
                    throw new RateLimitedException(service, service + " still rate-limits audiU after " + n
                            + " attempts while " + what + ". Retry after " + at.truncatedTo(ChronoUnit.SECONDS)
                            + " (Spotify's rate-limit window is 30 s; fewer parallel runs help).", wait, at);
                }
                throw new ApiException(service, d.status(), "Gave up " + what + " after " + n + " attempts: "
                        + failure.getMessage(), failure);
            }
            Duration delay = d.retryAfter() != null ? withJitter(d.retryAfter()) : backoff(n);
            LOG.warn("{}: {}; retrying in {} (attempt {} of {})", capitalize(what), brief(service, failure),
                    human(delay), n + 1, policy.maxAttempts());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AudiuException("Interrupted while waiting to retry " + what + ".", e);
            }
        }
    }

    private QuotaExceededException quotaExceeded(String service, String what, Duration retryAfter, Instant now) {
        if (retryAfter != null) {
            Instant at = now.plus(retryAfter);
            return new QuotaExceededException(service, service + " says this app's request quota is used up "
                    + "(429 QUOTA_EXCEEDED) while " + what + ". Waiting does not help now: retry after "
                    + at.truncatedTo(ChronoUnit.SECONDS) + " (in " + human(retryAfter) + ").", retryAfter, at);
        }
        Instant at = now.plus(Duration.ofHours(24));
        return new QuotaExceededException(service, service + " says this app's request quota is used up "
                + "(429 QUOTA_EXCEEDED) while " + what + ". Retry after " + at.truncatedTo(ChronoUnit.SECONDS)
                + " (quotas reset within 24 hours) or ask for a quota extension in Spotify's developer dashboard.",
                Duration.ofHours(24), at);
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random. */
    Duration backoff(int attempt) {
        long base = policy.baseDelay().toMillis();
        long cap = policy.maxDelay().toMillis();
        long step = base;
        for (int i = 1; i < attempt && step < cap; i++) {
            step *= 2;
        }
        step = Math.min(step, cap);
        long half = step / 2;
        long jitter;
        synchronized (random) {
            jitter = half > 0 ? random.nextLong(half + 1) : 0;
        }
        return Duration.ofMillis(step - half + jitter);
    }

    /** A server-given wait plus up to 10% (at most 1 s), so parallel clients do not return in lockstep. */
    private Duration withJitter(Duration retryAfter) {
        long extra = Math.min(1000, retryAfter.toMillis() / 10);
        long jitter;
        synchronized (random) {
            jitter = extra > 0 ? random.nextLong(extra + 1) : 0;
        }
        return retryAfter.plusMillis(jitter);
    }

    private static Decision classify(Exception e, boolean idempotent) {
        if (e instanceof HttpStatusException h) {
            Duration after = h.retryAfterSeconds().isPresent()
                    ? Duration.ofSeconds(h.retryAfterSeconds().getAsLong()) : null;
            int s = h.status();
            if (s == 429) {
                return new Decision(h.reason().filter(QUOTA_EXCEEDED::equals).isPresent() ? Kind.QUOTA
                        : Kind.RATE_LIMITED, s, after);
            }
            if (s >= 500 && s <= 599 && (idempotent || s == 502 || s == 503)) {
                return new Decision(Kind.RETRY, s, null);
            }
            return new Decision(Kind.FATAL, s, null);
        }
        if (e instanceof TooManyRequestsException t) {
            return new Decision(Kind.RATE_LIMITED, 429,
                    t.getRetryAfter() > 0 ? Duration.ofSeconds(t.getRetryAfter()) : null);
        }
        if (e instanceof BadGatewayException) {
            return new Decision(Kind.RETRY, 502, null);
        }
        if (e instanceof ServiceUnavailableException) {
            return new Decision(Kind.RETRY, 503, null);
        }
        if (e instanceof InternalServerErrorException) {
            return new Decision(idempotent ? Kind.RETRY : Kind.FATAL, 500, null);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new Decision(Kind.RETRY, 0, null);
        }
        if (e instanceof IOException) {
            return new Decision(idempotent ? Kind.RETRY : Kind.FATAL, 0, null);
        }
        return new Decision(Kind.FATAL, statusOf(e), null);
    }

    private static int statusOf(Exception e) {
        if (e instanceof BadRequestException) {
            return 400;
        }
        if (e instanceof UnauthorizedException) {
            return 401;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        return 0;
    }

    private static String describe(String service, String what, Exception e) {
        if (e instanceof HttpStatusException h) {
            return service + " answered HTTP " + h.status() + " while " + what
                    + (h.detail().isEmpty() ? "" : ": " + h.detail()) + hint(h.status());
        }
        int status = statusOf(e);
        if (status > 0) {
            return service + " answered HTTP " + status + " while " + what + ": " + e.getMessage() + hint(status);
        }
        return "Failed " + what + " (" + service + "): " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> ". The access token was rejected even after a refresh: log in again.";
            case 403 -> ". Spotify refuses this to the app or user (2026 rules: owned playlists only, no audio"
                    + " features for apps created after 2024-11-27, Premium app owner, at most 5 users).";
            default -> "";
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The failure in a few words, naming the service ("Spotify answered HTTP 503: ...", "Spotify: timed out"). */
    private static String brief(String service, Exception e) {
        if (e instanceof HttpStatusException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return service + ": " + message;
    }

    /** "45 s", "3 min 20 s", "2 h 5 min". */
    public static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s == 0) {
            return d.toMillis() + " ms";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + " min");
    }
}
