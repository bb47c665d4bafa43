package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The genre CLI end to end on a small generated CSV in the music_genre format. */
class GenresCommandTest {
    @TempDir
    static Path tmp;
    static Path csv;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AudiuCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeCsv() throws Exception {
        Random r = new Random(3);
        String[] genres = {"Jazz", "Rock", "Rap"};
        StringBuilder sb = new StringBuilder("instance_id,artist_name,track_name,popularity,acousticness,"
                + "danceability,duration_ms,energy,instrumentalness,key,liveness,loudness,mode,speechiness,tempo,"
                + "obtained_date,valence,music_genre\n");
        for (int i = 0; i < 240; i++) {
            int g = i % 3;
            String artist = genres[g] + " artist " + (i / 3) % 20;
            sb.append(String.format(Locale.ROOT, "%d,%s,Song %d,%d,%.3f,%.3f,%d,%.3f,%.3f,%s,%.3f,%.2f,%s,%.3f,%s,"
                            + "4-Apr,%.3f,%s%n", 10000 + i, artist, i, 30 + 10 * g + r.nextInt(10),
                    0.8 - 0.3 * g + 0.1 * r.nextGaussian(), 0.4 + 0.2 * g + 0.1 * r.nextGaussian(),
                    i % 10 == 0 ? -1 : 200000 + r.nextInt(60000), 0.3 + 0.25 * g + 0.1 * r.nextGaussian(),
                    Math.abs(0.5 - 0.25 * g), new String[] {"C", "A#", "G"}[r.nextInt(3)], 0.2,
                    -12 + 3 * g + r.nextGaussian(), r.nextBoolean() ? "Major" : "Minor",
                    0.05 + 0.1 * g * r.nextDouble(), i % 7 == 0 ? "?" : String.format(Locale.ROOT, "%.1f",
                            100 + 20 * g + 5 * r.nextGaussian()), r.nextDouble(), genres[g]));
        }
        sb.append(",,,,,,,,,,,,,,,,,\n");
        sb.append("99999,Jazz artist 0,Song 0,33,0.8,0.4,210000,0.3,0.5,C,0.2,-12,Major,0.05,100,4-Apr,0.5,Rock\n");
        csv = tmp.resolve("genres.csv");
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void aLatin1FileSaysWhereItIsNotUtf8AndReadsWithCharset() throws Exception {
        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, Files.readString(csv).replace("Song 7,", "Caf\u00e9 7,").getBytes(
                StandardCharsets.ISO_8859_1));
        Result r = run("genres", "evaluate", "--data", latin1.toString(), "--model", "cart", "--seeds", "1",
                "--no-chart");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("is not UTF-8 text") && r.err().contains("0xE9") && r.err().contains("line 9")
                && r.err().contains("--charset ISO-8859-1"), r.err());
        assertFalse(r.err().contains("Input length") || r.err().contains("MalformedInput"), r.err());
        Result ok = run("genres", "evaluate", "--data", latin1.toString(), "--model", "cart", "--seeds", "1",
                "--no-chart", "--charset", "ISO-8859-1");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void aBinaryFileIsNamedForWhatItIs() throws Exception {
        Path zip = tmp.resolve("sheet.csv");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            out.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        Result r = run("genres", "evaluate", "--data", zip.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("is not a UTF-8 text CSV: it is a ZIP archive"), r.err());
    }

