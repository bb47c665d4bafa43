package org.audiu.core.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What reading an export found: the files read (and their formats), records seen, music plays kept, songs, the
 * library files' saved tracks and playlists, what was left out and why, the records that could not be read (the
 * first {@value HistoryAggregator#MAX_PROBLEMS_KEPT}, with file and record number; {@code problemCount} counts all),
 * and warnings about whole files.
 *
 * @param ignoredFiles files of the export that are not about music (user data, payments, inferences, ...): known by
 *                     their names only, never opened
 * @param library      what {@code YourLibrary.json} and {@code Playlist*.json} held ({@link ExportLibraryCounts#NONE}
 *                     when the export has neither)
 * @param warnings     one per file that was read but gave less than expected (no saved tracks, only local files, a
 *                     zip entry refused), each naming the file
 */
public record HistoryReadReport(String source, List<HistoryFile> files, long records, long plays, int songs,
                                Map<PlayExclusion, Long> excluded, long problemCount, List<HistoryProblem> problems,
                                List<String> ignoredFiles, ExportLibraryCounts library,
                                List<HistoryProblem> warnings) {
    /** How many not-read file names the summary lists before "and N more". */
    static final int IGNORED_LISTED = 25;

    public HistoryReadReport {
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        excluded = Map.copyOf(excluded);
        problems = List.copyOf(problems);
        ignoredFiles = List.copyOf(ignoredFiles);
        Objects.requireNonNull(library, "library");
        warnings = List.copyOf(warnings);
    }

    /** A report of plays only (no library files, no warnings). */
    public HistoryReadReport(String source, List<HistoryFile> files, long records, long plays, int songs,
                             Map<PlayExclusion, Long> excluded, long problemCount, List<HistoryProblem> problems,
                             List<String> ignoredFiles) {
        this(source, files, records, plays, songs, excluded, problemCount, problems, ignoredFiles,
                ExportLibraryCounts.NONE, List.of());
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
        if (!library.isEmpty()) {
            s.append("\n  library: ").append(library.summary());
        }
        for (HistoryFile f : files) {
            boolean plays = f.format() != HistoryFormat.SPOTIFY_LIBRARY && f.format() != HistoryFormat.SPOTIFY_PLAYLISTS;
            s.append(String.format(Locale.ROOT, "%n  %s (%s): %d %s", f.name(), f.format().description(), f.records(),
                    plays ? "records, " + f.plays() + " plays" : "entries"));
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
        warnings.forEach(w -> s.append("\n  warning: ").append(w));
        if (!ignoredFiles.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%n  not read (not about music, never opened): %d file%s: %s",
                    ignoredFiles.size(), ignoredFiles.size() == 1 ? "" : "s", ignoredNames()));
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

    /** The names of the files not read, the first {@value #IGNORED_LISTED}, then how many more. */
    public String ignoredNames() {
        String listed = String.join(", ", ignoredFiles.stream().limit(IGNORED_LISTED).toList());
        return ignoredFiles.size() > IGNORED_LISTED ? listed + " and " + (ignoredFiles.size() - IGNORED_LISTED)
                + " more" : listed;
    }
}
