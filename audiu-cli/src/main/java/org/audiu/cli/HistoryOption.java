package org.audiu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.audiu.core.DataException;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.history.CatalogueMatcher;
import org.audiu.core.history.HistoryFactories;
import org.audiu.core.history.HistoryReader;
import org.audiu.core.history.ListeningHistory;
import org.audiu.core.history.LoadedHistory;
import org.audiu.core.spi.library.LibrarySource;

/**
 * {@code --history PATH}: a listening-history export (its plays, and for a full Spotify download its saved tracks,
 * playlists, followed artists and bans), matched to the engine's pool, merged with the configured library. When the
 * configured library is itself a listening history ({@code library.source = listening-history}), the export given
 * stands in for its {@code library.path} instead.
 */
final class HistoryOption {
    private static final String HISTORY_SOURCE = new HistoryFactories.LibraryFactory().name();

    private HistoryOption() {
    }

    /** The engine learning from the export, and the export as loaded (for the reports). */
    record Loaded(RecommendationEngine engine, LoadedHistory history) {
    }

    /** Reads and matches the export, prints its reports on {@code err}, and returns the engine learning from it. */
    static Loaded engineFor(Path history, RecommendationEngine engine, PrintWriter err) {
        // The export and the catalogue are read at the same time (one core each): neither needs the other until
        // the plays are matched.
        CompletableFuture<ListeningHistory> reading = CompletableFuture.supplyAsync(
                () -> new HistoryReader().read(history), HistoryOption::daemon);
        CatalogueMatcher matcher;
        try (var pool = engine.candidates().tracks()) {
            matcher = new CatalogueMatcher(pool);
        } catch (RuntimeException e) {
            reading.cancel(true);
            throw e;
        }
        LoadedHistory loaded = LoadedHistory.of(read(reading), matcher);
        err.println(loaded.summary());
        err.flush();
        if (!loaded.anyMatched()) {
            throw new DataException("Nothing of " + history + " (" + loaded.match().songs() + " songs played, "
                    + loaded.libraryMatch().savedTracks() + " saved tracks, " + loaded.libraryMatch().playlistItems()
                    + " playlist tracks) is in the candidate pool (" + engine.componentNames().get("candidates.source")
                    + ", " + matcher.size() + " tracks), so no track of it has features to learn from. Use a pool "
                    + "that holds the music you play (candidates.path), or a larger catalogue.");
        }
        String configured = engine.componentNames().getOrDefault("library.source", "");
        if (configured.equals(HISTORY_SOURCE)) {
            return new Loaded(engine.withLibrary(loaded::library, HISTORY_SOURCE), loaded);
        }
        LibrarySource base = engine.librarySource();
        LibrarySource merged = () -> base.load().plus(loaded.library());
        return new Loaded(engine.withLibrary(merged, configured + " + " + HISTORY_SOURCE), loaded);
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "audiu-history-reader");
        t.setDaemon(true);
        t.start();
    }

    /** The export as read, or the reader's own exception (a {@link DataException} says what and where). */
    private static ListeningHistory read(CompletableFuture<ListeningHistory> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** One line: what the export brought, read and matched. */
    static String brought(LoadedHistory h) {
        var lib = h.libraryMatch();
        var m = h.match();
        return String.format(Locale.ROOT, "from the export: %d saved tracks (%d matched), %d playlists with %d tracks "
                + "(%d matched), %d plays of %d songs (%d plays of %d songs matched)", lib.savedTracks(),
                lib.savedMatched(), lib.playlists(), lib.playlistItems(), lib.playlistMatched(), m.plays(), m.songs(),
                m.matchedPlays(), m.matched());
    }
}
