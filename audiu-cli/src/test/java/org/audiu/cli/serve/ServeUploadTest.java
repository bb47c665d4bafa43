package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.audiu.core.Track;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/recommendations/upload} over the test catalogue with generated exports: the whole flow (report,
 * charts, recommendations with reasons, downloads), the formats it takes, and every limit with its 4xx error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeUploadTest {
    private static final String UPLOAD = UploadApi.PATH;

    private TestServer server;
    private TestServer strict;
    private TestServer rated;
    private List<Track> tracks;
    private byte[] export;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        AudiuConfig config = AudiuConfig.load(TestCatalogue.write(dir, 8));
        server = TestServer.start(config, TestServer.fastOptions(), UploadLimits.defaults().withRate(0), 8);
        // Small limits to reach them with small bodies.
        strict = TestServer.start(config, TestServer.fastOptions(),
                new UploadLimits(UploadLimits.MB, 10, 100, 64 * UploadLimits.MB, 8, 4096, 1, 0, 1000, 0), 0);
        rated = TestServer.start(config, TestServer.fastOptions(), UploadLimits.defaults().withRate(2), 0);
        tracks = server.backend().catalogue().tracks().stream().map(CatalogueTrack::track)
                .filter(t -> t.id().startsWith("demo")).toList();
        export = new SampleExport(tracks, 11).zip(600_000);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (strict != null) {
            strict.close();
        }
        if (rated != null) {
            rated.close();
        }
    }

    @Test
    void aZipAsDownloadedGivesTheReportSixChartsAndRecommendationsWithReasons() throws Exception {
        TestServer.Reply r = server.post(UPLOAD + "?limit=12", export, "application/zip");
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        JsonNode report = body.get("report");
        assertEquals(5000, report.get("plays").asLong(), "600 kB of account data at 120 bytes a play");
        assertEquals(5000, report.get("playsMatched").asLong(), "every generated play is a catalogue track");
        assertEquals(20, report.get("leftOut").get("podcast episodes").asLong());
        assertEquals(60, report.get("savedTracks").asInt());
        assertEquals(60, report.get("savedMatched").asInt());
        assertEquals(2, report.get("playlists").asInt());
        assertEquals(1, report.get("filesNotRead").asInt(), "Userdata.json is personal: never opened");
        assertEquals(12, body.get("recommendations").size());
        Set<String> played = Set.copyOf(tracks.stream().map(Track::id).toList());
        for (JsonNode rec : body.get("recommendations")) {
            assertFalse(rec.get("reasons").isEmpty(), rec.toString());
            assertTrue(played.contains(rec.get("track").get("id").asText()));
        }
        List<String> charts = new ArrayList<>();
        body.get("charts").forEach(c -> charts.add(c.get("name").asText()));
        assertEquals(TasteCharts.NAMES, charts);
        JsonNode artists = body.get("charts").get(1);
        assertEquals(10, artists.get("categories").size(), "top 10 artists");
        JsonNode clock = body.get("charts").get(3);
        double sum = 0;
        for (JsonNode row : clock.get("z")) {
            for (JsonNode v : row) {
                sum += v.asDouble();
            }
        }
        assertEquals(5000, sum, 0.0, "every play in the clock chart once");
        assertFalse(body.has("downloads"), "downloads only on request");
        assertFalse(body.get("charts").get(0).has("image"), "pictures only on request");
    }

    /**
     * Pins what an upload of the generated export answers, the read and match report's counts and every
     * recommendation (id, score, ranking score, reasons): making the upload path faster must not change them. When a
     * change is meant to, write the file again with {@code -Daudiu.pin.write=true} and say why in the commit.
     */
    @Test
    void theSampleExportUploadAnswersAsPinned() throws Exception {
        TestServer.Reply r = server.post(UPLOAD + "?charts=none", export, "application/zip");
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        JsonNode report = body.get("report");
        List<String> lines = new ArrayList<>();
        for (String field : List.of("files", "records", "plays", "songs", "leftOut", "problemCount", "filesNotRead",
                "songsMatched", "playsMatched", "savedTracks", "savedMatched", "playlists", "playlistTracks",
                "playlistTracksMatched")) {
            lines.add(field + "\t" + report.get(field));
        }
        lines.add("liked\t" + body.get("model").get("likedExamples") + "\tnegatives\t"
                + body.get("model").get("negativeExamples") + "\tpool\t" + body.get("model").get("poolSize"));
        for (JsonNode rec : body.get("recommendations")) {
            List<String> reasons = new ArrayList<>();
            rec.get("reasons").forEach(x -> reasons.add(x.asText()));
            lines.add(rec.get("track").get("id").asText() + "\t" + rec.get("score").asDouble() + "\t"
                    + rec.get("rankingScore").asDouble() + "\t" + String.join(" | ", reasons));
        }
        String actual = String.join("\n", lines) + "\n";
        Path file = Path.of("src/test/resources/pinned/upload-sample-export.tsv");
        if (Boolean.getBoolean("audiu.pin.write")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "The upload's answer changed "
                + "(expected: " + file + "). If that is meant, rewrite it with -Daudiu.pin.write=true.");
    }

    @Test
    void chartsComeAsPngOrSvgFromTheChartLibrary() throws Exception {
        TestServer.Reply r = server.post(UPLOAD + "?charts=png", export, "application/zip");
        assertEquals(200, r.status(), r.body());
        for (JsonNode c : r.json().get("charts")) {
            String image = c.get("image").asText();
            assertTrue(image.startsWith("data:image/png;base64,"), c.get("name").asText());
            byte[] png = Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        }
        HttpResponse<byte[]> svg = server.postForBytes(UPLOAD + "?format=svg&chart=clock", export);
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(new String(svg.body(), StandardCharsets.UTF_8).contains("<svg"));
        TestServer.Reply noChart = server.post(UPLOAD + "?format=png", export, "application/zip");
        assertEquals(400, noChart.status());
        assertEquals("chart", noChart.json().get("parameter").asText());
    }

    @Test
    void downloadsAreCsvM3uJsonAndARecommenderTheCliLoads() throws Exception {
        TestServer.Reply csv = server.post(UPLOAD + "?format=csv&limit=5", export, "application/zip");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("audiu-recommendations.csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(String.join(",", UploadDownloads.CSV_COLUMNS), lines.get(0));
        assertEquals(6, lines.size());
        TestServer.Reply m3u = server.post(UPLOAD + "?format=m3u&limit=5", export, "application/zip");
        assertTrue(m3u.body().startsWith("#EXTM3U\n"));
        assertEquals(5, m3u.body().lines().filter(l -> l.startsWith("#EXTINF:")).count());
        HttpResponse<byte[]> file = server.postForBytes(UPLOAD + "?format=recommender", export);
        assertEquals(200, file.statusCode());
        TrainedRecommender loaded = RecommenderFiles.fromBytes(file.body(), "the download",
                getClass().getClassLoader());
        assertNotNull(loaded.model());
        TestServer.Reply inline = server.post(UPLOAD + "?downloads=true&charts=none", export, "application/zip");
        JsonNode d = inline.json().get("downloads");
        assertTrue(d.get("csv").asText().startsWith("rank,track_id,spotify_uri"));
        assertTrue(d.get("m3u").asText().startsWith("#EXTM3U"));
        assertTrue(Base64.getDecoder().decode(d.get("recommenderBase64").asText()).length > 100);
        assertTrue(inline.json().get("charts").isEmpty());
    }

    @Test
    void theJsonFilesThemselvesAListenBrainzExportAndALastFmCsvAreTaken() throws Exception {
        List<SampleExport.File> files = new SampleExport(tracks, 3).files(120_000);
        // Multipart: the export's files, as a visitor picks them.
        String boundary = "audiu-test-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        for (SampleExport.File f : files) {
            String name = f.name().substring(f.name().lastIndexOf('/') + 1);
            form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            form.write(f.bytes());
            form.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        form.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        TestServer.Reply multi = server.post(UPLOAD, form.toByteArray(), "multipart/form-data; boundary=" + boundary);
        assertEquals(200, multi.status(), multi.body());
        assertEquals(1000, multi.json().get("report").get("plays").asLong());
        assertEquals(60, multi.json().get("report").get("savedTracks").asInt());

        Track t = tracks.get(0);
        StringBuilder listens = new StringBuilder();
        StringBuilder scrobbles = new StringBuilder("artist,album,track,date\n");
        for (int i = 0; i < 30; i++) {
            Track p = tracks.get(i % 12);
            listens.append("{\"listened_at\":").append(1_700_000_000L + i * 3600L).append(",\"track_metadata\":")
                    .append("{\"artist_name\":").append(TestServer.JSON.writeValueAsString(p.mainArtist()))
                    .append(",\"track_name\":").append(TestServer.JSON.writeValueAsString(p.name())).append("}}\n");
            scrobbles.append('"').append(p.mainArtist().replace("\"", "\"\"")).append("\",,\"")
                    .append(p.name().replace("\"", "\"\"")).append("\",").append("0").append(i % 9 + 1)
                    .append(" Jan 2024 1").append(i % 10).append(":00\n");
        }
        TestServer.Reply lb = server.post(UPLOAD, listens.toString().getBytes(StandardCharsets.UTF_8),
                "application/octet-stream");
        assertEquals(200, lb.status(), lb.body());
        assertEquals(30, lb.json().get("report").get("plays").asLong(), t.name());
        TestServer.Reply lastFm = server.post(UPLOAD, scrobbles.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertEquals(200, lastFm.status(), lastFm.body());
        assertEquals(30, lastFm.json().get("report").get("plays").asLong());
    }

    @Test
    void aMalformedFileInAGoodZipIsReportedAndTheRestUsed() throws Exception {
        List<SampleExport.File> files = new ArrayList<>(new SampleExport(tracks, 5).files(120_000));
        files.add(new SampleExport.File("MyData/StreamingHistory_music_9.json",
                "[{\"endTime\":\"2024-01-01 10:00\",\"artistName\":\"x\",".getBytes(StandardCharsets.UTF_8)));
        TestServer.Reply r = server.post(UPLOAD, SampleExport.zip(files), "application/zip");
        assertEquals(200, r.status(), r.body());
        JsonNode report = r.json().get("report");
        assertEquals(1000, report.get("plays").asLong());
        assertEquals(1, report.get("problemCount").asLong());
        assertTrue(report.get("problems").get(0).get("file").asText().endsWith("StreamingHistory_music_9.json"));
        assertTrue(report.get("problems").get(0).get("message").asText().contains("truncated JSON"));
    }

    @Test
    void keptRecommendersAreReusedForTheSameUpload() throws Exception {
        TestServer.Reply first = server.post(UPLOAD + "?charts=none&limit=7", export, "application/zip");
        TestServer.Reply second = server.post(UPLOAD + "?charts=none&limit=7", export, "application/zip");
        assertEquals(first.json().get("recommenderKey"), second.json().get("recommenderKey"));
        assertEquals(64, second.json().get("recommenderKey").asText().length(), "a SHA-256");
        assertTrue(second.json().get("model").get("keptRecommenderUsed").asBoolean());
        assertEquals(first.json().get("recommendations"), second.json().get("recommendations"));
    }

    @Test
    void nothingOfAnUploadIsLoggedOrWrittenToDisk() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = list(tmp);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(200, server.post(UPLOAD + "?charts=png&downloads=true", export, "application/zip").status());
            assertEquals(422, server.post(UPLOAD, ("[{\"endTime\":\"2024-01-01 10:00\",\"artistName\":\"Nobody "
                    + "Known\",\"trackName\":\"Secret Song\",\"msPlayed\":100000}]")
                    .getBytes(StandardCharsets.UTF_8), "application/json").status());
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        for (String secret : List.of("Secret Song", "Nobody Known", "StreamingHistory", tracks.get(0).name())) {
            assertFalse(log.contains(secret), "the log names '" + secret + "': " + log);
        }
        Set<Path> after = list(tmp);
        after.removeAll(before);
        assertTrue(after.stream().noneMatch(p -> p.getFileName().toString().startsWith("MultiPart")), after.toString());
    }

    private static Set<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(Collectors.toSet());
        }
    }

    @Test
    void everyLimitIsA4xxThatNamesIt() throws Exception {
        // Upload size: by Content-Length, before the body is read.
        TestServer.Reply big = strict.post(UPLOAD, new byte[(int) UploadLimits.MB + 10], "application/zip");
        assertEquals(413, big.status(), big.body());
        assertEquals("upload-size", big.json().get("limit").asText());
        assertTrue(big.json().get("error").asText().contains("--upload-max-mb"));

        // A zip bomb: 40 MB of zeros in 40 kB, refused by its declared sizes.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("StreamingHistory_music_0.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertLimit(server.post(UPLOAD, bomb.toByteArray(), "application/zip"), 413, "zip-ratio");

        // Too many files in a zip (the strict server takes 10).
        List<SampleExport.File> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(new SampleExport.File("f" + i + ".txt", new byte[] {'x'}));
        }
        assertLimit(strict.post(UPLOAD, SampleExport.zip(many), "application/zip"), 413, "zip-entries");

        // A truncated zip.
        assertLimit(server.post(UPLOAD, Arrays.copyOf(export, export.length / 2), "application/zip"), 400,
                "zip-format");

        // Binary.
        byte[] binary = new byte[5000];
        new java.util.Random(1).nextBytes(binary);
        binary[0] = 0;
        assertLimit(server.post(UPLOAD, binary, "application/octet-stream"), 415, "format");

        // Deep JSON, and a record too long (the strict server: depth 8, records of 4 kB).
        String deep = "[" + "[".repeat(40) + "]".repeat(40) + "]";
        assertLimit(server.post(UPLOAD, deep.getBytes(StandardCharsets.UTF_8), "application/json"), 413,
                "json-depth");
        String longRecord = "[{\"endTime\":\"2024-01-01 10:00\",\"artistName\":\"" + "a".repeat(5000)
                + "\",\"trackName\":\"t\",\"msPlayed\":1000}]";
        assertLimit(strict.post(UPLOAD, longRecord.getBytes(StandardCharsets.UTF_8), "application/json"), 413,
                "json-record");

        // No music at all.
        assertLimit(server.post(UPLOAD, "[]".getBytes(StandardCharsets.UTF_8), "application/json"), 422,
                "no-music");

        // Bad parameters are refused before the body is read.
        TestServer.Reply bad = server.post(UPLOAD + "?charts=gif", export, "application/zip");
        assertEquals(400, bad.status());
        assertEquals("charts", bad.json().get("parameter").asText());
        assertEquals(400, server.post(UPLOAD + "?tz=Mars/Olympus", export, "application/zip").status());
        assertEquals(400, server.post(UPLOAD + "?secret=1", export, "application/zip").status());
    }

    @Test
    void thePerAddressRateLimitAnswers429WithRetryAfter() throws Exception {
        // 2 a minute: the third is refused, whatever the first two were.
        for (int i = 0; i < 2; i++) {
            assertEquals(422, rated.post(UPLOAD, "[]".getBytes(StandardCharsets.UTF_8), "application/json").status());
        }
        TestServer.Reply r = rated.post(UPLOAD, "[]".getBytes(StandardCharsets.UTF_8), "application/json");
        assertLimit(r, 429, "upload-rate");
        assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
    }

    @Test
    void getDescribesTheEndpointAndItsLimits() throws Exception {
        TestServer.Reply r = server.getRaw(UPLOAD);
        assertEquals(200, r.status());
        assertEquals(64, r.json().get("limits").get("uploadMb").asInt());
        assertEquals(UploadApi.SPOTIFY_EXPORT_URL, r.json().get("spotifyExport").asText());
    }

    private static void assertLimit(TestServer.Reply r, int status, String limit) {
        assertEquals(status, r.status(), r.body());
        assertEquals(limit, r.json().get("limit").asText(), r.body());
        assertFalse(r.json().get("error").asText().isBlank());
    }
}
