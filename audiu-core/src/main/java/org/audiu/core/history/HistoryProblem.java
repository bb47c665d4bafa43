package org.audiu.core.history;

import java.util.Objects;

/**
 * A record (or a whole file) of an export that could not be read, with where it is: the file (an entry of a zip is
 * {@code export.zip!/path}) and the record or line number (1-based; 0 for the file as a whole).
 */
public record HistoryProblem(String file, long record, String message) {
    public HistoryProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return record > 0 ? file + " record " + record + ": " + message : file + ": " + message;
    }
}
