package org.audiu.core.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.audiu.core.Track;

/**
 * Writes a seeded, synthetic listening history in one of the real export schemas, for tests, evaluations and
 * benchmarks (real exports are personal). The listener has favourite genres and artists taken from a catalogue;
 * over time they replay the tracks they like (preferentially the most played), discover new tracks mostly by their
 * artists and genres, keep skipping a few tracks they dislike, and the file holds what real ones hold: podcast
 * episodes, zero-length plays, duplicate records, odd timestamps, edition suffixes and "feat." credits on names,
 * identifying fields (fake values) that a reader must not copy. Plays are written as they are generated, so a
 * history of any size takes little memory.
 */
public final class SyntheticHistory {
    private static final DateTimeFormatter ACCOUNT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LASTFM_TIME = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int PLAYS_PER_FILE = 15_000;

    private final List<Track> catalogue;
    private final long seed;

    /** @param catalogue tracks with names, artists and (for taste) genres; at least 100 */
    public SyntheticHistory(List<Track> catalogue, long seed) {
        this.catalogue = List.copyOf(Objects.requireNonNull(catalogue, "catalogue"));
        if (catalogue.size() < 100) {
            throw new IllegalArgumentException("A synthetic history needs a catalogue of at least 100 tracks, got "
                    + catalogue.size());
        }
        this.seed = seed;
    }

    /** One generated play (or non-music record). */
    private record Event(Track track, Instant at, long ms, String reasonEnd, boolean skipped, boolean podcast) {
    }

    /** Writes {@code plays} records between {@code from} and {@code to} into the folder {@code out}; returns files. */
    public List<Path> write(HistoryFormat format, int plays, Instant from, Instant to, Path out) throws IOException {
        Files.createDirectories(out);
        Listener listener = new Listener(new SplittableRandom(seed), plays);
        try (Output o = output(format, out)) {
            long span = to.toEpochMilli() - from.toEpochMilli();
            SplittableRandom r = new SplittableRandom(seed * 31 + 7);
            for (int i = 0; i < plays; i++) {
                Instant at = Instant.ofEpochMilli(from.toEpochMilli() + span * i / plays
                        + r.nextLong(Math.max(1, span / plays)));
                Event e = listener.next(at);
                o.write(e);
                if (r.nextDouble() < 0.01) {
                    o.write(e); // the same record twice, as overlapping export files give
                }
            }
            return o.files();
        }
    }

    /** The listener's taste and state; small, however many plays are generated. */
    private final class Listener {
        final SplittableRandom r;
        final List<Track> loved;
        int discovered;
        final List<Track> disliked;
        final List<Track> known = new ArrayList<>();
        final List<Integer> knownPlays = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        int totalPlays;

        final double discovery;

        Listener(SplittableRandom r, int plays) {
            this.r = r;
            List<String> genres = catalogue.stream().map(t -> t.genre().orElse("")).distinct().sorted().toList();
            String first = genres.get(r.nextInt(genres.size()));
            String second = genres.get(r.nextInt(genres.size()));
            List<String> artists = catalogue.stream().filter(t -> t.genre().orElse("").equals(first)
                    || t.genre().orElse("").equals(second)).map(Track::mainArtist).distinct().sorted().toList();
            List<String> favourite = new ArrayList<>();
            for (int i = 0; i < Math.min(80, artists.size()); i++) {
                favourite.add(artists.get(r.nextInt(artists.size())));
            }
            List<Track> taste = new ArrayList<>(catalogue.stream().filter(t -> favourite.contains(t.mainArtist())
                    || (t.genre().orElse("").equals(first) && r.nextDouble() < 0.15)
                    || (t.genre().orElse("").equals(second) && r.nextDouble() < 0.05)).toList());
            // Discovered one after another over the years: a track's artist is often one already played.
            java.util.Collections.shuffle(taste, new java.util.Random(r.nextLong()));
            loved = taste;
            // New tracks arrive at a steady rate that lasts the whole history.
            discovery = Math.max(0.005, Math.min(0.2, 0.9 * taste.size() / plays));
            disliked = catalogue.stream().filter(t -> !t.genre().orElse("").equals(first)
                    && !t.genre().orElse("").equals(second)).limit(500).filter(t -> r.nextDouble() < 0.05).toList();
        }

