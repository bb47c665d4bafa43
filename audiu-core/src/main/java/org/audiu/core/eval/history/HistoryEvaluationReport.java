package org.audiu.core.eval.history;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.history.MatchReport;
import org.audiu.core.metrics.RankingMetrics;

/**
 * What {@link HistoryEvaluation} measured: the split, how much history each side had, how many played tracks the
 * catalogue knew, how many targets there were, and each method's metrics at {@code k} (best first is up to the
 * reader: insertion order is the methods' order).
 */
public record HistoryEvaluationReport(Instant splitAt, long playsBefore, long playsAfter, int trainTracks,
                                      int targets, int k, MatchReport trainMatch,
                                      Map<String, RankingMetrics> methods) {
    public HistoryEvaluationReport {
        Objects.requireNonNull(splitAt, "splitAt");
        methods = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(methods));
    }
}
