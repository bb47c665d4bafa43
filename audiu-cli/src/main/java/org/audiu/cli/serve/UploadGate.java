package org.audiu.cli.serve;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Lets uploads in: at most {@link UploadLimits#concurrent()} at once, {@link UploadLimits#queue()} more waiting (then
 * 503 with {@code Retry-After}), and at most {@link UploadLimits#perAddressPerMinute()} per client address in any
 * minute (429 with {@code Retry-After}). Thread-safe; the per-address windows are bounded ({@value #MAX_ADDRESSES}
 * addresses, the least recently seen dropped first).
 */
final class UploadGate {
    static final int MAX_ADDRESSES = 10_000;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final UploadLimits limits;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> recent = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    UploadGate(UploadLimits limits) {
        this(limits, System::nanoTime);
    }

    UploadGate(UploadLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.slots = new Semaphore(limits.concurrent(), true);
        this.clock = clock;
    }

    /** A slot held by one upload; close it when the response is written. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Counts an upload from {@code address} against its per-minute limit.
     *
     * @throws WebApiException 429 with the seconds to wait when the address sent its share this minute
     */
    void admit(String address) {
        int max = limits.perAddressPerMinute();
        if (max == 0) {
            return;
        }
        long now = clock.getAsLong();
        synchronized (recent) {
            Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
            while (!times.isEmpty() && now - times.peekFirst() >= MINUTE_NANOS) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                long wait = MINUTE_NANOS - (now - times.peekFirst());
                int seconds = (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
                throw new WebApiException(429, "Too many uploads from your address: at most " + max + " a minute "
                        + "(limit upload-rate, --upload-per-minute). Try again in " + seconds + " s.",
                        Map.of("limit", "upload-rate", "max", max, "retryAfterSeconds", seconds));
            }
            times.addLast(now);
        }
    }

    /**
     * Waits for a free slot.
     *
     * @throws WebApiException 503 with {@code retryAfterSeconds} when the queue is full or the wait too long
     */
    Slot enter() {
        if (slots.tryAcquire()) {
            return slots::release;
        }
        if (waiting.incrementAndGet() > limits.queue()) {
            waiting.decrementAndGet();
            throw busy("all " + limits.concurrent() + " upload slots are busy and " + limits.queue()
                    + " uploads are already waiting (limit upload-queue, --upload-queue)");
        }
        try {
            if (!slots.tryAcquire(limits.queueWaitMillis(), TimeUnit.MILLISECONDS)) {
                throw busy("no upload slot came free within " + limits.queueWaitMillis() / 1000.0 + " s (limit "
                        + "upload-queue, --upload-queue-wait-s)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebApiException(503, "The server is shutting down.", Map.of("retryAfterSeconds", 5));
        } finally {
            waiting.decrementAndGet();
        }
        return slots::release;
    }

    private WebApiException busy(String why) {
        return new WebApiException(503, "The server is busy: " + why + ". Try again in a few seconds.",
                Map.of("limit", "upload-queue", "concurrent", limits.concurrent(), "queue", limits.queue(),
                        "retryAfterSeconds", 5));
    }

    /** Uploads waiting for a slot now. */
    int waiting() {
        return waiting.get();
    }
}
