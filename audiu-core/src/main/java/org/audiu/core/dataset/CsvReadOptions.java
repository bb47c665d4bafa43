package org.audiu.core.dataset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * @param charset        the file's encoding (UTF-8 unless said otherwise; bytes it cannot decode fail the read)
 */
public record CsvReadOptions(boolean strict, List<String> featureColumns, Optional<String> labelColumn,
                             Charset charset) {
    public CsvReadOptions {
        featureColumns = List.copyOf(Objects.requireNonNull(featureColumns, "featureColumns"));
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(charset, "charset");
    }

    /** UTF-8. */
    public CsvReadOptions(boolean strict, List<String> featureColumns, Optional<String> labelColumn) {
        this(strict, featureColumns, labelColumn, StandardCharsets.UTF_8);
    }

    public static CsvReadOptions defaults() {
        return new CsvReadOptions(false, List.of(), Optional.empty());
    }

    public CsvReadOptions withStrict(boolean value) {
        return new CsvReadOptions(value, featureColumns, labelColumn, charset);
    }

    public CsvReadOptions withCharset(Charset value) {
        return new CsvReadOptions(strict, featureColumns, labelColumn, value);
    }
}
