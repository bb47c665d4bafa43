package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void accountDataIsReadWithoutTheFormatters() {
        assertEquals(Instant.parse("2021-03-10T01:14:00Z"), Timestamps.accountData("2021-03-10 01:14"));
        assertEquals(Optional.of(Instant.parse("2024-02-29T23:59:00Z")), Timestamps.parse(" 2024-02-29 23:59 "));
        assertNull(Timestamps.accountData("2021-03-10T01:14:05Z"), "ISO is left to the general path");
        assertNull(Timestamps.accountData("2023-02-29 10:00"), "not a day of that month: left to the general path");
        assertNull(Timestamps.accountData("2021-13-01 10:00"));
        assertNull(Timestamps.accountData("2021-01-01 24:00"));
        assertNull(Timestamps.accountData("2021-01-01 10:60"));
        assertNull(Timestamps.accountData("2021-01-0x 10:00"));
        assertNotNull(Timestamps.accountData("1990-01-01 10:00"), "out of range is decided by parse, as before");
        assertEquals(Optional.empty(), Timestamps.parse("1990-01-01 10:00"));
    }

    /** The fast path gives exactly what the formatters give, for valid, invalid and edge texts alike. */
    @Test
    void theFastPathAgreesWithTheFormatters() {
        List<String> texts = new ArrayList<>(List.of("2021-03-10 01:14", "2024-02-29 00:00", "2023-02-29 00:00",
                "2023-02-30 12:00", "2023-04-31 12:00", "2023-12-31 23:59", "2100-01-01 00:00", "2099-12-31 23:59",
                "1995-01-01 00:00", "1994-12-31 23:59", "0000-01-01 00:00", "2021-00-10 01:14", "2021-03-00 01:14",
                "2021-03-10 24:00", "2021-03-10 23:60", "2021-3-10 01:14", "2021-03-10  1:14", "2021-03-10T01:14",
                "2021-03-10 01:14:05", "31 Jan 2021 18:04", "1615338845", "2021-03-10T01:14:05Z"));
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            texts.add(String.format("%04d-%02d-%02d %02d:%02d", 1990 + r.nextInt(115), r.nextInt(14),
                    r.nextInt(33), r.nextInt(26), r.nextInt(62)));
        }
        for (String t : texts) {
            assertEquals(Timestamps.byFormatters(t), Timestamps.parse(t), t);
        }
    }
}