    @Test
    void evaluatePrintsMetricsAndWritesTheChart() throws Exception {
        Path chart = tmp.resolve("cm.png");
        Result r = run("genres", "evaluate", "--data", csv.toString(), "--model", "random-forest", "--set",
                "trees=10", "--seeds", "2", "--chart", chart.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("accuracy") && r.out().contains("macro-F1") && r.out().contains("confusion"),
                r.out());
        assertTrue(r.err().contains("1 repeated artist+name rows dropped (1 with another label)"), r.err());
        assertTrue(Files.size(chart) > 1000);
        byte[] png = Files.readAllBytes(chart);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void evaluateJsonHasTheDocumentedFields() throws Exception {
        Result r = run("genres", "evaluate", "--data", csv.toString(), "--model", "logistic", "--set", "epochs=3",
                "--seeds", "1", "--no-chart", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("accuracy").asDouble() > 0.6, r.out());
        assertTrue(json.has("macroF1"));
        assertEquals(3, json.get("perClass").size());
        assertTrue(json.get("perClass").get("Jazz").has("precision"));
        assertTrue(json.get("perClass").get("Jazz").has("recall"));
        assertEquals(3, json.get("confusionMatrix").get("counts").size());
    }

    @Test
    void trainThenPredictWithTheSavedModel() throws Exception {
        Path model = tmp.resolve("genres.model");
        Result t = run("genres", "train", "--data", csv.toString(), "--model", "extra-trees", "--set",
                "model.trees=10", "--out", model.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.exists(model));
        assertTrue(t.out().contains("popularity"), "popularity is a default feature: " + t.out());
        assertFalse(t.out().contains("obtained_date"), t.out());
        Result p = run("genres", "predict", "--model", model.toString(), "--data", csv.toString(), "--json");
        assertEquals(0, p.code(), p.err());
        JsonNode json = new ObjectMapper().readTree(p.out());
        assertEquals(241, json.get("tracks").asInt());
        assertTrue(json.get("accuracy").asDouble() > 0.8);
        String genre = json.get("predictions").get(0).get("genre").asText();
        assertTrue(genre.equals("Jazz") || genre.equals("Rock") || genre.equals("Rap"));
    }

    @Test
    void predictOnDataWithoutTheModelsFeaturesFailsClearly() throws Exception {
        Path model = tmp.resolve("small.model");
        assertEquals(0, run("genres", "train", "--data", csv.toString(), "--model", "cart", "--out",
                model.toString()).code());
        Path other = tmp.resolve("other.csv");
        Files.writeString(other, "track_id,danceability,energy,genre\n1,0.5,0.5,Rock\n");
        Result r = run("genres", "predict", "--model", model.toString(), "--data", other.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("error: The feature(s) [key, loudness"), r.err());
        Path corrupt = tmp.resolve("corrupt.model");
        Files.write(corrupt, java.util.Arrays.copyOf(Files.readAllBytes(model), 100));
        r = run("genres", "predict", "--model", corrupt.toString(), "--data", csv.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("truncated"), r.err());
    }

    @Test
    void featuresMayBeTrackMetadataAndCarryAcrossFileFormats() throws Exception {
        // The spotify_songs layout: track_popularity and a release date instead of popularity.
        StringBuilder sb = new StringBuilder("track_id,track_name,track_artist,track_popularity,"
                + "track_album_release_date,playlist_genre,danceability,energy\n");
        Random r = new Random(5);
        for (int i = 0; i < 90; i++) {
            boolean rock = i % 2 == 0;
            sb.append(String.format(Locale.ROOT, "id%d,Song %d,Artist %d,%d,%d-01-01,%s,%.3f,%.3f%n", i, i, i % 15,
                    rock ? 30 + r.nextInt(20) : 60 + r.nextInt(20), rock ? 1975 + r.nextInt(10) : 2015 + r.nextInt(5),
                    rock ? "rock" : "pop", r.nextDouble(), r.nextDouble()));
        }
        Path songs = tmp.resolve("songs.csv");
        Files.writeString(songs, sb.toString());
        Path model = tmp.resolve("meta.model");
        Result t = run("genres", "train", "--data", songs.toString(), "--features",
                "danceability,energy,popularity,release_year", "--model", "cart", "--out", model.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode summary = new ObjectMapper().readTree(t.out());
        assertEquals("[\"danceability\",\"energy\",\"popularity\",\"release_year\"]",
                summary.get("features").toString());
        Result p = run("genres", "predict", "--model", model.toString(), "--data", songs.toString(), "--json");
        assertEquals(0, p.code(), p.err());
        assertTrue(new ObjectMapper().readTree(p.out()).get("accuracy").asDouble() > 0.95, p.out());
        // Without --features, a file with a release date gets release_year besides popularity, unless told not to.
        Result byDefault = run("genres", "train", "--data", songs.toString(), "--model", "cart", "--out",
                tmp.resolve("defaults.model").toString(), "--json");
        assertEquals(0, byDefault.code(), byDefault.err());
        assertEquals("[\"danceability\",\"energy\",\"popularity\",\"release_year\"]",
                new ObjectMapper().readTree(byDefault.out()).get("features").toString());
        Result withoutYear = run("genres", "train", "--data", songs.toString(), "--model", "cart", "--out",
                tmp.resolve("no-year.model").toString(), "--no-release-year", "--json");
        assertEquals(0, withoutYear.code(), withoutYear.err());
        assertEquals("[\"danceability\",\"energy\",\"popularity\"]",
                new ObjectMapper().readTree(withoutYear.out()).get("features").toString());
        Result bad = run("genres", "evaluate", "--data", songs.toString(), "--features", "danceability,mood",
                "--no-chart");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("[mood]"), bad.err());
    }

    @Test
    void compareRanksTrainersOnTheSameSplits() throws Exception {
        Result r = run("genres", "compare", "--data", csv.toString(), "--models", "logistic,cart,random-forest",
                "--set", "logistic.epochs=3", "--set", "random-forest.trees=10", "--seeds", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode board = new ObjectMapper().readTree(r.out()).get("leaderboard");
        assertEquals(3, board.size());
        for (JsonNode row : board) {
            assertTrue(row.has("accuracy") && row.has("macroF1") && row.has("trainSeconds")
                    && row.has("predictionsPerSecond"), row.toString());
        }
        assertTrue(board.get(0).get("accuracy").asDouble() >= board.get(2).get("accuracy").asDouble());
    }

    @Test
    void badTrainerNamesAndKeysFailBeforeAnyWork() {
        Result r = run("genres", "evaluate", "--data", csv.toString(), "--model", "random-forrest", "--no-chart");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("Did you mean 'random-forest'"), r.err());
        r = run("genres", "compare", "--data", csv.toString(), "--models", "logistic,cart", "--set", "epochs=3");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("logistic.epochs=3"), r.err());
        r = run("genres", "evaluate", "--data", csv.toString(), "--model", "cart", "--set", "dept=3", "--no-chart");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("model.max-depth"), r.err());
    }

    @Test
    void trainIntoAMissingFolderCreatesIt() throws Exception {
        Path model = tmp.resolve("new/models/genres.model");
        Result r = run("genres", "train", "--data", csv.toString(), "--model", "cart", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(model) && Files.size(model) > 0, model.toString());
        Result intoFolder = run("genres", "train", "--data", csv.toString(), "--model", "cart", "--out",
                tmp.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, intoFolder.code());
        assertTrue(intoFolder.err().contains("is a folder"), intoFolder.err());
    }
}
