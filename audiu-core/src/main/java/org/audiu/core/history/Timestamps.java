package org.audiu.core.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The timestamps exports write, read as UTC instants: ISO-8601 with or without zone, offset or fraction
 * ({@code 2021-03-10T01:14:05Z}), Spotify account data's {@code 2021-03-10 01:14}, Last.fm exporters'
 * {@code 31 Jan 2021 18:04} (or {@code 31 Jan 2021, 18:04}), and epoch seconds or milliseconds. Dates before 1995
 * or after 2100 are refused (an epoch-0 placeholder is not a play).
 */
final class Timestamps {
    private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final List<DateTimeFormatter> LOCAL = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("yyyy-MM-dd[['T'][' ']HH:mm[:ss]]")
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM yyyy[,] HH:mm[:ss]")
                    .toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM yyyy[,] HH:mm[:ss]")
                    .toFormatter(Locale.ENGLISH));

    private Timestamps() {
    }

    /** The instant, or empty with nothing parsed. */
    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Instant fast = accountData(s);
        return fast != null ? inRange(fast) : byFormatters(s);
    }

    /** {@link #parse} of a stripped, non-empty text by the general path only (every form tried in turn). */
    static Optional<Instant> byFormatters(String s) {
        Instant at = null;
        if (s.chars().allMatch(Character::isDigit) && s.length() <= 13) {
            long v = Long.parseLong(s);
            at = s.length() > 11 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        } else {
            at = iso(s);
            for (int i = 0; at == null && i < LOCAL.size(); i++) {
                try {
                    at = LocalDateTime.parse(s, LOCAL.get(i)).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // try the next form
                }
            }
        }
        return at == null ? Optional.empty() : inRange(at);
    }

    private static Optional<Instant> inRange(Instant at) {
        return at.isBefore(EARLIEST) || !at.isBefore(LATEST) ? Optional.empty() : Optional.of(at);
    }

    /**
     * Spotify account data's {@code 2021-03-10 01:14}, read without the formatters: the same instant the general
     * path gives (its first two forms refuse this text by exception, which costs more than the parse), or null for
     * any other text or a date or time out of range, left to the general path.
     */
    static Instant accountData(String s) {
        if (s.length() != 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month)
                .lengthOfMonth() || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Epoch seconds (or milliseconds when larger than any plausible second count). */
    static Optional<Instant> fromEpoch(long value) {
        Instant at = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return at.isBefore(EARLIEST) || !at.isBefore(LATEST) ? Optional.empty() : Optional.of(at);
    }

    private static Instant iso(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** What the readers accept, for messages. */
    static String accepted() {
        return "ISO-8601 (2021-03-10T01:14:05Z), 2021-03-10 01:14, 31 Jan 2021 18:04, or epoch seconds, "
                + "between 1995 and 2100";
    }
}
