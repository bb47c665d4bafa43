package org.audiu.core.history;

import java.nio.file.Path;
import java.util.Objects;
import org.audiu.core.ListenerLibrary;

/** A listening history as a library, with the reports of reading the export and matching it to a catalogue. */
public record LoadedHistory(ListenerLibrary library, HistoryReadReport read, MatchReport match) {
    public LoadedHistory {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(match, "match");
    }

    /** Reads the export at {@code path} and matches its songs with {@code matcher}. */
    public static LoadedHistory load(Path path, CatalogueMatcher matcher) {
        return of(new HistoryReader().read(path), matcher);
    }

    /** A history already read, matched with {@code matcher}. */
    public static LoadedHistory of(ListeningHistory history, CatalogueMatcher matcher) {
        HistoryMatch match = matcher.match(history);
        return new LoadedHistory(ListenerLibrary.ofHistory(match.all()), history.report(), match.report());
    }
}
