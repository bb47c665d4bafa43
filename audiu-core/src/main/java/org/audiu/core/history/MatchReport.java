package org.audiu.core.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a history's songs matched a catalogue: by Spotify track id, by ISRC, by normalised artist + title, and the
 * songs that did not match with why (the most played first).
 *
 * @param catalogueTracks tracks in the catalogue matched against (0 without a catalogue)
 * @param unmatchedByReason songs not matched, by reason
 * @param unmatchedExamples the most played unmatched songs, with their reason
 */
public record MatchReport(int catalogueTracks, int songs, long plays, int byId, int byIsrc, int byName,
                          long matchedPlays, Map<String, Integer> unmatchedByReason, List<String> unmatchedExamples) {
    public MatchReport {
        unmatchedByReason = Map.copyOf(Objects.requireNonNull(unmatchedByReason));
        unmatchedExamples = List.copyOf(unmatchedExamples);
    }

    public int matched() {
        return byId + byIsrc + byName;
    }

    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "matched %d of %d songs (%d of %d plays) to a catalogue of %d tracks: %d by Spotify id, %d by ISRC, "
                        + "%d by artist + title", matched(), songs, matchedPlays, plays, catalogueTracks, byId, byIsrc,
                byName));
        unmatchedByReason.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append(String.format(Locale.ROOT, "%n  not matched: %d songs: %s", e.getValue(),
                        e.getKey())));
        if (!unmatchedExamples.isEmpty()) {
            s.append("\n  most played not matched: ").append(String.join("; ", unmatchedExamples));
        }
        return s.toString();
    }
}
