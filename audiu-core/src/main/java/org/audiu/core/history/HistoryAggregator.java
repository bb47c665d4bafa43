package org.audiu.core.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects plays per song while an export is read, so memory grows with songs (and 8 bytes a play), never with
 * play objects, and the export's library parts (saved tracks, playlists, ...). Counts exclusions and keeps the first
 * problems. Not thread-safe: one per read.
 */
final class HistoryAggregator {
    static final int MAX_PROBLEMS_KEPT = 50;

    private final Map<String, Builder> songs = new HashMap<>();
    /**
     * The song of each artist + title as the export spells them: an export plays each song many times, and its
     * names are normalised ({@link SongNames#key}, patterns and all) once per spelling instead of once per play.
     */
    private final Map<Names, Builder> bySpelling = new HashMap<>();
    private final Map<PlayExclusion, Long> excluded = new EnumMap<>(PlayExclusion.class);
    private final List<HistoryProblem> problems = new ArrayList<>();
    private final List<HistoryFile> files = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<HistoryProblem> warnings = new ArrayList<>();
    private final ExportLibraryCollector library = new ExportLibraryCollector();
    private long problemCount;
    private long records;

    /** A music play. */
    void play(Play p) {
        Names names = new Names(p.artist(), p.title());
        Builder b = bySpelling.get(names);
        if (b == null) {
            b = songs.computeIfAbsent(SongNames.key(p.artist(), p.title()), k -> new Builder(p));
            bySpelling.put(names, b);
        }
        b.add(p);
    }

    void record() {
        records++;
    }

    void exclude(PlayExclusion why) {
        excluded.merge(why, 1L, Long::sum);
    }

    void problem(String file, long record, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new HistoryProblem(file, record, message));
        }
    }

    void file(HistoryFile f) {
        files.add(f);
    }

    /** A file of the export that is not about music (other parts of a privacy download), never opened. */
    void ignored(String name) {
        ignored.add(name);
    }

    /** Something about a whole file that the listener should know, though what could be read was kept. */
    void warning(String file, String message) {
        warnings.add(new HistoryProblem(file, 0, message));
    }

    /** The library parts of the export (saved tracks, playlists, followed and banned). */
    ExportLibraryCollector library() {
        return library;
    }

    ListeningHistory finish(String source) {
        List<SongHistory> out = new ArrayList<>(songs.size());
        long duplicates = 0;
        long plays = 0;
        for (Map.Entry<String, Builder> e : songs.entrySet()) {
            Builder b = e.getValue();
            long[] sorted = Arrays.copyOf(b.plays, b.size);
            Arrays.sort(sorted);
            int n = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[n++] = sorted[i];
                }
            }
            duplicates += sorted.length - n;
            plays += n;
            out.add(new SongHistory(e.getKey(), b.artist, b.title, b.album, b.trackId, b.isrc,
                    Arrays.copyOf(sorted, n)));
        }
        if (duplicates > 0) {
            excluded.merge(PlayExclusion.DUPLICATE, duplicates, Long::sum);
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        Map<PlayExclusion, Long> ordered = new LinkedHashMap<>();
        for (PlayExclusion x : PlayExclusion.values()) {
            if (excluded.containsKey(x)) {
                ordered.put(x, excluded.get(x));
            }
        }
        HistoryReadReport report = new HistoryReadReport(source, files, records, plays, out.size(), ordered,
                problemCount, problems, ignored, library.counts(), warnings);
        return new ListeningHistory(out, report, library.library());
    }

    /** An artist and a title exactly as the export spells them. */
    private record Names(String artist, String title) {
    }

    private static final class Builder {
        final String artist;
        final String title;
        final String album;
        Optional<String> trackId;
        Optional<String> isrc;
        long[] plays = new long[4];
        int size;

        Builder(Play first) {
            this.artist = first.artist();
            this.title = first.title();
            this.album = first.album();
            this.trackId = first.trackId();
            this.isrc = first.isrc();
        }

        void add(Play p) {
            if (size == plays.length) {
                plays = Arrays.copyOf(plays, size * 2);
            }
            plays[size++] = SongHistory.pack(p);
            if (trackId.isEmpty()) {
                trackId = p.trackId();
            }
            if (isrc.isEmpty()) {
                isrc = p.isrc();
            }
        }
    }
}
