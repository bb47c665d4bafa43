package org.audiu.core.history;

import java.util.Objects;

/** One file of an export that was read: its name, format, records seen and music plays kept. */
public record HistoryFile(String name, HistoryFormat format, long records, long plays) {
    public HistoryFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
    }
}
