package org.audiu.cli.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.audiu.core.Track;

/**
 * A generated Spotify "Account data" export, in memory, for tests and the upload bench (never a real listener's):
 * {@code StreamingHistory_music_N.json} files of 10,000 plays of a taste drawn from the given tracks (up to 2,000
 * songs, most played a lot, at listening hours), a podcast history, {@code YourLibrary.json} with saved tracks and
 * {@code Playlist1.json} with two playlists, all zipped as Spotify sends it. Deterministic for a seed.
 */
final class SampleExport {
    private static final DateTimeFormatter END_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final int PER_FILE = 10_000;
    private static final long START = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    private static final long SPAN = 2L * 365 * 24 * 3600;

    private final List<Track> tracks;
    private final long seed;

    SampleExport(List<Track> tracks, long seed) {
        this.tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        if (this.tracks.isEmpty()) {
            throw new IllegalArgumentException("A sample export needs tracks to play");
        }
        this.seed = seed;
    }

    /** One file of the export. */
    record File(String name, byte[] bytes) {
    }

    /** The export's files, about {@code musicBytes} of music history. */
    List<File> files(long musicBytes) {
        SplittableRandom random = new SplittableRandom(seed);
        int tasteSize = Math.min(tracks.size(), 2000);
        List<Track> taste = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            order.add(i);
        }
        for (int i = 0; i < tasteSize; i++) {
            int j = i + random.nextInt(order.size() - i);
            java.util.Collections.swap(order, i, j);
            taste.add(tracks.get(order.get(i)));
        }
        List<File> out = new ArrayList<>();
        // About 120 bytes a play in account data.
        long plays = Math.max(1, musicBytes / 120);
        int file = 0;
        for (long done = 0; done < plays; file++) {
            int n = (int) Math.min(PER_FILE, plays - done);
            out.add(new File("MyData/StreamingHistory_music_" + file + ".json", music(taste, n, random)));
            done += n;
        }
        out.add(new File("MyData/StreamingHistory_podcast_0.json", podcasts(random)));
        out.add(new File("MyData/YourLibrary.json", library(taste)));
        out.add(new File("MyData/Playlist1.json", playlists(taste)));
        out.add(new File("MyData/Userdata.json", "{\"username\":\"sample\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        return out;
    }

    /** The export zipped as downloaded. */
    byte[] zip(long musicBytes) {
        return zip(files(musicBytes));
    }

    static byte[] zip(List<File> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (File f : files) {
                zip.putNextEntry(new ZipEntry(f.name()));
                zip.write(f.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private byte[] music(List<Track> taste, int n, SplittableRandom random) {
        return json(g -> {
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                // Zipf-like: a few songs played most.
                int k = (int) Math.min(taste.size() - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * taste.size()));
                Track t = taste.get(k);
                long day = random.nextLong(SPAN / 86_400);
                int hour = random.nextDouble() < 0.7 ? 7 + random.nextInt(4) * 4 + random.nextInt(3) : random.nextInt(24);
                long at = START + day * 86_400 + Math.min(23, hour) * 3600L + random.nextInt(3600);
                long ms = random.nextDouble() < 0.15 ? 2_000 + random.nextInt(20_000) : 120_000 + random.nextInt(150_000);
                g.writeStartObject();
                g.writeStringField("endTime", END_TIME.format(Instant.ofEpochSecond(at)));
                g.writeStringField("artistName", t.mainArtist());
                g.writeStringField("trackName", t.name());
                g.writeNumberField("msPlayed", ms);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private byte[] podcasts(SplittableRandom random) {
        return json(g -> {
            g.writeStartArray();
            for (int i = 0; i < 20; i++) {
                g.writeStartObject();
                g.writeStringField("endTime", END_TIME.format(Instant.ofEpochSecond(START + random.nextLong(SPAN))));
                g.writeStringField("podcastName", "A sample podcast");
                g.writeStringField("episodeName", "Episode " + i);
                g.writeNumberField("msPlayed", 1_800_000);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static byte[] library(List<Track> taste) {
        return json(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("tracks");
            for (Track t : taste.subList(0, Math.min(60, taste.size()))) {
                g.writeStartObject();
                g.writeStringField("artist", t.mainArtist());
                g.writeStringField("album", t.album());
                g.writeStringField("track", t.name());
                g.writeStringField("uri", "spotify:track:" + t.id());
                g.writeEndObject();
            }
            g.writeEndArray();
            for (String empty : List.of("albums", "shows", "episodes", "bannedTracks", "artists", "bannedArtists",
                    "other")) {
                g.writeArrayFieldStart(empty);
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    private static byte[] playlists(List<Track> taste) {
        return json(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("playlists");
            for (int p = 0; p < 2; p++) {
                g.writeStartObject();
                g.writeStringField("name", "Sample playlist " + (p + 1));
                g.writeStringField("lastModifiedDate", "2024-06-01");
                g.writeArrayFieldStart("items");
                for (int i = p; i < Math.min(taste.size(), 80); i += 2) {
                    Track t = taste.get(i);
                    g.writeStartObject();
                    g.writeObjectFieldStart("track");
                    g.writeStringField("trackName", t.name());
                    g.writeStringField("artistName", t.mainArtist());
                    g.writeStringField("albumName", t.album());
                    g.writeStringField("trackUri", "spotify:track:" + t.id());
                    g.writeEndObject();
                    g.writeNullField("episode");
                    g.writeNullField("localTrack");
                    g.writeStringField("addedDate", "2024-05-01");
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Writer w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
