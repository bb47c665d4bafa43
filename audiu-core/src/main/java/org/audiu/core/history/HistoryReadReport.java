package org.audiu.core.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What reading an export found: the files read (and their formats), records seen, music plays kept, songs, what was
 * left out and why, and the records that could not be read (the first {@value HistoryAggregator#MAX_PROBLEMS_KEPT},
 * with file and record number; {@code problemCount} counts all).
 *
 * @param ignoredFiles files of the export that are not a listening history (read by name only, never opened)
 */
public record HistoryReadReport(String source, List<HistoryFile> files, long records, long plays, int songs,
                                Map<PlayExclusion, Long> excluded, long problemCount, List<HistoryProblem> problems,
                                List<String> ignoredFiles) {
    public HistoryReadReport {
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        excluded = Map.copyOf(excluded);
        problems = List.copyOf(problems);
        ignoredFiles = List.copyOf(ignoredFiles);
    }

    /** Records left out as not music (or duplicates), all reasons together. */
    public long excludedCount() {
        return excluded.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few lines for people. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "read %s: %d file%s, %d records, %d music plays of %d songs", source,
                files.size(), files.size() == 1 ? "" : "s", records, plays, songs));
        for (HistoryFile f : files) {
            s.append(String.format(Locale.ROOT, "%n  %s (%s): %d records, %d plays", f.name(),
                    f.format().description(), f.records(), f.plays()));
        }
        if (!excluded.isEmpty()) {
            s.append("\n  left out:");
            for (PlayExclusion x : PlayExclusion.values()) {
                Long n = excluded.get(x);
                if (n != null) {
                    s.append(String.format(Locale.ROOT, " %d %s;", n, x.description()));
                }
            }
            s.setLength(s.length() - 1);
        }
        if (!ignoredFiles.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%n  %d other file%s of the export not read (not a listening history)",
                    ignoredFiles.size(), ignoredFiles.size() == 1 ? "" : "s"));
        }
        if (problemCount > 0) {
            s.append(String.format(Locale.ROOT, "%n  %d record%s could not be read (skipped, the rest kept):",
                    problemCount, problemCount == 1 ? "" : "s"));
            problems.stream().limit(10).forEach(p -> s.append("\n    ").append(p));
            if (problemCount > 10) {
                s.append("\n    ...");
            }
        }
        return s.toString();
    }
}
