package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.cli.AudiuCli;
import org.audiu.cli.TwoStageEngine;
import org.audiu.core.AudiuException;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.testkit.PlaylistTestData;
import org.audiu.models.ranking.RankerTraining;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiu serve --ranker FILE} (issue 24): the server ranks with the two stages of {@code recommend --ranker},
 * says which engine ranked in its answers, and fails at start, naming the file, when the ranker is missing, corrupt
 * or trained on another catalogue. A small generated playlist catalogue; a ranker trained on it through {@code
 * audiu ranker train}'s code path.
 */
class ServeTwoStageTest {
    private static final int K = 5;

    @TempDir
    static Path dir;
    static Path ranker;
    static String rankerSha;
    static Path serveConfig;

    @BeforeAll
    static void setUp() throws Exception {
        PlaylistTestData.dataset(dir, "songs", 160, PlaylistTestData.playlists(5, 160, 12, 24));
        Path songs = dir.resolve("songs.csv");
        AudiuConfig training = new AudiuConfig(Map.of("seed", "42", "model", "logistic", "two-stage.ranker.rounds",
                "20"), dir, "test two-stage settings");
        ranker = dir.resolve("ranker.zip");
        rankerSha = RankerTraining.train(songs, training, PlaylistSplitter.standard(), 2).save(ranker);
        serveConfig = dir.resolve("serve.properties");
        Files.writeString(serveConfig, String.join("\n", "seed = 42", "features = dataset",
                "features.dataset.path = songs.csv", "candidates.source = dataset", "candidates.path = songs.csv",
                "two-stage.ranker.rounds = 20", ""));
    }

    private static ServeOptions options(int minModelSeeds, Path rankerFile) {
        return TestServer.fastOptions().withMinModelSeeds(minModelSeeds).withRankerFile(Optional.ofNullable(rankerFile));
    }

    private static ServeApi api(ServeOptions options) {
        return new ServeApi(ServeBackend.fromConfig(AudiuConfig.load(serveConfig), Plugins.fromClasspath(), options),
                options);
    }

