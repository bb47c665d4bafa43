package org.audiu.core.eval.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.audiu.core.eval.playlist.EvaluationListener;
import org.audiu.core.history.MatchReport;

/**
 * A history split in time: the listener made of the plays before the split (as every method sees it) and the
 * catalogue tracks first played after it (the targets, which no method may read).
 */
public record HistorySplit(Instant splitAt, long playsBefore, long playsAfter, MatchReport trainMatch,
                           EvaluationListener listener, Set<String> targets) {
    public HistorySplit {
        Objects.requireNonNull(splitAt, "splitAt");
        Objects.requireNonNull(listener, "listener");
        targets = Set.copyOf(targets);
    }
}
