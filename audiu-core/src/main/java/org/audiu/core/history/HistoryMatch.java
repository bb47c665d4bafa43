package org.audiu.core.history;

import java.util.List;
import java.util.Objects;
import org.audiu.core.TrackPlays;

/**
 * A history matched to a catalogue: per track (catalogue tracks for the songs that matched, tracks made from the
 * export's names for the rest, which no feature provider may know but which are still never recommended).
 */
public record HistoryMatch(List<TrackPlays> matched, List<TrackPlays> unmatched, MatchReport report) {
    public HistoryMatch {
        matched = List.copyOf(matched);
        unmatched = List.copyOf(unmatched);
        Objects.requireNonNull(report, "report");
    }

    /** Matched tracks first, then the others. */
    public List<TrackPlays> all() {
        return java.util.stream.Stream.concat(matched.stream(), unmatched.stream()).toList();
    }
}
