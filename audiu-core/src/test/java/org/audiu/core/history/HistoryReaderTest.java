package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.audiu.core.DataException;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
    @TempDir
    Path dir;

    private final HistoryReader reader = new HistoryReader();

    static final String EXTENDED = """
            [{"ts":"2023-01-02T10:00:00Z","username":"secret-user","platform":"android","ms_played":215000,
              "conn_country":"DE","ip_addr":"10.1.2.3","master_metadata_track_name":"Halo",
              "master_metadata_album_artist_name":"Beyoncé","master_metadata_album_album_name":"I Am... Sasha Fierce",
              "spotify_track_uri":"spotify:track:4JehYebiI9JE8sR8MisGVb","episode_name":null,"episode_show_name":null,
              "spotify_episode_uri":null,"reason_start":"clickrow","reason_end":"trackdone","shuffle":false,
              "skipped":null,"offline":false,"offline_timestamp":0,"incognito_mode":false},
             {"ts":"2023-01-03T10:00:00Z","ms_played":4000,"master_metadata_track_name":"Halo",
              "master_metadata_album_artist_name":"Beyoncé","spotify_track_uri":"spotify:track:4JehYebiI9JE8sR8MisGVb",
              "reason_end":"fwdbtn","skipped":true},
             {"ts":"2023-01-03T10:00:00Z","ms_played":4000,"master_metadata_track_name":"Halo",
              "master_metadata_album_artist_name":"Beyoncé","spotify_track_uri":"spotify:track:4JehYebiI9JE8sR8MisGVb",
              "reason_end":"fwdbtn","skipped":true},
             {"ts":"2023-01-04T11:00:00Z","ms_played":1800000,"master_metadata_track_name":null,
              "master_metadata_album_artist_name":null,"spotify_track_uri":null,"episode_name":"Episode 12",
              "episode_show_name":"A Show","spotify_episode_uri":"spotify:episode:abc"},
             {"ts":"2023-01-04T12:00:00Z","ms_played":0,"master_metadata_track_name":"Zero",
              "master_metadata_album_artist_name":"Nobody","spotify_track_uri":"spotify:track:0000000000000000000000"},
             {"ts":"not a date","ms_played":1000,"master_metadata_track_name":"Bad",
              "master_metadata_album_artist_name":"Date"},
             {"ts":"2023-01-05 09:30:00","ms_played":200000,"master_metadata_track_name":"Halo - Remastered 2011",
              "master_metadata_album_artist_name":"Beyonce","reason_end":"endplay"}]
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsExtendedHistoryLeavingOutNonMusicDuplicatesAndBadRecords() throws IOException {
        ListeningHistory h = reader.read(write("Streaming_History_Audio_2023.json", EXTENDED));
        HistoryReadReport r = h.report();
        assertEquals(7, r.records());
        assertEquals(1, h.songs().size(), "Halo under three spellings is one song");
        SongHistory halo = h.songs().get(0);
        assertEquals(3, halo.plays(), "the duplicate is dropped");
        assertEquals("4JehYebiI9JE8sR8MisGVb", halo.trackId().orElseThrow());
        assertEquals(Map.of(PlayExclusion.PODCAST_EPISODE, 1L, PlayExclusion.ZERO_LENGTH, 1L,
                PlayExclusion.DUPLICATE, 1L), r.excluded());
        assertEquals(1, r.problemCount());
        assertEquals(6, r.problems().get(0).record());
        assertTrue(r.problems().get(0).message().contains("unreadable 'ts'"), r.problems().get(0).message());
        TrackPlays stats = halo.toTrackPlays(Track.builder("t", "Halo").artists("Beyoncé").build());
        assertEquals(3, stats.timedPlays());
        assertEquals(2, stats.completedPlays());
        assertEquals(1, stats.earlySkips());
        assertEquals(3, stats.distinctDays());
        assertFalse(r.summary().contains("secret-user") || r.summary().contains("10.1.2.3"));
    }

    @Test
    void readsAccountDataListenBrainzAndLastFm() throws IOException {
        write("export/Spotify Account Data/StreamingHistory_music_0.json", """
                [{"endTime":"2021-03-10 01:14","artistName":"Daft Punk","trackName":"One More Time","msPlayed":320000},
                 {"endTime":"2021-03-10 01:20","artistName":"Daft Punk","trackName":"Aerodynamic","msPlayed":1200}]
                """);
        write("export/Spotify Account Data/StreamingHistory_podcast_0.json", """
                [{"endTime":"2021-03-11 08:00","podcastName":"Show","episodeName":"Ep","msPlayed":2000000}]
                """);
        write("export/Spotify Account Data/Userdata.json", "{\"username\":\"secret\",\"email\":\"x@y\"}");
        write("export/listens/2021/3.jsonl", """
                {"listened_at":1615400000,"user_name":"secret","track_metadata":{"artist_name":"Daft Punk","track_name":"One More Time","release_name":"Discovery","additional_info":{"spotify_id":"https://open.spotify.com/track/0DiWol3AO6WpXZgp0goxAV","isrc":"GBDUW0000059"}}}
                {"listened_at": broken
                {"listened_at":1615500000,"track_metadata":{"artist_name":"Röyksopp","track_name":"Eple"}}
                """);
        write("export/scrobbles.csv", """
                Daft Punk,Discovery,Digital Love,31 Jan 2021 18:04
                Daft Punk,Discovery,Digital Love,"31 Jan 2021, 19:04"
                Daft Punk,Discovery,Too Many,Columns,Here
                Daft Punk,Discovery,Bad Date,yesterday
                """);
        ListeningHistory h = reader.read(dir.resolve("export"));
        HistoryReadReport r = h.report();
        assertEquals(4, r.files().size(), r.summary());
        assertEquals(1, r.ignoredFiles().size());
        assertEquals(1L, r.excluded().get(PlayExclusion.PODCAST_EPISODE));
        assertEquals(3, r.problemCount(), r.summary());
        assertTrue(r.problems().stream().anyMatch(p -> p.file().endsWith("3.jsonl") && p.record() == 2));
        assertTrue(r.problems().stream().anyMatch(p -> p.file().endsWith("scrobbles.csv") && p.record() == 3));
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("unreadable date 'yesterday'")));
        SongHistory omt = h.songs().stream().filter(s -> s.title().equals("One More Time")).findFirst().orElseThrow();
        assertEquals(2, omt.plays());
        assertEquals("0DiWol3AO6WpXZgp0goxAV", omt.trackId().orElseThrow());
        assertEquals(4, h.songs().size(), r.summary());
        assertEquals(6, h.plays());
    }

    @Test
    void readsTheZipAsDownloadedAndRefusesOneWithoutHistory() throws IOException {
        Path zip = dir.resolve("my_spotify_data.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("Spotify Extended Streaming History/Streaming_History_Audio_2023.json"));
            z.write(EXTENDED.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("Spotify Extended Streaming History/Streaming_History_Video_2023.json"));
            z.write("[{\"ts\":\"2023-01-01T00:00:00Z\",\"ms_played\":5000}]".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("Spotify Extended Streaming History/ReadMeFirst.pdf"));
            z.write(new byte[] {1, 2, 3});
        }
        ListeningHistory h = reader.read(zip);
        assertEquals(3, h.plays());
        assertEquals(1L, h.report().excluded().get(PlayExclusion.VIDEO));

        Path empty = dir.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(empty))) {
            z.putNextEntry(new ZipEntry("Payments.json"));
            z.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        DataException e = assertThrows(DataException.class, () -> reader.read(empty));
        assertTrue(e.getMessage().contains("No music found") && e.getMessage().contains("Payments.json"),
                e.getMessage());
    }

    @Test
    void truncatedJsonKeepsTheRecordsBeforeTheCut() throws IOException {
        String cut = EXTENDED.substring(0, EXTENDED.indexOf("{\"ts\":\"2023-01-04T11"));
        ListeningHistory h = reader.read(write("endsong_0.json", cut + "{\"ts\":\"2023-01-0"));
        assertEquals(2, h.plays());
        HistoryProblem p = h.report().problems().get(0);
        assertEquals(4, p.record());
        assertTrue(p.message().contains("malformed or truncated JSON at line"), p.message());
    }

    @Test
    void unrelatedJsonAndWrongCsvGetSpecificErrors() throws IOException {
        DataException json = assertThrows(DataException.class,
                () -> reader.read(write("Settings.json", "{\"language\":\"en\"}")));
        assertTrue(json.getMessage().contains("not a listening history"), json.getMessage());
        DataException emptyPlaylist = assertThrows(DataException.class,
                () -> reader.read(write("Playlist1.json", "{\"playlists\":[{\"name\":\"x\"}]}")));
        assertTrue(emptyPlaylist.getMessage().contains("holds no music play, saved track or playlist track"),
                emptyPlaylist.getMessage());
        DataException csv = assertThrows(DataException.class,
                () -> reader.read(write("songs.csv", "track_id,track_name,danceability\nabc,Song,0.5\n")));
        assertTrue(csv.getMessage().contains("expected rows 'artist, album, track, date'"), csv.getMessage());
        Path header = write("lastfm.csv", "uts,utc_time,artist,album,track\n1612116240,\"31 Jan 2021, 18:04\",A,B,C\n");
        assertEquals(1, reader.read(header).plays(), "a header names the columns in any order");
    }
}
