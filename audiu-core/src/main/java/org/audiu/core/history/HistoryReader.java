package org.audiu.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.audiu.core.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a listening-history export — one file, a folder, or the export's zip as downloaded — streaming every part
 * of it and aggregating plays per song as it goes, so a decade of extended history (500,000 plays, 150 MB) reads in
 * a small heap. Formats are told apart by file name and then by content: Spotify account data (the plays, and the
 * library: {@code YourLibrary.json}'s saved tracks, followed and banned artists and tracks, {@code Playlist*.json}'s
 * playlists), Spotify extended streaming history, ListenBrainz listens, Last.fm CSV. Files of a privacy download that
 * are not about music (user data, identity, payments, inferences, search queries, ...) are never opened; the report
 * names them. Only music counts: episodes, audiobooks, videos, local files and zero-length plays are left out and
 * counted in the report; a bad record is reported with file and record number and the rest kept. A zip entry that
 * would expand more than {@value ZipExpansionLimit#MAX_RATIO} times is refused ({@link ZipExpansionLimit}).
 */
public final class HistoryReader {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryReader.class);
    private static final Pattern ACCOUNT_MUSIC = Pattern.compile("streaminghistory(_music)?_?\\d*\\.json");
    private static final Pattern ACCOUNT_PODCAST = Pattern.compile("streaminghistory_podcast_?\\d*\\.json");
    private static final Pattern EXTENDED_AUDIO = Pattern.compile("(streaming_history_audio_.*|endsong_?\\d*)\\.json");
    private static final Pattern EXTENDED_VIDEO = Pattern.compile("streaming_history_video_.*\\.json");
    private static final Pattern LISTENS = Pattern.compile("listens.*\\.jsonl?|.*\\.jsonl");
    private static final Pattern LIBRARY = Pattern.compile("yourlibrary\\.json");
    private static final Pattern PLAYLISTS = Pattern.compile("playlist\\d*\\.json");
    /**
     * Files of a Spotify privacy download that are about the person, not the music. In a folder or zip every file
     * that is not a history or library file is left unopened anyway; given on its own, one of these is refused
     * rather than opened.
     */
    private static final Pattern PERSONAL = Pattern.compile("(userdata|identity|identifiers|payments|useraddress"
            + "|inferences|searchqueries|marquee|follow|familyplan|duonewfamily|voiceinput|wrapped\\d*|"
            + "customersupport|messagedata|podcastinteractivity|connections|read_?me_?first).*\\.(json|pdf|txt)");

    /** Reads everything at {@code path}. */
    public ListeningHistory read(Path path) {
        if (!Files.exists(path)) {
            throw new DataException("No listening history at " + path.toAbsolutePath() + ": give the export's zip "
                    + "(as downloaded), its folder, or one of its files (StreamingHistory_music_0.json, "
                    + "YourLibrary.json, Playlist1.json, Streaming_History_Audio_2023.json, a ListenBrainz listens "
                    + ".jsonl, a Last.fm .csv).");
        }
        HistoryAggregator sink = new HistoryAggregator();
        try {
            if (Files.isDirectory(path)) {
                readFolder(path, sink);
            } else if (isZip(path)) {
                readZip(path, sink);
            } else {
                String name = path.getFileName().toString();
                if (PERSONAL.matcher(fileName(name)).matches()) {
                    throw new DataException(path + " is a personal file of the privacy download, not about music; "
                            + "audiU does not open it. Give the export's zip or folder, or one of its music files "
                            + "(StreamingHistory*.json, YourLibrary.json, Playlist1.json).");
                }
                readFile(name, path, sink, true);
            }
        } catch (IOException e) {
            throw new DataException("Could not read the listening history at " + path + ": " + e.getMessage(), e);
        }
        ListeningHistory history = finish(path.toString(), sink);
        HistoryReadReport report = history.report();
        report.warnings().forEach(w -> LOG.warn("{}", w));
        LOG.info("{}", report.summary());
        return history;
    }

    /**
     * One file of an export that the caller holds (an upload kept in memory): its name inside the export (which tells
     * its format, as in a zip) and how to open it. {@code open} may fail with an {@link IOException} while it is read
     * (a limit of the caller's); the file is then reported as unreadable and the others are read.
     */
    public record ExportFile(String name, Opener open) {
        public ExportFile {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(open, "open");
        }
    }

    /** Opens a file of an {@link ExportFile}. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Reads an export the caller holds file by file (the parts of an uploaded zip, or uploaded JSON files), with the
     * same readers, rules and reports as {@link #read(Path)}, and logs nothing (an upload's names stay private).
     *
     * @param source         how the reports name the export ("the upload")
     * @param files          its files; within several, only the export's history and library files are opened
     * @param oneFileGiven   true when {@code files} is one file given on its own (read by extension and content, as
     *                       {@code read(Path)} reads one file)
     * @throws DataException when nothing of it is music, with what was found
     */
    public ListeningHistory read(String source, List<ExportFile> files, boolean oneFileGiven) {
        HistoryAggregator sink = new HistoryAggregator();
        List<ExportFile> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        for (ExportFile f : sorted) {
            String lower = fileName(f.name());
            boolean direct = oneFileGiven && sorted.size() == 1;
            if (direct && PERSONAL.matcher(lower).matches()) {
                throw new DataException("The file given is a personal file of the privacy download, not about music; "
                        + "audiU does not open it. Give the export's zip, or its music files (StreamingHistory*.json, "
                        + "YourLibrary.json, Playlist1.json).");
            }
            Source kind = source(lower, direct);
            if (kind == Source.NONE) {
                sink.ignored(f.name());
                continue;
            }
            try (InputStream in = f.open().open()) {
                read(f.name(), kind, in, sink);
            } catch (IOException | UncheckedIOException ex) {
                sink.problem(f.name(), 0, "unreadable (" + ex.getMessage() + "); skipped, the other files are still "
                        + "read");
            }
        }
        return finish(source, sink);
    }

    private static ListeningHistory finish(String source, HistoryAggregator sink) {
        ListeningHistory history = sink.finish(source);
        HistoryReadReport report = history.report();
        if (report.files().isEmpty()) {
            throw new DataException(noHistory(source, report));
        }
        if (report.plays() == 0 && history.library().savedTracks().isEmpty()
                && history.library().playlistItems() == 0) {
            throw new DataException("The export at " + source + " holds no music play, saved track or playlist "
                    + "track. " + report.summary());
        }
        return history;
    }

    private static String noHistory(Object path, HistoryReadReport report) {
        StringBuilder s = new StringBuilder();
        if (!report.ignoredFiles().isEmpty() && report.problems().isEmpty()) {
            s.append("No music found in ").append(path).append(": it holds only files that are not about music (")
                    .append(report.ignoredNames()).append("), which audiU never opens. ");
        } else {
            s.append("No listening history found in ").append(path).append(". ");
        }
        s.append("audiU reads Spotify account data (StreamingHistory_music_N.json, StreamingHistoryN.json, "
                + "YourLibrary.json, PlaylistN.json), Spotify extended streaming history (Streaming_History_Audio_*.json, "
                + "endsong_N.json), ListenBrainz listens (.jsonl or a JSON array of listened_at + track_metadata) and "
                + "Last.fm scrobbles (.csv of artist, album, track, date): give the zip or folder that holds them.");
        if (!report.ignoredFiles().isEmpty() && !report.problems().isEmpty()) {
            s.append(" Files not read: ").append(report.ignoredNames()).append('.');
        }
        report.problems().stream().limit(5).forEach(p -> s.append(' ').append(p).append('.'));
        report.warnings().stream().limit(5).forEach(p -> s.append(' ').append(p).append('.'));
        return s.toString();
    }

    private static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private void readFolder(Path folder, HistoryAggregator sink) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = folder.relativize(f).toString().replace('\\', '/');
            if (isZip(f)) {
                readZip(f, sink);
            } else {
                readFile(name, f, sink, false);
            }
        }
    }

    private void readZip(Path zip, HistoryAggregator sink) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            Enumeration<? extends ZipEntry> e = z.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    entries.add(entry);
                }
            }
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                String name = zip.getFileName() + "!/" + entry.getName();
                Source source = source(fileName(entry.getName()), false);
                if (source == Source.NONE) {
                    sink.ignored(name);
                    continue;
                }
                Optional<String> refused = ZipExpansionLimit.refusal(entry);
                if (refused.isPresent()) {
                    sink.warning(name, refused.get());
                    continue;
                }
                try (InputStream in = ZipExpansionLimit.counting(z.getInputStream(entry),
                        ZipExpansionLimit.limit(entry.getCompressedSize()))) {
                    read(name, source, in, sink);
                } catch (ZipExpansionLimit.TooLargeException ex) {
                    sink.warning(name, ex.getMessage() + "; what was read before is kept, the other files of the "
                            + "export are still read");
                } catch (ZipException | UncheckedIOException ex) {
                    sink.problem(name, 0, "unreadable zip entry (" + ex.getMessage() + "); skipped");
                }
            }
        } catch (ZipException e) {
            throw new DataException(zip + " is not a readable zip (" + e.getMessage() + "). Download the export "
                    + "again, or unpack it and give the folder.", e);
        }
    }

    private void readFile(String name, Path file, HistoryAggregator sink, boolean givenDirectly) throws IOException {
        Source source = source(fileName(name), givenDirectly);
        if (source == Source.NONE) {
            sink.ignored(name);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            read(name, source, in, sink);
        }
    }

    private static void read(String name, Source source, InputStream in, HistoryAggregator sink) throws IOException {
        JsonHistoryReader json = new JsonHistoryReader(sink);
        switch (source) {
            case JSON -> json.readJson(name, in, JsonHistoryReader.Kind.ANY);
            case JSON_PODCASTS -> json.readJson(name, in, JsonHistoryReader.Kind.PODCASTS);
            case JSON_VIDEO -> json.readJson(name, in, JsonHistoryReader.Kind.VIDEO);
            case JSON_LINES -> json.readJsonLines(name, in);
            case CSV -> new LastFmCsvReader(sink).read(name, in);
            case LIBRARY -> new ExportLibraryReader(sink).readLibrary(name, in);
            case PLAYLISTS -> new ExportLibraryReader(sink).readPlaylists(name, in);
            default -> throw new IllegalStateException(source.name());
        }
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }

    /** How a file is read. */
    private enum Source { JSON, JSON_PODCASTS, JSON_VIDEO, JSON_LINES, CSV, LIBRARY, PLAYLISTS, NONE }

    /**
     * By name: the export's history and library files; in a folder or zip nothing else is opened (a privacy
     * download holds personal files). A file given on its own is read by its extension and checked by content.
     */
    private static Source source(String name, boolean givenDirectly) {
        if (LIBRARY.matcher(name).matches()) {
            return Source.LIBRARY;
        }
        if (PLAYLISTS.matcher(name).matches()) {
            return Source.PLAYLISTS;
        }
        if (ACCOUNT_PODCAST.matcher(name).matches()) {
            return Source.JSON_PODCASTS;
        }
        if (EXTENDED_VIDEO.matcher(name).matches()) {
            return Source.JSON_VIDEO;
        }
        if (ACCOUNT_MUSIC.matcher(name).matches() || EXTENDED_AUDIO.matcher(name).matches()) {
            return Source.JSON;
        }
        if (name.endsWith(".jsonl") && (givenDirectly || LISTENS.matcher(name).matches()
                && !name.startsWith("feedback") && !name.startsWith("pinned"))) {
            return Source.JSON_LINES;
        }
        if (name.endsWith(".json") && (givenDirectly || name.startsWith("listens"))) {
            return Source.JSON;
        }
        if (name.endsWith(".csv")) {
            return Source.CSV;
        }
        return givenDirectly ? Source.JSON : Source.NONE;
    }
}