        Event next(Instant at) {
            double u = r.nextDouble();
            if (u < 0.04) {
                return new Event(null, at, 600_000 + r.nextLong(2_400_000), "trackdone", false, true);
            }
            if (u < 0.05) {
                Track t = catalogue.get(r.nextInt(catalogue.size()));
                return new Event(t, at, 0, "endplay", false, false);
            }
            if (u < 0.10 && !disliked.isEmpty()) {
                Track t = disliked.get(r.nextInt(disliked.size()));
                return new Event(t, at, 2_000 + r.nextLong(15_000), "fwdbtn", true, false);
            }
            Track t;
            if (known.isEmpty() || u < 0.10 + discovery) {
                // A new track of the listener's taste (or, once all are known, any track of the catalogue).
                t = discovered < loved.size() ? loved.get(discovered++) : catalogue.get(r.nextInt(catalogue.size()));
            } else {
                // Replay in proportion to past plays (the rich get richer), among tracks already known.
                int pick = r.nextInt(totalPlays);
                int i = 0;
                while (pick >= knownPlays.get(i)) {
                    pick -= knownPlays.get(i);
                    i++;
                }
                t = known.get(i);
            }
            Integer at0 = index.get(t.id());
            if (at0 == null) {
                index.put(t.id(), known.size());
                known.add(t);
                knownPlays.add(1);
            } else {
                knownPlays.set(at0, knownPlays.get(at0) + 1);
            }
            totalPlays++;
            long duration = t.durationMs() > 0 ? t.durationMs() : 200_000;
            if (r.nextDouble() < 0.1) {
                return new Event(t, at, 5_000 + r.nextLong(duration / 2), "fwdbtn", true, false);
            }
            return new Event(t, at, duration, "trackdone", false, false);
        }
    }

    private Output output(HistoryFormat format, Path out) throws IOException {
        return switch (format) {
            case SPOTIFY_EXTENDED -> new JsonOutput(out, "Streaming_History_Audio_", true);
            case SPOTIFY_ACCOUNT_DATA -> new JsonOutput(out, "StreamingHistory_music_", false);
            case LISTENBRAINZ -> new LinesOutput(out.resolve("listens.jsonl"), true);
            case LASTFM_CSV -> new LinesOutput(out.resolve("scrobbles.csv"), false);
            case SPOTIFY_LIBRARY, SPOTIFY_PLAYLISTS -> throw new IllegalArgumentException(
                    "a synthetic history is plays; " + format.description() + " hold none");
        };
    }

    private interface Output extends AutoCloseable {
        void write(Event e) throws IOException;

        List<Path> files();

        @Override
        void close() throws IOException;
    }

    /** Spotify's JSON arrays, a new file every {@value #PLAYS_PER_FILE} records; podcasts in their own file. */
    private final class JsonOutput implements Output {
        private final JsonFactory factory = new JsonFactory();
        private final Path folder;
        private final String prefix;
        private final boolean extended;
        private final List<Path> files = new ArrayList<>();
        private final SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        private JsonGenerator music;
        private JsonGenerator podcasts;
        private int inFile;

        JsonOutput(Path folder, String prefix, boolean extended) {
            this.folder = folder;
            this.prefix = prefix;
            this.extended = extended;
        }

        private JsonGenerator open(Path file) throws IOException {
            files.add(file);
            JsonGenerator g = factory.createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
            g.writeStartArray();
            return g;
        }

        @Override
        public void write(Event e) throws IOException {
            if (e.podcast() && !extended) {
                if (podcasts == null) {
                    podcasts = open(folder.resolve("StreamingHistory_podcast_0.json"));
                }
                podcasts.writeStartObject();
                podcasts.writeStringField("endTime", ACCOUNT_TIME.format(e.at()));
                podcasts.writeStringField("podcastName", "Synthetic Show");
                podcasts.writeStringField("episodeName", "Episode " + (e.at().getEpochSecond() % 500));
                podcasts.writeNumberField("msPlayed", e.ms());
                podcasts.writeEndObject();
                return;
            }
            if (music == null || inFile == PLAYS_PER_FILE) {
                if (music != null) {
                    music.writeEndArray();
                    music.close();
                }
                String year = Integer.toString(e.at().atZone(ZoneOffset.UTC).getYear());
                music = open(folder.resolve(extended ? prefix + year + "_" + files.size() + ".json"
                        : prefix + files.size() + ".json"));
                inFile = 0;
            }
            inFile++;
            if (extended) {
                writeExtended(music, e);
            } else {
                music.writeStartObject();
                music.writeStringField("endTime", ACCOUNT_TIME.format(e.at()));
                music.writeStringField("artistName", artistName(e.track()));
                music.writeStringField("trackName", titleVariant(e.track()));
                music.writeNumberField("msPlayed", e.ms());
                music.writeEndObject();
            }
        }

