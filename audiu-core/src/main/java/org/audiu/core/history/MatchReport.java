package org.audiu.core.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a history's songs matched a catalogue: by Spotify track id, by ISRC, by normalised main artist + title, by
 * another of the track's artists (or an artist credited in a title) + title, and the songs that did not match with
 * why (the most played first).
 *
 * @param catalogueTracks   tracks in the catalogue matched against (0 without a catalogue)
 * @param byAnyArtist       songs matched through another of the catalogue track's artists or a credited artist
 * @param unmatchedByReason songs not matched, by reason
 * @param unmatchedExamples the most played unmatched songs, with their reason
 */
public record MatchReport(int catalogueTracks, int songs, long plays, int byId, int byIsrc, int byName,
                          int byAnyArtist, long matchedPlays, Map<String, Integer> unmatchedByReason,
                          List<String> unmatchedExamples) {
    public MatchReport {
        unmatchedByReason = Map.copyOf(Objects.requireNonNull(unmatchedByReason));
        unmatchedExamples = List.copyOf(unmatchedExamples);
        if (songs < 0 || plays < 0 || byId < 0 || byIsrc < 0 || byName < 0 || byAnyArtist < 0 || matchedPlays < 0
                || byId + byIsrc + byName + byAnyArtist > songs || matchedPlays > plays) {
            throw new IllegalArgumentException("A match report's counts must be >= 0 and the matched ones at most the "
                    + "totals: " + songs + " songs, " + plays + " plays, matched " + byId + "/" + byIsrc + "/"
                    + byName + "/" + byAnyArtist + " songs and " + matchedPlays + " plays");
        }
    }

    public int matched() {
        return byId + byIsrc + byName + byAnyArtist;
    }

    /** The share of the songs that matched, 0..1 (0 for no songs). */
    public double songShare() {
        return songs == 0 ? 0 : (double) matched() / songs;
    }

    /** The share of the plays whose song matched, 0..1 (0 for no plays). */
    public double playShare() {
        return plays == 0 ? 0 : (double) matchedPlays / plays;
    }

    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "matched %d of %d songs (%.1f%%) and %d of %d plays (%.1f%%) to a catalogue of %d tracks: "
                        + "%d by Spotify id, %d by ISRC, %d by artist + title, %d by another or a credited artist "
                        + "+ title", matched(), songs, 100 * songShare(), matchedPlays, plays, 100 * playShare(),
                catalogueTracks, byId, byIsrc, byName, byAnyArtist));
        unmatchedByReason.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append(String.format(Locale.ROOT, "%n  not matched: %d songs: %s", e.getValue(),
                        e.getKey())));
        if (!unmatchedExamples.isEmpty()) {
            s.append("\n  most played not matched: ").append(String.join("; ", unmatchedExamples));
        }
        return s.toString();
    }
}
