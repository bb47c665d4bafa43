package org.audiu.core.dataset;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Parses the value spellings found in real Spotify-feature CSVs: pitch-name keys ({@code A#}), {@code Major}/
 * {@code Minor}, Excel-mangled time signatures ({@code 4-Apr}), and placeholders for missing values ({@code ?},
 * empty, {@code NA}, {@code -1} durations).
 */
final class ValueParsers {
    private static final Map<String, Integer> PITCHES = Map.ofEntries(
            Map.entry("C", 0), Map.entry("C#", 1), Map.entry("DB", 1), Map.entry("D", 2), Map.entry("D#", 3),
            Map.entry("EB", 3), Map.entry("E", 4), Map.entry("F", 5), Map.entry("F#", 6), Map.entry("GB", 6),
            Map.entry("G", 7), Map.entry("G#", 8), Map.entry("AB", 8), Map.entry("A", 9), Map.entry("A#", 10),
            Map.entry("BB", 10), Map.entry("B", 11));

    private ValueParsers() {
    }

    /** Thrown for a value that is neither a number, a known spelling, nor a missing-value placeholder. */
    static final class BadValueException extends Exception {
        private static final long serialVersionUID = 1L;

        BadValueException(String message) {
            super(message, null, false, false);
        }
    }

    static boolean isPlaceholder(String raw) {
        if (raw == null) {
            return true;
        }
        String v = raw.trim();
        return v.isEmpty() || v.equals("?") || v.equalsIgnoreCase("na") || v.equalsIgnoreCase("n/a")
                || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("null") || v.equalsIgnoreCase("none")
                || v.equals("empty_field");
    }

    /** The value of a feature column; NaN for placeholders. */
    static double feature(String column, String raw) throws BadValueException {
        if (isPlaceholder(raw)) {
            return Double.NaN;
        }
        String v = raw.trim();
        switch (column) {
            case "key" -> {
                Integer pitch = PITCHES.get(v.toUpperCase(Locale.ROOT));
                if (pitch != null) {
                    return pitch;
                }
                double k = number(column, v);
                return k < 0 ? Double.NaN : k; // Spotify uses -1 for "no key detected"
            }
            case "mode" -> {
                if (v.equalsIgnoreCase("major")) {
                    return 1;
                }
                if (v.equalsIgnoreCase("minor")) {
                    return 0;
                }
                return number(column, v);
            }
            case "time_signature" -> {
                // "4/4", or "4-Apr" after a spreadsheet read 4/4 as a date.
                int dash = v.indexOf('-');
                int slash = v.indexOf('/');
                int cut = dash > 0 ? dash : slash;
                return number(column, cut > 0 ? v.substring(0, cut) : v);
            }
            case "duration_ms" -> {
                double d = number(column, v);
                return d < 0 ? Double.NaN : d; // -1 is a placeholder in music_genre.csv
            }
            case "explicit" -> {
                if (v.equalsIgnoreCase("true")) {
                    return 1;
                }
                if (v.equalsIgnoreCase("false")) {
                    return 0;
                }
                return number(column, v);
            }
            default -> {
                return number(column, v);
            }
        }
    }

    static double number(String column, String v) throws BadValueException {
        try {
            double d = Double.parseDouble(v);
            if (Double.isInfinite(d)) {
                throw new BadValueException("column '" + column + "' has '" + v + "', which is not finite");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadValueException("column '" + column + "' has '" + v + "', expected a number");
        }
    }

    /** True when the raw text parses as a feature of this column (placeholders excluded). */
    static boolean looksNumeric(String column, String raw) {
        if (isPlaceholder(raw)) {
            return false;
        }
        try {
            return !Double.isNaN(feature(column, raw));
        } catch (BadValueException e) {
            return false;
        }
    }

    /** A year from {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty when unparseable. */
    static OptionalInt year(String raw) {
        if (isPlaceholder(raw)) {
            return OptionalInt.empty();
        }
        String v = raw.trim();
        if (v.length() >= 4) {
            try {
                int y = Integer.parseInt(v.substring(0, 4));
                if (y > 1000 && y < 3000) {
                    return OptionalInt.of(y);
                }
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }
}