    private static Map<String, List<String>> playlist(String id) {
        return Map.of("playlist", List.of(id), "limit", List.of(Integer.toString(K)));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AudiuCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aServedPlaylistListEqualsRecommendRankerForTheSamePlaylistAndModel() throws Exception {
        ServeApi api = api(options(1, ranker));
        ApiViews.RecommendationsView served = api.recommendations(playlist("pl3"));
        assertTrue(served.engine().startsWith("two-stage (ranker ranker.zip, sha256 " + rankerSha.substring(0, 16)),
                served.engine());
        assertTrue(api.info(Map.of()).engine().startsWith("two-stage (ranker ranker.zip"));
        assertEquals("model", served.model().method());
        assertEquals(K, served.recommendations().size());

        // The model the server trained on the playlist's tracks (kept by seeds), saved and handed to the CLI.
        Seeds seeds = new Seeds(List.of(), List.of(), api.backend().catalogue().playlist("pl3"));
        SeedRecommender.Run run = api.backend().recommender().recommend(seeds, K);
        Path own = dir.resolve("pl3.recommender");
        RecommenderFiles.save(run.modelResult().orElseThrow().recommender(), own);
        Path listener = dir.resolve("pl3.properties");
        Files.writeString(listener, String.join("\n", "seed = 42", "library.source = csv-playlist",
                "library.path = songs.csv", "library.playlist = pl3", "features = dataset",
                "features.dataset.path = songs.csv", "candidates.source = dataset", "candidates.path = songs.csv",
                "recommendations = " + K, "two-stage.ranker.rounds = 20", ""));
        Run recommend = cli("recommend", "--config", listener.toString(), "--recommender", own.toString(),
                "--ranker", ranker.toString(), "--json");
        assertEquals(0, recommend.code(), recommend.err());
        JsonNode cli = new ObjectMapper().readTree(recommend.out());
        assertEquals(K, cli.size());
        for (int i = 0; i < K; i++) {
            ApiViews.RecommendationView s = served.recommendations().get(i);
            assertEquals(cli.get(i).get("trackId").asText(), s.track().id(), "rank " + (i + 1));
            assertEquals(cli.get(i).get("score").asDouble(), s.score(), 1e-12, "score of rank " + (i + 1));
            assertEquals(cli.get(i).get("reasons").get(0).asText(), s.reasons().get(0));
            assertTrue(s.reasons().get(0).startsWith("found by "), s.reasons().toString());
        }
        List<String> playlistTracks = api.backend().catalogue().playlist("pl3").orElseThrow().trackIds();
        for (ApiViews.RecommendationView s : served.recommendations()) {
            assertFalse(playlistTracks.contains(s.track().id()), s.track().id() + " is one of the seeds");
        }
    }

    @Test
    void fewSeedsAreRankedByTheRankerWithoutAModelOfTheirOwn() {
        ServeApi api = api(options(SeedRecommender.DEFAULT_MIN_MODEL_SEEDS, ranker));
        List<CatalogueTrack> tracks = List.copyOf(api.backend().catalogue().tracks());
        String seedIds = tracks.get(0).track().id() + "," + tracks.get(1).track().id();
        ApiViews.RecommendationsView served = api.recommendations(Map.of("seeds", List.of(seedIds),
                "limit", List.of(Integer.toString(K))));
        assertEquals(SeedRecommender.RANKER, served.model().method());
        assertTrue(served.engine().startsWith("two-stage (ranker ranker.zip"), served.engine());
        assertEquals(K, served.recommendations().size());
        for (ApiViews.RecommendationView s : served.recommendations()) {
            assertFalse(seedIds.contains(s.track().id()), s.track().id() + " is a seed");
            assertTrue(s.reasons().get(0).startsWith("found by "), s.reasons().toString());
        }
    }

    @Test
    void withoutARankerTheSingleStageEngineRanksAndTheAnswersSaySo() {
        ServeApi api = api(options(1, null));
        ApiViews.RecommendationsView served = api.recommendations(playlist("pl3"));
        assertEquals(TwoStageEngine.SINGLE_STAGE, served.engine());
        assertEquals(TwoStageEngine.SINGLE_STAGE, api.info(Map.of()).engine());
        assertEquals(K, served.recommendations().size());
    }

    @Test
    void theConfiguredRankerFileIsUsedToo() throws Exception {
        Path config = dir.resolve("serve-configured.properties");
        Files.writeString(config, Files.readString(serveConfig) + "two-stage.ranker-file = ranker.zip\n");
        ServeOptions options = options(1, null);
        ServeApi api = new ServeApi(ServeBackend.fromConfig(AudiuConfig.load(config), Plugins.fromClasspath(),
                options), options);
        assertTrue(api.info(Map.of()).engine().startsWith("two-stage (ranker ranker.zip"));
    }

    @Test
    void aMissingCorruptOrForeignRankerFailsAtStartNamingTheFile() throws Exception {
        Path missing = dir.resolve("no-such-ranker.zip");
        AudiuException e = assertThrows(AudiuException.class, () -> api(options(1, missing)));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("ranker train"),
                e.getMessage());

        byte[] bytes = Files.readAllBytes(ranker);
        Path truncated = dir.resolve("truncated-ranker.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(AudiuException.class, () -> api(options(1, truncated)));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());

        // A ranker trained on songs.csv, served over another catalogue: its checksum is not the pool's.
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        PlaylistTestData.dataset(other, "songs", 160, PlaylistTestData.playlists(9, 160, 12, 24));
        Path otherConfig = other.resolve("serve.properties");
        Files.writeString(otherConfig, Files.readString(serveConfig));
        ServeOptions options = options(1, ranker);
        e = assertThrows(AudiuException.class, () -> ServeBackend.fromConfig(AudiuConfig.load(otherConfig),
                Plugins.fromClasspath(), options));
        assertTrue(e.getMessage().contains("was trained on songs.csv") && e.getMessage().contains("ranker train"),
                e.getMessage());

        Run serve = cli("serve", "--config", serveConfig.toString(), "--port", "0", "--ranker", missing.toString(),
                "--genre-model", "logistic");
        assertTrue(serve.code() != 0, "serve with a missing ranker must not start: " + serve.out());
        assertTrue(serve.err().contains(missing.toString()), serve.err());
    }

    /** Plays of the catalogue's first tracks, as Spotify's account data writes them. */
    private static byte[] playsOf(List<CatalogueTrack> tracks) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            records.add(Map.of("endTime", String.format(java.util.Locale.ROOT, "2024-01-%02d 10:%02d", 1 + i % 28,
                    i % 60), "artistName", tracks.get(i).track().mainArtist(), "trackName",
                    tracks.get(i).track().name(), "msPlayed", 180_000));
        }
        return json.writeValueAsBytes(records);
    }

    @Test
    void anUploadRanksWithTheServersRankerAndSaysSo() throws Exception {
        AudiuConfig config = AudiuConfig.load(serveConfig);
        List<CatalogueTrack> played;
        JsonNode twoStage;
        try (TestServer server = TestServer.start(config, options(1, ranker), UploadLimits.defaults(), 0)) {
            played = server.backend().catalogue().tracks().stream().limit(40).toList();
            TestServer.Reply reply = server.post(UploadApi.PATH + "?charts=none", playsOf(played),
                    "application/json");
            assertEquals(200, reply.status(), reply.body());
            twoStage = reply.json();
        }
        assertTrue(twoStage.get("engine").asText().startsWith("two-stage (ranker ranker.zip, sha256 "
                + rankerSha.substring(0, 16)), twoStage.get("engine").asText());
        assertTrue(twoStage.get("recommendations").size() > 0);
        List<String> own = played.stream().map(t -> t.track().id()).toList();
        twoStage.get("recommendations").forEach(r -> assertFalse(own.contains(r.get("track").get("id").asText()),
                "a played track is never recommended"));
        try (TestServer server = TestServer.start(config, options(1, null), UploadLimits.defaults(), 0)) {
            TestServer.Reply reply = server.post(UploadApi.PATH + "?charts=none", playsOf(played),
                    "application/json");
            assertEquals(200, reply.status(), reply.body());
            assertEquals(TwoStageEngine.SINGLE_STAGE, reply.json().get("engine").asText());
        }
    }
}