        private void writeExtended(JsonGenerator g, Event e) throws IOException {
            g.writeStartObject();
            double odd = r.nextDouble();
            String ts = e.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            g.writeStringField("ts", odd < 0.02 ? ts.replace("Z", "") : odd < 0.04 ? ts.replace("Z", ".000Z") : ts);
            g.writeStringField("username", "synthetic-user");
            g.writeStringField("platform", "android");
            g.writeNumberField("ms_played", e.ms());
            g.writeStringField("conn_country", "DE");
            g.writeStringField("ip_addr", "192.0.2." + (e.at().getEpochSecond() % 250));
            if (e.podcast()) {
                g.writeNullField("master_metadata_track_name");
                g.writeNullField("master_metadata_album_artist_name");
                g.writeNullField("master_metadata_album_album_name");
                g.writeNullField("spotify_track_uri");
                g.writeStringField("episode_name", "Episode " + (e.at().getEpochSecond() % 500));
                g.writeStringField("episode_show_name", "Synthetic Show");
                g.writeStringField("spotify_episode_uri", "spotify:episode:" + "5".repeat(22));
            } else {
                g.writeStringField("master_metadata_track_name", e.track().name());
                g.writeStringField("master_metadata_album_artist_name", e.track().mainArtist());
                g.writeStringField("master_metadata_album_album_name", e.track().album());
                g.writeStringField("spotify_track_uri", "spotify:track:" + e.track().id());
                g.writeNullField("episode_name");
                g.writeNullField("episode_show_name");
                g.writeNullField("spotify_episode_uri");
            }
            g.writeNullField("audiobook_title");
            g.writeNullField("audiobook_uri");
            g.writeNullField("audiobook_chapter_uri");
            g.writeNullField("audiobook_chapter_title");
            g.writeStringField("reason_start", "clickrow");
            g.writeStringField("reason_end", e.reasonEnd());
            g.writeBooleanField("shuffle", false);
            if (e.skipped()) {
                g.writeBooleanField("skipped", true);
            } else {
                g.writeNullField("skipped");
            }
            g.writeBooleanField("offline", false);
            g.writeNumberField("offline_timestamp", 0);
            g.writeBooleanField("incognito_mode", false);
            g.writeEndObject();
        }

        @Override
        public List<Path> files() {
            return List.copyOf(files);
        }

        @Override
        public void close() throws IOException {
            for (JsonGenerator g : new JsonGenerator[] {music, podcasts}) {
                if (g != null) {
                    g.writeEndArray();
                    g.close();
                }
            }
        }
    }

    /** ListenBrainz JSON lines or Last.fm CSV rows: no listening time, so skipped and zero-length plays are left out. */
    private final class LinesOutput implements Output {
        private final JsonFactory factory = new JsonFactory();
        private final Path file;
        private final boolean listenBrainz;
        private final BufferedWriter out;

        LinesOutput(Path file, boolean listenBrainz) throws IOException {
            this.file = file;
            this.listenBrainz = listenBrainz;
            OutputStream stream = Files.newOutputStream(file);
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        }

        @Override
        public void write(Event e) throws IOException {
            if (e.podcast() || e.ms() < Play.STREAM_MS) {
                return; // scrobblers submit a play after half the track or 4 minutes, never a skip
            }
            if (listenBrainz) {
                java.io.StringWriter line = new java.io.StringWriter();
                try (JsonGenerator g = factory.createGenerator(line)) {
                    g.writeStartObject();
                    g.writeNumberField("listened_at", e.at().getEpochSecond());
                    g.writeStringField("user_name", "synthetic-user");
                    g.writeObjectFieldStart("track_metadata");
                    g.writeStringField("artist_name", e.track().artistsText());
                    g.writeStringField("track_name", e.track().name());
                    g.writeStringField("release_name", e.track().album());
                    g.writeObjectFieldStart("additional_info");
                    if (e.at().getEpochSecond() % 2 == 0) {
                        g.writeStringField("spotify_id", "https://open.spotify.com/track/" + e.track().id());
                    }
                    g.writeNumberField("duration_ms", e.track().durationMs());
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndObject();
                }
                out.write(line.toString());
            } else {
                out.write(csv(artistName(e.track())) + "," + csv(e.track().album()) + "," + csv(titleVariant(e.track()))
                        + "," + LASTFM_TIME.format(e.at()));
            }
            out.newLine();
        }

        private String csv(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }

        @Override
        public List<Path> files() {
            return List.of(file);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Name-only exports: now and then an artist with a credit, as scrobblers write them. */
    private static String artistName(Track t) {
        return t.artists().size() > 1 && (t.id().hashCode() & 3) == 0 ? t.artists().get(0) + " feat. "
                + t.artists().get(1) : t.mainArtist();
    }

    /** Name-only exports: now and then the edition suffix another release of the song carries. */
    private static String titleVariant(Track t) {
        return (t.id().hashCode() & 15) == 0 ? t.name() + " - Remastered 2011" : t.name();
    }
}
