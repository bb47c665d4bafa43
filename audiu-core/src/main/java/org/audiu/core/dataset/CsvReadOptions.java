package org.audiu.core.dataset;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a track CSV.
 *
 * @param strict         fail on the first bad line instead of reporting and skipping it
 * @param featureColumns the feature columns; empty: the standard audio features present in the header, or every
 *                       numeric column when none of those is present
 * @param labelColumn    the label column; empty: the first of music_genre, playlist_genre, genre, track_genre, label
 */
public record CsvReadOptions(boolean strict, List<String> featureColumns, Optional<String> labelColumn) {
    public CsvReadOptions {
        featureColumns = List.copyOf(Objects.requireNonNull(featureColumns, "featureColumns"));
        Objects.requireNonNull(labelColumn, "labelColumn");
    }

    public static CsvReadOptions defaults() {
        return new CsvReadOptions(false, List.of(), Optional.empty());
    }

    public CsvReadOptions withStrict(boolean value) {
        return new CsvReadOptions(value, featureColumns, labelColumn);
    }
}
