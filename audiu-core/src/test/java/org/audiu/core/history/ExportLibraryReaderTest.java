package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.audiu.core.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library files of a full Spotify "Account data" download: YourLibrary.json, Playlist*.json, and bad input. */
class ExportLibraryReaderTest {
    @TempDir
    Path dir;

    private final HistoryReader reader = new HistoryReader();

    static final String LIBRARY = """
            {"tracks":[
               {"artist":"Daft Punk","album":"Discovery","track":"One More Time","uri":"spotify:track:0DiWol3AO6WpXZgp0goxAV"},
               {"artist":"Röyksopp","album":"Melody A.M.","track":"Eple","uri":"spotify:track:2vDuVVSTsDHjdh4FB0Q5x1"},
               {"artist":"","album":"?","track":"Nobody's","uri":"spotify:track:3vDuVVSTsDHjdh4FB0Q5x1"}],
             "albums":[{"artist":"Daft Punk","album":"Homework","uri":"spotify:album:5uRdvUR7xCnHmUW8n64n9y"}],
             "shows":[{"name":"A Show","publisher":"P","uri":"spotify:show:2QVyapsnAMqk9SJjUyoKw0"}],
             "episodes":[],
             "bannedTracks":[{"artist":"Crazy Frog","album":"x","track":"Axel F","uri":"spotify:track:4vDuVVSTsDHjdh4FB0Q5x1"}],
             "artists":[{"name":"Air","uri":"spotify:artist:1"},{"name":"Justice","uri":"spotify:artist:2"}],
             "bannedArtists":[{"name":"Nickelback","uri":"spotify:artist:3"}],
             "other":[]}
            """;

    static final String PLAYLISTS = """
            {"playlists":[
              {"name":"Mix","lastModifiedDate":"2021-02-26","collaborators":[],"items":[
                {"track":{"trackName":"Digital Love","artistName":"Daft Punk","albumName":"Discovery",
                          "trackUri":"spotify:track:2VEZx7NWsZ1D0eJ4uv5Fym"},"episode":null,"localTrack":null,
                 "addedDate":"2021-02-20"},
                {"track":null,"episode":null,"localTrack":{"uri":"spotify:local:me:x:mp3:100"}},
                {"track":null,"episode":{"episodeName":"Ep","showName":"S","episodeUri":"spotify:episode:1"},
                 "localTrack":null},
                {"track":null,"episode":null,"localTrack":null,"audiobook":{"name":"B","uri":"spotify:audiobook:1"}},
                {"track":null,"episode":null,"localTrack":null}],
               "description":null,"numberOfFollowers":0},
              {"name":"Second","lastModifiedDate":"2020-01-01","items":[
                {"track":{"trackName":"Eple","artistName":"Röyksopp","albumName":"Melody A.M.",
                          "trackUri":"spotify:track:2vDuVVSTsDHjdh4FB0Q5x1"},"episode":null,"localTrack":null}]}]}
            """;

