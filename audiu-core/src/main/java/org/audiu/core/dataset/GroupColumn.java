package org.audiu.core.dataset;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of the column a user groups evaluation splits by (e.g. {@code --group album}), by the line number of
 * each row ({@link DatasetTrack#line()}). Read with {@link CsvDatasetReader#groupColumn}.
 *
 * @param name   the column (lower-case)
 * @param byLine the column's non-empty values by line number
 */
public record GroupColumn(String name, Map<Long, String> byLine) {
    public GroupColumn {
        Objects.requireNonNull(name, "name");
        byLine = Map.copyOf(byLine);
    }

    /** The group of a track of the dataset; empty when its row has no value in the column. */
    public Optional<String> groupOf(DatasetTrack track) {
        return Optional.ofNullable(byLine.get(track.line()));
    }
}
