package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code recommend --history}, {@code evaluate history} and {@code history generate|read} on synthetic histories
 * drawn from the shared spotify_songs.csv (skipped when it is absent), with the example config.
 */
class HistoryCommandsTest {
    private static final Path CONFIG = Path.of("../audiu-examples/config/listening-history.properties");

    @TempDir
    Path tmp;

    private static Path songs() {
        Path csv = Path.of(System.getProperty("audiu.shared.data", "../../shared/data"), "spotify_songs.csv");
        // The example configuration reads both files as one catalogue.
        for (Path needed : new Path[] {csv, csv.resolveSibling("spotify_tracks_114k.csv")}) {
            assumeTrue(Files.isRegularFile(needed), "Skipping: " + needed.toAbsolutePath() + " is absent (the shared "
                    + "datasets sit beside the repository in CI; set -Daudiu.shared.data=DIR to point elsewhere).");
        }
        return csv;
    }

    private Path generate(String format, int plays) {
        Path out = tmp.resolve(format);
        AudiuCliTest.Run g = AudiuCliTest.run("history", "generate", "--catalogue", songs().toString(), "--format",
                format, "--plays", Integer.toString(plays), "--out", out.toString());
        assertEquals(0, g.exit(), g.err());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "account", "listenbrainz", "lastfm"})
    void recommendLearnsFromEachExportAndPrintsTheReports(String format) throws Exception {
        Path history = generate(format, 4_000);
        AudiuCliTest.Run r = AudiuCliTest.run("recommend", "--history", history.toString(), "--config",
                CONFIG.toString(), "--json", "--limit", "5", "--set", "model=logistic");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("music plays of") && r.err().contains("matched "), r.err());
        JsonNode recs = new ObjectMapper().readTree(r.out());
        assertEquals(5, recs.size());
        assertTrue(recs.toString().contains("you played "), "a reason names the listener's plays: " + recs);
    }

    @Test
    void recommendSaysWhichStageRankedAndTrainsTheSingleStageEngineOnlyToFallBack() throws Exception {
        Path history = generate("extended", 6_000);
        AudiuCliTest.Run two = AudiuCliTest.run("recommend", "--history", history.toString(), "--config",
                CONFIG.toString(), "--limit", "5", "--set", "model=logistic", "--set", "ranker=discovery");
        assertEquals(0, two.exit(), two.err());
        assertTrue(two.out().contains("ranker: two-stage (discovery ranker learned from"), two.out());
        assertTrue(two.out().contains("score: the discovery ranker's probability"), two.out());
        assertTrue(!two.err().contains("Training logistic"), "the single-stage model is not trained: " + two.err());

        AudiuCliTest.Run single = AudiuCliTest.run("recommend", "--history", history.toString(), "--config",
                CONFIG.toString(), "--limit", "5", "--set", "model=logistic", "--set", "ranker=discovery", "--set",
                "ranker.min-positives=1000000");
        assertEquals(0, single.exit(), single.err());
        assertTrue(single.out().contains("ranker: single-stage: the discovery ranker cannot learn"), single.out());
        assertTrue(single.out().contains("model logistic on "), single.out());
        assertTrue(single.err().contains("Training logistic"), single.err());
    }

    @Test
    void evaluateHistoryComparesWithTheBaselines() throws Exception {
        Path history = generate("extended", 6_000);
        AudiuCliTest.Run r = AudiuCliTest.run("evaluate", "history", "--data", history.toString(), "--candidates",
                songs().toString(), "--config", CONFIG.toString(), "--set", "model=logistic", "--k", "50", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode export = json.get("exports").get(0);
        assertTrue(export.get("targets").asInt() > 0);
        // ranker = discovery in the example configuration: audiU is two-stage, the single-stage engine beside it.
        for (String method : new String[] {"audiu", "audiu-single-stage", "popularity", "same-artist",
                "artist-share"}) {
            double recall = export.get("methods").get(method).get("recall").asDouble();
            assertTrue(recall >= 0 && recall <= 1, method + ": " + recall);
            assertEquals(recall, json.get("total").get(method).get("recall").asDouble(), 1e-9,
                    "one export: the total is that export");
        }
    }

    @Test
    void evaluateHistoryTakesSeveralExportsAndTotalsThem() throws Exception {
        Path first = generate("extended", 4_000);
        Path second = generate("account", 4_000);
        Path folder = Files.createDirectories(tmp.resolve("listeners"));
        Files.move(first, folder.resolve("a"));
        Files.move(second, folder.resolve("b"));
        AudiuCliTest.Run r = AudiuCliTest.run("evaluate", "history", "--data", folder.toString(), "--candidates",
                songs().toString(), "--config", CONFIG.toString(), "--set", "model=logistic", "--k", "50", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.get("exports").size(), "a folder of export folders: one row each");
        for (String method : new String[] {"audiu", "same-artist"}) {
            long hits = 0;
            long targets = 0;
            for (JsonNode e : json.get("exports")) {
                hits += e.get("methods").get(method).get("hits").asLong();
                targets += e.get("targets").asLong();
            }
            assertEquals(hits, json.get("total").get(method).get("hits").asLong(), method);
            assertEquals(targets, json.get("total").get(method).get("targets").asLong(), method);
        }
        assertTrue(json.get("audiuAheadOfEveryBaseline").isBoolean());
        AudiuCliTest.Run text = AudiuCliTest.run("evaluate", "history", "--data", folder.resolve("a").toString(),
                "--data", folder.resolve("b").toString(), "--candidates", songs().toString(), "--config",
                CONFIG.toString(), "--set", "model=logistic", "--k", "50");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("total (2 exports)"), text.out());
    }

    @Test
    void evaluateHistoryNamesAMissingExport() {
        AudiuCliTest.Run r = AudiuCliTest.run("evaluate", "history", "--data", tmp.resolve("nowhere").toString(),
                "--candidates", songs().toString(), "--config", CONFIG.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("nowhere") && r.err().contains("does not exist"), r.err());
    }

    @Test
    void aZipWithoutHistoryIsASpecificError() throws Exception {
        Path zip = tmp.resolve("empty.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("Userdata.json"));
            z.write("{}".getBytes());
        }
        AudiuCliTest.Run r = AudiuCliTest.run("history", "read", zip.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("No music found in") && r.err().contains("Userdata.json"), r.err());
    }

    private static final String CSV_HEADER = "track_id,track_name,track_artist,track_popularity,track_album_id,"
            + "track_album_name,track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,"
            + "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,"
            + "duration_ms\n";

    private static String csvRow(String id, String name, String artist) {
        return id + "," + name + "," + artist + ",50,alb,Album,2001-03-12,P,pl,electronic,house,0.7,0.8,5,-5.0,1,"
                + "0.05,0.1,0.2,0.1,0.6,123.0,200000\n";
    }

    @Test
    void historyReadCountsSavedTracksPlaylistsAndPlaysReadAndMatched() throws Exception {
        Path export = tmp.resolve("export");
        Files.createDirectories(export);
        Files.writeString(export.resolve("YourLibrary.json"), """
                {"tracks":[{"artist":"Daft Punk","album":"Discovery","track":"One More Time",
                            "uri":"spotify:track:0DiWol3AO6WpXZgp0goxAV"},
                           {"artist":"Nobody Known","album":"x","track":"Unknown","uri":"spotify:track:1111111111111111111111"}],
                 "artists":[{"name":"Air"}],"bannedArtists":[],"bannedTracks":[]}
                """);
        Files.writeString(export.resolve("Playlist1.json"), """
                {"playlists":[{"name":"Mix","lastModifiedDate":"2021-02-26","items":[
                  {"track":{"trackName":"Digital Love","artistName":"Daft Punk","albumName":"Discovery",
                            "trackUri":"spotify:track:2VEZx7NWsZ1D0eJ4uv5Fym"},"episode":null,"localTrack":null},
                  {"track":null,"episode":null,"localTrack":{"uri":"spotify:local:a"}}]}]}
                """);
        Files.writeString(export.resolve("StreamingHistory_music_0.json"), """
                [{"endTime":"2021-03-10 01:14","artistName":"Air","trackName":"Sexy Boy","msPlayed":320000},
                 {"endTime":"2021-03-11 01:14","artistName":"Air","trackName":"Sexy Boy","msPlayed":320000},
                 {"endTime":"2021-03-12 01:14","artistName":"Other","trackName":"Song","msPlayed":320000}]
                """);
        Files.writeString(export.resolve("Userdata.json"), "{\"username\":\"secret\"}");
        Path csv = tmp.resolve("catalogue.csv");
        Files.writeString(csv, CSV_HEADER + csvRow("0DiWol3AO6WpXZgp0goxAV", "One More Time", "Daft Punk")
                + csvRow("cat-digital", "Digital Love", "Daft Punk") + csvRow("cat-sexy", "Sexy Boy", "Air"));

        AudiuCliTest.Run r = AudiuCliTest.run("history", "read", export.toString(), "--catalogue", csv.toString(),
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.get("savedTracks").asInt());
        assertEquals(1, json.get("playlists").asInt());
        assertEquals(2, json.get("playlistItems").asInt());
        assertEquals(1, json.get("playlistTracks").asInt());
        assertEquals(1, json.get("playlistItemsLeftOut").get("localFiles").asInt());
        assertEquals(1, json.get("followedArtists").asInt());
        assertEquals(3, json.get("plays").asInt());
        assertEquals("Userdata.json", json.get("notRead").get(0).asText());
        JsonNode matched = json.get("matched");
        assertEquals(1, matched.get("savedTracks").asInt(), json.toString());
        assertEquals(1, matched.get("savedTracksById").asInt());
        assertEquals(1, matched.get("playlistTracks").asInt(), "Digital Love by name: its id is not the catalogue's");
        assertEquals(0, matched.get("playlistTracksById").asInt());
        assertEquals(1, matched.get("songs").asInt());
        assertEquals(2, matched.get("plays").asInt());

        // The same catalogue split over two files reads as one: the same matches.
        Path first = tmp.resolve("first.csv");
        Path second = tmp.resolve("second.csv");
        Files.writeString(first, CSV_HEADER + csvRow("0DiWol3AO6WpXZgp0goxAV", "One More Time", "Daft Punk"));
        Files.writeString(second, CSV_HEADER + csvRow("cat-digital", "Digital Love", "Daft Punk")
                + csvRow("cat-sexy", "Sexy Boy", "Air"));
        AudiuCliTest.Run two = AudiuCliTest.run("history", "read", export.toString(), "--catalogue", first + ","
                + second, "--json");
        assertEquals(0, two.exit(), two.err());
        assertEquals(matched, new ObjectMapper().readTree(two.out()).get("matched"));
        AudiuCliTest.Run missing = AudiuCliTest.run("history", "read", export.toString(), "--catalogue", first + ","
                + tmp.resolve("absent.csv"));
        assertEquals(AudiuCli.EXIT_BAD_INPUT, missing.exit(), missing.err());
        assertTrue(missing.err().contains("absent.csv"), missing.err());

        AudiuCliTest.Run text = AudiuCliTest.run("history", "read", export.toString(), "--catalogue", csv.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("library: 2 saved tracks, 1 playlist with 1 track (1 local file left out)")
                && text.out().contains("matched 1 of 2 saved tracks (1 by Spotify id) and 1 of 1 playlist tracks")
                && text.out().contains("not read (not about music, never opened): 1 file: Userdata.json"), text.out());
    }

    @Test
    void recommendMergesTheExportWithTheConfiguredLibraryAndRecommendsNothingSavedPlayedOrBanned()
            throws Exception {
        Path csv = songs().toAbsolutePath().normalize();
        String[] base = {"recommend", "--json", "--limit", "10", "--config",
            "../audiu-examples/config/spotify-songs-playlist.properties", "--set", "library.path=" + csv, "--set",
            "features.dataset.path=" + csv, "--set", "candidates.path=" + csv, "--set", "model=logistic"};
        AudiuCliTest.Run before = AudiuCliTest.run(base);
        assertEquals(0, before.exit(), before.err());
        JsonNode recs = new ObjectMapper().readTree(before.out());
        JsonNode saved = recs.get(0);
        JsonNode banned = recs.get(1);
        JsonNode listed = recs.get(2);
        JsonNode played = recs.get(3);
        String bannedArtist = recs.get(4).get("artists").get(0).asText();
        Path export = tmp.resolve("full-export");
        Files.createDirectories(export);
        Files.writeString(export.resolve("YourLibrary.json"), "{\"tracks\":[" + libraryTrack(saved) + "],"
                + "\"bannedTracks\":[" + libraryTrack(banned) + "],\"bannedArtists\":[{\"name\":"
                + new ObjectMapper().writeValueAsString(bannedArtist) + "}]}");
        Files.writeString(export.resolve("Playlist1.json"), "{\"playlists\":[{\"name\":\"Mine\",\"items\":["
                + "{\"track\":{\"trackName\":" + quoted(listed.get("name")) + ",\"artistName\":"
                + quoted(listed.get("artists").get(0)) + ",\"trackUri\":\"spotify:track:"
                + listed.get("trackId").asText() + "\"}},{\"track\":null,\"localTrack\":{\"uri\":\"x\"}}]}]}");
        Files.writeString(export.resolve("StreamingHistory_music_0.json"), "[{\"endTime\":\"2021-03-10 01:14\","
                + "\"artistName\":" + quoted(played.get("artists").get(0)) + ",\"trackName\":"
                + quoted(played.get("name")) + ",\"msPlayed\":300000}]");

        String[] withHistory = java.util.Arrays.copyOf(base, base.length + 2);
        withHistory[base.length] = "--history";
        withHistory[base.length + 1] = export.toString();
        AudiuCliTest.Run after = AudiuCliTest.run(withHistory);
        assertEquals(0, after.exit(), after.err());
        assertTrue(after.err().contains("matched 1 of 1 saved tracks (1 by Spotify id) and 1 of 1 playlist tracks in "
                + "1 playlists (1 by Spotify id)") && after.err().contains("1 of 1 banned tracks"), after.err());
        assertTrue(after.err().contains("1 music plays of 1 songs"), after.err());
        JsonNode now = new ObjectMapper().readTree(after.out());
        assertEquals(10, now.size());
        java.util.Set<String> known = java.util.Set.of(saved.get("trackId").asText(), banned.get("trackId").asText(),
                listed.get("trackId").asText(), played.get("trackId").asText());
        for (JsonNode r : now) {
            assertTrue(!known.contains(r.get("trackId").asText()), "saved, listed, played or banned: " + r);
            for (JsonNode a : r.get("artists")) {
                assertTrue(!a.asText().equalsIgnoreCase(bannedArtist), "by a banned artist: " + r);
            }
        }
        assertTrue(now.toString().length() > 0 && !now.equals(recs), "the export changed the list");

        String[] table = java.util.Arrays.stream(withHistory).filter(a -> !a.equals("--json")).toArray(String[]::new);
        AudiuCliTest.Run text = AudiuCliTest.run(table);
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("from the export: 1 saved tracks (1 matched), 1 playlists with 1 tracks (1 "
                + "matched), 1 plays of 1 songs (1 plays of 1 songs matched)"), text.out());
    }

    private static String quoted(JsonNode text) throws Exception {
        return new ObjectMapper().writeValueAsString(text.asText());
    }

    private static String libraryTrack(JsonNode rec) throws Exception {
        return "{\"artist\":" + quoted(rec.get("artists").get(0)) + ",\"track\":" + quoted(rec.get("name"))
                + ",\"album\":\"\",\"uri\":\"spotify:track:" + rec.get("trackId").asText() + "\"}";
    }
}