    static final String PLAYS = """
            [{"endTime":"2021-03-10 01:14","artistName":"Daft Punk","trackName":"One More Time","msPlayed":320000},
             {"endTime":"2021-03-11 01:20","artistName":"Air","trackName":"La Femme d'Argent","msPlayed":420000}]
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsSavedTracksPlaylistsFollowedAndBannedBesideThePlaysAndNamesThePersonalFilesNotRead()
            throws IOException {
        write("export/YourLibrary.json", LIBRARY);
        write("export/Playlist1.json", PLAYLISTS);
        write("export/StreamingHistory_music_0.json", PLAYS);
        write("export/Userdata.json", "{\"username\":\"secret-user\",\"email\":\"x@y\"}");
        write("export/Payments.json", "{\"card\":\"secret-card\"}");
        write("export/Inferences.json", "{\"inferences\":[\"secret-inference\"]}");
        ListeningHistory h = reader.read(dir.resolve("export"));
        HistoryReadReport r = h.report();
        ExportLibrary lib = h.library();

        assertEquals(2, lib.savedTracks().size(), "the saved track without an artist is reported, not kept");
        ExportTrack omt = lib.savedTracks().get(0);
        assertEquals(new ExportTrack("Daft Punk", "One More Time", "Discovery", Optional.of("0DiWol3AO6WpXZgp0goxAV"),
                Optional.empty()), omt);
        assertEquals(List.of("Air", "Justice"), lib.followedArtists());
        assertEquals(List.of("Nickelback"), lib.bannedArtists());
        assertEquals("4vDuVVSTsDHjdh4FB0Q5x1", lib.bannedTracks().get(0).trackId().orElseThrow());

        assertEquals(2, lib.playlists().size());
        ExportPlaylist mix = lib.playlists().get(0);
        assertEquals("Mix", mix.name());
        assertEquals(Instant.parse("2021-02-26T00:00:00Z"), mix.lastModified().orElseThrow());
        assertEquals(1, mix.tracks().size(), "local file, episode, audiobook and the empty item are left out");
        assertEquals(Instant.parse("2021-02-20T00:00:00Z"), mix.tracks().get(0).addedAt().orElseThrow());
        assertEquals("2VEZx7NWsZ1D0eJ4uv5Fym", mix.tracks().get(0).trackId().orElseThrow());

        assertEquals(new ExportLibraryCounts(2, 1, 2, 1, 1, 2, 6, 2, 1, 1, 1, 1), r.library());
        assertEquals(2, r.plays());
        assertEquals(3, r.files().size(), r.summary());
        assertTrue(r.files().stream().anyMatch(f -> f.format() == HistoryFormat.SPOTIFY_LIBRARY));
        assertTrue(r.files().stream().anyMatch(f -> f.format() == HistoryFormat.SPOTIFY_PLAYLISTS));
        assertEquals(List.of("Inferences.json", "Payments.json", "Userdata.json"), r.ignoredFiles());
        assertTrue(r.summary().contains("not read (not about music, never opened): 3 files: Inferences.json, "
                + "Payments.json, Userdata.json"), r.summary());
        assertTrue(r.summary().contains("2 saved tracks") && r.summary().contains("2 playlists with 2 tracks (1 "
                + "local file, 1 podcast episode, 1 audiobook, 1 item naming no track left out)"), r.summary());
        assertEquals(1, r.problemCount(), r.summary());
        assertTrue(r.problems().get(0).toString().startsWith("YourLibrary.json record 3: a track without an artist"),
                r.problems().get(0).toString());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertFalse(r.summary().contains("secret"), "personal files are never opened");
    }

    @Test
    void readsTheLibraryFromTheZipAndFromOneFileGivenAlone() throws IOException {
        Path zip = dir.resolve("my_spotify_data.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "Spotify Account Data/YourLibrary.json", LIBRARY);
            put(z, "Spotify Account Data/Playlist1.json", PLAYLISTS);
            put(z, "Spotify Account Data/Identity.json", "{\"displayName\":\"secret\"}");
        }
        ListeningHistory fromZip = reader.read(zip);
        assertEquals(0, fromZip.report().plays(), "an export of library files alone, without plays, is read");
        assertEquals(2, fromZip.library().savedTracks().size());
        assertEquals(2, fromZip.library().playlistItems());
        assertEquals(List.of("my_spotify_data.zip!/Spotify Account Data/Identity.json"),
                fromZip.report().ignoredFiles());

        ListeningHistory library = reader.read(write("YourLibrary.json", LIBRARY));
        assertEquals(2, library.library().savedTracks().size());
        assertEquals(0, library.library().playlistItems());
        ListeningHistory playlists = reader.read(write("Playlist7.json", PLAYLISTS));
        assertEquals(List.of("Mix", "Second"), playlists.library().playlists().stream().map(ExportPlaylist::name)
                .toList());
    }

    @Test
    void aPersonalFileGivenAloneIsRefusedUnopened() throws IOException {
        Path userdata = write("Userdata.json", "{\"username\":\"secret-user\"}");
        DataException e = assertThrows(DataException.class, () -> reader.read(userdata));
        assertTrue(e.getMessage().contains("Userdata.json is a personal file") && !e.getMessage().contains("secret"),
                e.getMessage());
    }

    @Test
    void aZipOfPersonalFilesOnlyIsOneClearErrorNamingThem() throws IOException {
        Path zip = dir.resolve("my_spotify_data.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "Spotify Account Data/Userdata.json", "{\"username\":\"secret\"}");
            put(z, "Spotify Account Data/Payments.json", "{}");
            put(z, "Spotify Account Data/SearchQueries.json", "[]");
        }
        DataException e = assertThrows(DataException.class, () -> reader.read(zip));
        assertTrue(e.getMessage().startsWith("No music found in " + zip + ": it holds only files that are not about "
                + "music (my_spotify_data.zip!/Spotify Account Data/Payments.json, "), e.getMessage());
        assertTrue(e.getMessage().contains("SearchQueries.json") && e.getMessage().contains("Userdata.json"));
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aLibraryWithoutTracksIsAWarningAndTheRestIsKept() throws IOException {
        write("export/YourLibrary.json", "{\"tracks\":[],\"artists\":[{\"name\":\"Air\"}],\"bannedTracks\":[]}");
        write("export/Playlist1.json", PLAYLISTS);
        ListeningHistory h = reader.read(dir.resolve("export"));
        HistoryProblem w = h.report().warnings().get(0);
        assertEquals("YourLibrary.json", w.file());
        assertTrue(w.toString().startsWith("YourLibrary.json: no saved tracks"), w.toString());
        assertEquals(List.of("Air"), h.library().followedArtists(), "the rest of the library file is kept");
        assertEquals(2, h.library().playlistItems(), "the playlists are kept");
        assertTrue(h.report().summary().contains("warning: YourLibrary.json: no saved tracks"), h.report().summary());

        DataException nothing = assertThrows(DataException.class,
                () -> reader.read(write("alone/YourLibrary.json", "{\"tracks\":[]}")));
        assertTrue(nothing.getMessage().contains("holds no music play, saved track or playlist track"),
                nothing.getMessage());
    }

    @Test
    void playlistsOfLocalFilesOnlyAreAWarningAndThePlaysAreKept() throws IOException {
        write("export/Playlist1.json", """
                {"playlists":[{"name":"On my disk","lastModifiedDate":"2021-01-01","items":[
                  {"track":null,"episode":null,"localTrack":{"uri":"spotify:local:a"}},
                  {"track":null,"episode":null,"localTrack":{"uri":"spotify:local:b"}}]}]}
                """);
        write("export/StreamingHistory_music_0.json", PLAYS);
        ListeningHistory h = reader.read(dir.resolve("export"));
        assertEquals(2, h.plays());
        assertEquals(2, h.report().library().localTracks());
        assertEquals(0, h.report().library().playlistTracks());
        assertEquals(1, h.report().warnings().size());
        assertTrue(h.report().warnings().get(0).toString().startsWith("Playlist1.json: none of its 2 playlist items is "
                + "a Spotify track (2 local files"), h.report().warnings().get(0).toString());
    }

    @Test
    void aMalformedPlaylistFileKeepsTheWholePlaylistsBeforeTheCutAndTheOtherFiles() throws IOException {
        write("export/Playlist1.json", PLAYLISTS);
        String second = """
                {"playlists":[{"name":"Whole","items":[{"track":{"trackName":"Around the World","artistName":"Daft Punk",
                  "trackUri":"spotify:track:1pKYYY0dkg23sQQXi0Q5zN"}}]},
                 {"name":"Cut","items":[{"track":{"trackName":"Aerodynamic","artistName":"Daft Punk"}},{"track":{"trackN
                """;
        write("export/Playlist2.json", second);
        write("export/StreamingHistory_music_0.json", PLAYS);
        ListeningHistory h = reader.read(dir.resolve("export"));
        assertEquals(List.of("Mix", "Second", "Whole"), h.library().playlists().stream().map(ExportPlaylist::name)
                .toList(), "the cut playlist is left out, the whole ones kept");
        assertEquals(2, h.plays());
        HistoryProblem p = h.report().problems().get(0);
        assertEquals("Playlist2.json", p.file());
        assertTrue(p.message().startsWith("malformed or truncated JSON at line"), p.message());
        assertTrue(p.message().contains("the 1 whole playlists before it are kept"), p.message());
        assertEquals(3, h.report().library().playlists());
        assertEquals(7, h.report().library().playlistItems(), "the cut playlist's items count nowhere");
    }

    @Test
    void aZipEntryDeclaringMoreThan100TimesItsSizeIsRefusedBeforeExpandingAndTheRestRead() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "Spotify Account Data/StreamingHistory_music_0.json", PLAYS);
            z.putNextEntry(new ZipEntry("Spotify Account Data/StreamingHistory_music_1.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            z.write('[');
            for (int i = 0; i < 20; i++) {
                z.write(spaces);
            }
            z.write(']');
            z.closeEntry();
        }
        assertTrue(Files.size(zip) < 200_000, "20 MB in a small zip: " + Files.size(zip));
        ListeningHistory h = reader.read(zip);
        assertEquals(2, h.plays(), "the other entry is read");
        HistoryProblem w = h.report().warnings().get(0);
        assertEquals("bomb.zip!/Spotify Account Data/StreamingHistory_music_1.json", w.file());
        assertTrue(w.message().startsWith("refused, not expanded: it declares 20,971,522 bytes from "), w.message());
        assertTrue(w.message().contains("more than 100x"), w.message());
        assertEquals(1, h.report().files().size(), "the refused entry is not read at all");
    }

    @Test
    void anEntryWhoseDeclaredSizeLiesIsStoppedWhileInflating() throws IOException {
        Path zip = dir.resolve("liar.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "StreamingHistory_music_0.json", PLAYS);
            z.putNextEntry(new ZipEntry("StreamingHistory_music_1.json"));
            StringBuilder s = new StringBuilder("[");
            String record = "{\"endTime\":\"2021-03-12 01:14\",\"artistName\":\"Air\",\"trackName\":\"Sexy Boy\","
                    + "\"msPlayed\":300000},";
            while (s.length() < 3 * ZipExpansionLimit.FREE_BYTES) {
                s.append(record);
            }
            z.write(s.append("{}]").toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        // Make the central directory claim the second entry expands to 1,000 bytes: its sizes are no longer true.
        int patched = 0;
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                int nameLength = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
                String name = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
                if (name.equals("StreamingHistory_music_1.json")) {
                    int size = 1000;
                    bytes[i + 24] = (byte) size;
                    bytes[i + 25] = (byte) (size >> 8);
                    bytes[i + 26] = 0;
                    bytes[i + 27] = 0;
                    patched++;
                }
            }
        }
        assertEquals(1, patched);
        Files.write(zip, bytes);
        ListeningHistory h = reader.read(zip);
        assertTrue(h.plays() >= 2, "the honest entry and what was read before the limit are kept");
        String all = h.report().warnings() + " " + h.report().problems();
        assertTrue(all.contains("liar.zip!/StreamingHistory_music_1.json"), all);
        assertTrue(all.contains("expanded past") || all.contains("unreadable zip entry"), all);
    }

    @Test
    void theCountingStreamStopsAtItsLimit() throws IOException {
        InputStream in = ZipExpansionLimit.counting(new ByteArrayInputStream(new byte[5000]), 4096);
        byte[] buf = new byte[1000];
        int read = 0;
        IOException e = null;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                read += n;
            }
        } catch (ZipExpansionLimit.TooLargeException tooLarge) {
            e = tooLarge;
        }
        assertTrue(e != null && e.getMessage().startsWith("expanded past 4,096 bytes"), String.valueOf(e));
        assertEquals(4000, read, "reading stops at the first read past the limit");
        assertEquals(Optional.empty(), ZipExpansionLimit.refusal(sized(5 << 20, 100_000)), "50x is fine");
        assertTrue(ZipExpansionLimit.refusal(sized(50 << 20, 100_000)).isPresent(), "500x is refused");
        assertEquals(Optional.empty(), ZipExpansionLimit.refusal(sized(900_000, 10)),
                "an entry under 1 MB is never refused");
    }

    private static ZipEntry sized(long size, long compressed) {
        ZipEntry e = new ZipEntry("x.json");
        e.setSize(size);
        e.setCompressedSize(compressed);
        return e;
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    @Test
    void theLibraryIsKeptWhenThePlaysAreSplitInTime() throws IOException {
        write("export/YourLibrary.json", LIBRARY);
        write("export/StreamingHistory_music_0.json", PLAYS);
        ListeningHistory h = reader.read(dir.resolve("export"));
        ListeningHistory before = h.between(Instant.EPOCH, Instant.parse("2021-03-11T00:00:00Z"));
        assertEquals(1, before.plays());
        assertEquals(h.library(), before.library());
        assertEquals(Map.of(), before.report().excluded());
    }
}
