package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The upload gate: slots, the queue's 503 and the per-address window's 429, on a fake clock. */
class UploadGateTest {
    private static UploadLimits limits(int concurrent, int queue, long waitMillis, int perMinute) {
        UploadLimits d = UploadLimits.defaults();
        return new UploadLimits(d.maxBytes(), d.maxEntries(), d.maxRatio(), d.maxExpandedBytes(), d.maxJsonDepth(),
                d.maxRecordBytes(), concurrent, queue, waitMillis, perMinute);
    }

    @Test
    void aFullQueueIs503WithRetryAfterAndAFreedSlotLetsTheNextIn() {
        UploadGate gate = new UploadGate(limits(1, 0, 50, 0));
        UploadGate.Slot held = gate.enter();
        WebApiException busy = assertThrows(WebApiException.class, gate::enter);
        assertEquals(503, busy.status());
        assertEquals("upload-queue", busy.body().get("limit"));
        assertEquals(5, busy.body().get("retryAfterSeconds"));
        held.close();
        gate.enter().close();
    }

    @Test
    void aWaitingUploadGivesUpAfterTheWait() {
        UploadGate gate = new UploadGate(limits(1, 1, 20, 0));
        UploadGate.Slot held = gate.enter();
        WebApiException busy = assertThrows(WebApiException.class, gate::enter);
        assertEquals(503, busy.status());
        assertEquals(0, gate.waiting());
        held.close();
    }

    @Test
    void eachAddressHasItsOwnMinute() {
        AtomicLong now = new AtomicLong(0);
        UploadGate gate = new UploadGate(limits(2, 0, 0, 2), now::get);
        gate.admit("a");
        gate.admit("a");
        gate.admit("b");
        WebApiException tooMany = assertThrows(WebApiException.class, () -> gate.admit("a"));
        assertEquals(429, tooMany.status());
        assertEquals("upload-rate", tooMany.body().get("limit"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        gate.admit("a");
    }
}
