package org.audiu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.history.CatalogueMatcher;
import org.audiu.core.history.LoadedHistory;
import org.audiu.core.spi.candidates.Candidate;

/** {@code --history PATH}: a listening-history export, matched to the engine's pool, as the library. */
final class HistoryOption {
    private HistoryOption() {
    }

    /** Reads and matches the export, prints both reports on {@code err}, and returns the engine learning from it. */
    static RecommendationEngine engineFor(Path history, RecommendationEngine engine, PrintWriter err) {
        CatalogueMatcher matcher;
        try (var pool = engine.candidates().candidates()) {
            matcher = new CatalogueMatcher(pool.map(Candidate::track));
        }
        LoadedHistory loaded = LoadedHistory.load(history, matcher);
        err.println(loaded.read().summary());
        err.println(loaded.match().summary());
        err.flush();
        if (loaded.match().matched() == 0) {
            throw new org.audiu.core.DataException("None of the " + loaded.match().songs() + " songs of " + history
                    + " is in the candidate pool (" + engine.componentNames().get("candidates.source") + ", "
                    + matcher.size() + " tracks), so no played track has features to learn from. Use a pool that "
                    + "holds the music you play (candidates.path), or a larger catalogue.");
        }
        return engine.withLibrary(loaded::library, "listening-history");
    }
}
