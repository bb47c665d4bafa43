package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.audiu.cli.AudiuCliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiu train --out} then {@code audiu recommend --recommender} gives a fresh run's list. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "../audiu-examples/config/demo.properties";

    @TempDir
    Path tmp;

    @Test
    void aSavedRecommenderRanksThePoolAsAFreshRunDoes() throws Exception {
        for (String model : new String[] {"logistic", "random-forest"}) {
            Path file = tmp.resolve(model + "/listener.recommender");
            Run train = AudiuCliTest.run("train", "--config", DEMO, "--set", "model=" + model, "--out",
                    file.toString(), "--json");
            assertEquals(0, train.exit(), train.err());
            JsonNode summary = JSON.readTree(train.out());
            assertEquals(model, summary.get("components").get("model").asText());
            assertEquals(150, summary.get("likedExamples").asInt());
            assertTrue(summary.get("holdoutAuc").asDouble() > 0.6, train.out());
            assertTrue(Files.size(file) > 0 && summary.get("bytes").asLong() == Files.size(file));

            Run fresh = AudiuCliTest.run("recommend", "--config", DEMO, "--set", "model=" + model, "--json");
            Run saved = AudiuCliTest.run("recommend", "--config", DEMO, "--set", "model=" + model, "--recommender",
                    file.toString(), "--json");
            assertEquals(0, fresh.exit(), fresh.err());
            assertEquals(0, saved.exit(), saved.err());
            assertEquals(20, JSON.readTree(saved.out()).size());
            assertEquals(JSON.readTree(fresh.out()), JSON.readTree(saved.out()),
                    model + ": the saved recommender gives the fresh run's list, scores and reasons");
        }
    }

    @Test
    void trainNeedsAnOutFileAndRefusesAFolder() {
        Run missing = AudiuCliTest.run("train", "--config", DEMO);
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--out"), missing.err());
        Run folder = AudiuCliTest.run("train", "--config", DEMO, "--out", tmp.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, folder.exit(), folder.err());
        assertTrue(folder.err().contains("is a folder"), folder.err());
    }

    @Test
    void aCorruptRecommenderFileIsACleanErrorNamingIt() throws Exception {
        Path file = tmp.resolve("broken.recommender");
        Files.writeString(file, "not a zip at all");
        Run r = AudiuCliTest.run("recommend", "--config", DEMO, "--recommender", file.toString());
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(file.toAbsolutePath().toString()), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
