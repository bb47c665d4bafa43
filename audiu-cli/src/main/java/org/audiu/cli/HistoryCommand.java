package org.audiu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.Track;
import org.audiu.core.config.ConfigException;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.history.CatalogueMatcher;
import org.audiu.core.history.ExportLibraryCounts;
import org.audiu.core.history.HistoryReadReport;
import org.audiu.core.history.HistoryFormat;
import org.audiu.core.history.HistoryReader;
import org.audiu.core.history.ListeningHistory;
import org.audiu.core.history.LoadedHistory;
import org.audiu.core.history.SyntheticHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audiu history}: read a listening-history export, generate a synthetic one, measure reading one. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Listening-history exports: read one and print its reports, or generate a synthetic one.",
        subcommands = {HistoryCommand.Read.class, HistoryCommand.Generate.class, HistoryCommand.Bench.class})
public final class HistoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Heap in use at its peak so far, over all heap pools, in MB. */
    static double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1e6;
    }

    /** {@code audiu history read PATH}: the read report (and the match report with --catalogue). */
    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read an export (zip, folder or file) and print what it holds: files, formats, music plays, "
                    + "songs, saved tracks, playlists, followed and banned artists and tracks, what was left out and "
                    + "why, the files not read (not about music), unreadable records with file and record number.")
    public static final class Read implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "The export's zip, folder or one file.")
        Path path;

        @Option(names = "--catalogue", paramLabel = "CSV", split = ",",
                description = "Also match the songs, saved tracks and playlist items to this track CSV, or to several "
                        + "read as one catalogue (comma-separated or repeated).")
        List<Path> catalogue;

        @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            long start = System.nanoTime();
            ListeningHistory history = new HistoryReader().read(path);
            LoadedHistory loaded = null;
            if (catalogue != null && !catalogue.isEmpty()) {
                CatalogueMatcher matcher = new CatalogueMatcher(new CsvDatasetReader(CsvReadOptions.defaults())
                        .read(catalogue).tracks().values().stream().map(DatasetTrack::track));
                loaded = LoadedHistory.of(history, matcher);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            HistoryReadReport report = history.report();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", path.toString());
                m.put("records", report.records());
                m.put("plays", report.plays());
                m.put("songs", report.songs());
                ExportLibraryCounts lib = report.library();
                m.put("savedTracks", lib.savedTracks());
                m.put("playlists", lib.playlists());
                m.put("playlistItems", lib.playlistItems());
                m.put("playlistTracks", lib.playlistTracks());
                m.put("playlistItemsLeftOut", Map.of("localFiles", lib.localTracks(), "episodes", lib.episodes(),
                        "audiobooks", lib.audiobooks(), "namingNothing", lib.unnamedItems()));
                m.put("followedArtists", lib.followedArtists());
                m.put("bannedTracks", lib.bannedTracks());
                m.put("bannedArtists", lib.bannedArtists());
                m.put("excluded", report.excluded());
                m.put("problems", report.problemCount());
                m.put("warnings", report.warnings().stream().map(Object::toString).toList());
                m.put("files", report.files().size());
                m.put("notRead", report.ignoredFiles());
                m.put("summary", report.summary());
                if (loaded != null) {
                    Map<String, Object> matched = new LinkedHashMap<>();
                    matched.put("catalogueTracks", loaded.match().catalogueTracks());
                    matched.put("songs", loaded.match().matched());
                    matched.put("plays", loaded.match().matchedPlays());
                    matched.put("savedTracks", loaded.libraryMatch().savedMatched());
                    matched.put("savedTracksById", loaded.libraryMatch().savedById());
                    matched.put("playlistTracks", loaded.libraryMatch().playlistMatched());
                    matched.put("playlistTracksById", loaded.libraryMatch().playlistById());
                    matched.put("bannedTracks", loaded.libraryMatch().bannedMatched());
                    m.put("matched", matched);
                    m.put("match", loaded.match().summary());
                    if (!loaded.libraryMatch().isEmpty()) {
                        m.put("libraryMatch", loaded.libraryMatch().summary());
                    }
                }
                m.put("seconds", seconds);
                m.put("peakHeapMb", peakHeapMb());
                m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1e6);
                out.println(Json.write(m));
            } else {
                out.println(loaded != null ? loaded.summary() : report.summary());
                out.printf(Locale.ROOT, "%.1f s, heap peak %.0f MB of %.0f MB%n", seconds, peakHeapMb(),
                        Runtime.getRuntime().maxMemory() / 1e6);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code audiu history generate}: a seeded synthetic history in a real export schema. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a seeded synthetic listening history in a real export schema, its tracks taken from a "
                    + "catalogue CSV: favourite genres and artists, replays, discoveries, repeated skips, podcasts, "
                    + "duplicates, odd timestamps, name variants. For trying audiU and evaluating it without a "
                    + "personal export.")
    public static final class Generate implements Callable<Integer> {
        @Option(names = "--catalogue", paramLabel = "CSV", required = true,
                description = "Track CSV the plays come from (e.g. ../shared/data/spotify_songs.csv).")
        Path catalogue;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "extended",
                description = "extended, account, listenbrainz or lastfm (default ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--plays", paramLabel = "N", defaultValue = "20000", description = "Records to write.")
        int plays;

        @Option(names = "--from", paramLabel = "DATE", defaultValue = "2022-01-01") String from;
        @Option(names = "--to", paramLabel = "DATE", defaultValue = "2026-01-01") String to;
        @Option(names = "--seed", paramLabel = "N", defaultValue = "42") long seed;

        @Option(names = "--out", paramLabel = "FOLDER", required = true, description = "Folder to write into.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Path> files = generate(catalogue, format(format), plays, EvaluateHistoryCommand.parse(from),
                    EvaluateHistoryCommand.parse(to), seed, out);
            spec.commandLine().getOut().println("wrote " + plays + " records in " + files.size() + " file"
                    + (files.size() == 1 ? "" : "s") + " under " + out);
            return 0;
        }
    }

    static HistoryFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "extended" -> HistoryFormat.SPOTIFY_EXTENDED;
            case "account" -> HistoryFormat.SPOTIFY_ACCOUNT_DATA;
            case "listenbrainz" -> HistoryFormat.LISTENBRAINZ;
            case "lastfm" -> HistoryFormat.LASTFM_CSV;
            default -> throw new ConfigException("--format '" + name + "' is not one of extended, account, "
                    + "listenbrainz, lastfm");
        };
    }

    static List<Path> generate(Path catalogue, HistoryFormat format, int plays, Instant from, Instant to, long seed,
                               Path out) throws IOException {
        if (plays < 1 || !from.isBefore(to)) {
            throw new ConfigException("--plays must be at least 1 and --from before --to");
        }
        List<Track> tracks = new CsvDatasetReader(CsvReadOptions.defaults()).read(catalogue).tracks().values()
                .stream().map(DatasetTrack::track).toList();
        return new SyntheticHistory(tracks, seed).write(format, plays, from, to, out);
    }

    /**
     * {@code audiu history bench}: generates a decade of extended streaming history and reads it in a child JVM
     * capped at 256 MB, as a listener's laptop would.
     */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Generate an extended streaming history (default 500,000 plays, about 150 MB of JSON) and "
                    + "read it in a child JVM with -Xmx256m: records, songs, seconds, heap peak.")
    public static final class Bench implements Callable<Integer> {
        @Option(names = "--catalogue", paramLabel = "CSV", required = true) Path catalogue;
        @Option(names = "--plays", paramLabel = "N", defaultValue = "500000") int plays;
        @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m") String heap;
        @Mixin CommonOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path dir = Files.createTempDirectory("audiu-history-bench");
            try {
                List<Path> files = generate(catalogue, HistoryFormat.SPOTIFY_EXTENDED, plays,
                        Instant.parse("2016-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 42, dir);
                long bytes = 0;
                for (Path f : files) {
                    bytes += Files.size(f);
                }
                String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                        AudiuCli.class.getName(), "history", "read", dir.toString(), "--json");
                pb.redirectError(ProcessBuilder.Redirect.INHERIT);
                Process p = pb.start();
                String child = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int rc = p.waitFor();
                PrintWriter out = spec.commandLine().getOut();
                if (rc != 0) {
                    out.println("child JVM (-Xmx" + heap + ") failed with exit code " + rc + ": " + child);
                    return 1;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(child, Map.class);
                m.put("generatedFiles", files.size());
                m.put("generatedMb", bytes / 1e6);
                m.put("childHeap", heap);
                if (options.json()) {
                    out.println(Json.write(m));
                } else {
                    out.printf(Locale.ROOT, "%d plays in %d files, %.0f MB of JSON, read in a JVM with -Xmx%s: %s "
                            + "records, %s music plays of %s songs in %.1f s, heap peak %.0f MB%n", plays, files.size(),
                            bytes / 1e6, heap, m.get("records"), m.get("plays"), m.get("songs"),
                            ((Number) m.get("seconds")).doubleValue(), ((Number) m.get("peakHeapMb")).doubleValue());
                }
                return 0;
            } finally {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
