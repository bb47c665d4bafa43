package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.audiu.core.testkit.PlaylistTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-stage recommender from the command line (issue 24): evaluated k-fold with its ablations and stage 1's
 * recall, its ranker trained and saved, {@code recommend} ranking with it and saying which engine ran.
 */
class TwoStageCommandsTest {
    @TempDir
    static Path tmp;
    static Path songs;

    @BeforeAll
    static void data() {
        PlaylistTestData.dataset(tmp, "songs", 160, PlaylistTestData.playlists(5, 160, 12, 24));
        songs = tmp.resolve("songs.csv");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AudiuCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void evaluatePlaylistsReportsTheTwoStageVariantsAndStageOneRecall() throws Exception {
        Run r = run("evaluate", "playlists", "--data", songs.toString(), "--seeds", "1", "--k", "5", "--json",
                "--chart", "none", "--two-stage", "--no-baselines", "--set", "two-stage.folds=3", "--set",
                "two-stage.ranker.rounds=20");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String v : new String[] {"two-stage", "two-stage@uncapped", "two-stage@retrieval-only",
                "two-stage@no-listener-model"}) {
            assertTrue(json.get("two-stage").get(v).get("ndcg@5").isNumber(), v + " in " + r.out());
        }
        JsonNode retrieval = json.get("two-stage-retrieval");
        double recall = retrieval.get("retrieval-recall").asDouble();
        assertTrue(recall > 0 && recall <= 1, "recall " + recall);
        assertEquals(3, retrieval.get("folds").asInt());
        assertEquals("single-stage and two-stage", json.get("engine").asText());
    }

    @Test
    void rankerTrainSavesAChecksummedFileThatRecommendUses() throws Exception {
        Path ranker = tmp.resolve("ranker.zip");
        Run train = run("ranker", "train", "--catalogue", songs.toString(), "--out", ranker.toString(), "--json",
                "--set", "two-stage.ranker.rounds=20", "--set", "model=logistic");
        assertEquals(0, train.code(), train.err());
        JsonNode json = new ObjectMapper().readTree(train.out());
        String sha = json.get("sha256").asText();
        assertEquals(64, sha.length());
        assertTrue(Files.size(ranker) > 0);
        Path config = tmp.resolve("listener.properties");
        Files.writeString(config, String.join("\n", "seed = 42", "library.source = csv-playlist",
                "library.path = songs.csv", "library.playlist = pl3", "features = dataset",
                "features.dataset.path = songs.csv", "candidates.source = dataset", "candidates.path = songs.csv",
                "model = logistic", "recommendations = 5", ""));
        Run two = run("recommend", "--config", config.toString(), "--ranker", ranker.toString());
        assertEquals(0, two.code(), two.err());
        assertTrue(two.out().contains("engine: two-stage (ranker ranker.zip, sha256 " + sha.substring(0, 16)),
                two.out());
        Run one = run("recommend", "--config", config.toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("engine: single-stage"), one.out());
        assertTrue(two.out().contains("score: the two-stage ranker's score")
                && !two.out().contains("score: the log-odds"),
                "the score line describes the ranker's score: " + two.out());
        assertTrue(one.out().contains("score: the log-odds"), one.out());
        // a recommender trained beside the ranker refers to it by checksum, and ranks with it identically
        Path recommender = tmp.resolve("recommender.zip");
        Run trained = run("train", "--config", config.toString(), "--out", recommender.toString(), "--set",
                "two-stage.ranker-file=" + ranker);
        assertEquals(0, trained.code(), trained.err());
        Run saved = run("recommend", "--config", config.toString(), "--recommender", recommender.toString(),
                "--ranker", ranker.toString());
        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.out().contains("engine: two-stage") && !saved.out().contains("another ranker"),
                saved.out());
        assertEquals(saved.out().lines().limit(5).toList(), run("recommend", "--config", config.toString(),
                "--recommender", recommender.toString(), "--ranker", ranker.toString()).out().lines().limit(5)
                .toList());
    }

    @Test
    void aMisspeltTwoStageKeyFailsNamingIt() {
        Run r = run("evaluate", "playlists", "--data", songs.toString(), "--seeds", "1", "--two-stage", "--set",
                "two-stage.candidats=50");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("two-stage.candidats"), r.err());
        Run retriever = run("evaluate", "playlists", "--data", songs.toString(), "--seeds", "1", "--set",
                "two-stage.retrievers=co-membership, artsts");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, retriever.code(), retriever.out());
        assertTrue(retriever.err().contains("artsts") && retriever.err().contains("artists"), retriever.err());
    }
}
