package org.audiu.spotify.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.audiu.core.AudiuException;
import org.audiu.spotify.ApiException;
import org.audiu.spotify.QuotaExceededException;
import org.audiu.spotify.RateLimitedException;
import org.audiu.spotify.RecordingSleeper;
import org.junit.jupiter.api.Test;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;

class RetrierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(60));

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Retrier retrier = new Retrier(POLICY, sleeper, new SplittableRandom(1),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpStatusException status(int code) {
        return new HttpStatusException("Spotify", code, -1, null, null, "boom");
    }

    private static HttpStatusException tooMany(long retryAfter, String reason) {
        return new HttpStatusException("Spotify", 429, retryAfter, reason, null, "API rate limit exceeded");
    }

    /** Fails with the given exceptions in turn, then answers "ok". */
    private static Retrier.Attempt<String> failing(AtomicInteger calls, Exception... failures) {
        Deque<Exception> queue = new ArrayDeque<>(List.of(failures));
        return () -> {
            calls.incrementAndGet();
            Exception next = queue.poll();
            if (next != null) {
                throw next;
            }
            return "ok";
        };
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoffAndJitter() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call("Spotify", "reading", true, failing(calls, status(500), status(502),
                status(503)));
        assertEquals("ok", result);
        assertEquals(4, calls.get());
        List<Duration> sleeps = sleeper.sleeps();
        assertEquals(3, sleeps.size());
        long[] steps = {100, 200, 400};
        for (int i = 0; i < 3; i++) {
            long ms = sleeps.get(i).toMillis();
            assertTrue(ms >= steps[i] / 2 && ms <= steps[i], "attempt " + i + " waited " + ms + " ms");
        }
    }

    @Test
    void jitterIsDeterministicForASeed() {
        RecordingSleeper other = new RecordingSleeper();
        Retrier twin = new Retrier(POLICY, other, new SplittableRandom(1), Clock.fixed(NOW, ZoneOffset.UTC));
        retrier.call("Spotify", "a", true, failing(new AtomicInteger(), status(503), status(503)));
        twin.call("Spotify", "a", true, failing(new AtomicInteger(), status(503), status(503)));
        assertEquals(sleeper.sleeps(), other.sleeps());
    }

    @Test
    void backoffIsCappedByMaxDelay() {
        Duration d = retrier.backoff(30);
        assertTrue(d.compareTo(POLICY.maxDelay()) <= 0 && d.compareTo(POLICY.maxDelay().dividedBy(2)) >= 0);
    }

    @Test
    void retryAfterWithinTheCapIsHonoured() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", retrier.call("Spotify", "reading", true, failing(calls, tooMany(5, null))));
        Duration slept = sleeper.sleeps().get(0);
        assertTrue(slept.compareTo(Duration.ofSeconds(5)) >= 0 && slept.compareTo(Duration.ofMillis(5500)) <= 0,
                "waited " + slept);
    }

    @Test
    void retryAfterBeyondTheCapFailsAtOnceSayingWhenToRetry() {
        AtomicInteger calls = new AtomicInteger();
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> retrier.call("Spotify",
                "reading saved tracks", true, failing(calls, tooMany(7200, null))));
        assertEquals(1, calls.get());
        assertTrue(sleeper.sleeps().isEmpty(), "no silent hours-long wait");
        assertEquals(Duration.ofHours(2), e.retryAfter());
        assertEquals(NOW.plus(Duration.ofHours(2)), e.retryAt());
        assertTrue(e.getMessage().contains("Retry after 2026-03-01T14:00:00Z"), e.getMessage());
        assertTrue(e.getMessage().contains("2 h") && e.getMessage().contains("retry.max-wait-seconds"),
                e.getMessage());
        assertEquals(429, e.status());
    }

    @Test
    void quotaExceededIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> retrier.call("Spotify",
                "searching", true, failing(calls, tooMany(30, "QUOTA_EXCEEDED"))));
        assertEquals(1, calls.get());
        assertTrue(sleeper.sleeps().isEmpty());
        assertTrue(e.getMessage().contains("QUOTA_EXCEEDED") && e.getMessage().contains("2026-03-01T12:00:30Z"),
                e.getMessage());
    }

    @Test
    void rateLimitsThatNeverEndBecomeATypedError() {
        AtomicInteger calls = new AtomicInteger();
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> retrier.call("Spotify", "x", true,
                failing(calls, tooMany(1, null), tooMany(1, null), tooMany(1, null), tooMany(1, null))));
        assertEquals(4, calls.get());
        assertEquals(3, sleeper.sleeps().size());
        assertTrue(e.getMessage().contains("Retry after"), e.getMessage());
    }

    @Test
    void theLibrarysOwnTooManyRequestsExceptionIsUnderstood() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", retrier.call("Spotify", "x", true,
                failing(calls, new TooManyRequestsException("slow down", 3))));
        assertTrue(sleeper.sleeps().get(0).compareTo(Duration.ofSeconds(3)) >= 0);
    }

    @Test
    void givingUpReportsTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        ApiException e = assertThrows(ApiException.class, () -> retrier.call("Spotify", "reading top tracks", true,
                failing(calls, status(500), status(500), status(500), status(500))));
        assertEquals(4, calls.get());
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    }

    @Test
    void clientErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        ApiException e = assertThrows(ApiException.class, () -> retrier.call("Spotify", "asking", true,
                failing(calls, status(404))));
        assertEquals(1, calls.get());
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("404") && e.getMessage().contains("asking"), e.getMessage());
    }

    @Test
    void timeoutsAreRetriedForReadsOnly() {
        AtomicInteger reads = new AtomicInteger();
        assertEquals("ok", retrier.call("Spotify", "r", true, failing(reads, new HttpTimeoutException("slow"))));
        assertEquals(2, reads.get());
        AtomicInteger writes = new AtomicInteger();
        ApiException e = assertThrows(ApiException.class, () -> retrier.call("Spotify", "creating a playlist",
                false, failing(writes, new HttpTimeoutException("slow"))));
        assertEquals(1, writes.get(), "a timed-out write may have happened: never repeat it");
        assertEquals(0, e.status());
    }

    @Test
    void writesAreRetriedOnlyWhenTheyCannotHaveHappened() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", retrier.call("Spotify", "w", false, failing(calls, status(503),
                tooMany(1, null), new ConnectException("refused"))));
        assertEquals(4, calls.get());
        AtomicInteger failed = new AtomicInteger();
        assertThrows(ApiException.class, () -> retrier.call("Spotify", "w", false, failing(failed, status(500))));
        assertEquals(1, failed.get());
    }

    @Test
    void audiuExceptionsPassThroughUntouched() {
        AudiuException original = new AudiuException("log in again");
        AudiuException thrown = assertThrows(AudiuException.class, () -> retrier.call("Spotify", "x", true, () -> {
            throw original;
        }));
        assertSame(original, thrown);
    }

    @Test
    void humanDurations() {
        assertEquals("45 s", Retrier.human(Duration.ofSeconds(45)));
        assertEquals("3 min 20 s", Retrier.human(Duration.ofSeconds(200)));
        assertEquals("2 h 5 min", Retrier.human(Duration.ofMinutes(125)));
        assertEquals("250 ms", Retrier.human(Duration.ofMillis(250)));
    }
}
