package org.audiu.core.eval;

import java.util.Objects;
import java.util.Optional;

/**
 * What evaluation splits keep together: the main artist (no artist on both sides), a column the user names, or
 * nothing. With nothing, every row is a group of its own (rows with the same track name excepted), so the
 * {@link GroupedSplitter} makes a random split stratified by label.
 *
 * @param kind   artist, a column, or none
 * @param column the column for {@link Kind#COLUMN}, else empty
 */
public record SplitGrouping(Kind kind, String column) {
    /** The note shown when a file has no artist or group column. */
    public static final String NO_GROUP_NOTE = "random stratified split: no artist or group column "
            + "(use --group COLUMN)";

    /** What rows are grouped by. */
    public enum Kind {
        ARTIST, COLUMN, NONE
    }

    public SplitGrouping {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(column, "column");
        if ((kind == Kind.COLUMN) == column.isBlank()) {
            throw new IllegalArgumentException("a column grouping needs a column name, the others none: " + kind
                    + " '" + column + "'");
        }
    }

    public static SplitGrouping artist() {
        return new SplitGrouping(Kind.ARTIST, "");
    }

    public static SplitGrouping column(String name) {
        return new SplitGrouping(Kind.COLUMN, name);
    }

    public static SplitGrouping none() {
        return new SplitGrouping(Kind.NONE, "");
    }

    /** The split's adjective: "artist-grouped", "grouped by album", "random stratified". */
    public String adjective() {
        return switch (kind) {
            case ARTIST -> "artist-grouped";
            case COLUMN -> "grouped by " + column;
            case NONE -> "random stratified";
        };
    }

    /** A note for the user when the split cannot keep related tracks apart. */
    public Optional<String> note() {
        return kind == Kind.NONE ? Optional.of(NO_GROUP_NOTE) : Optional.empty();
    }
}
