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
        assumeTrue(Files.isRegularFile(csv), "Skipping: " + csv.toAbsolutePath() + " is absent (the shared datasets"
                + " sit beside the repository in CI; set -Daudiu.shared.data=DIR to point elsewhere).");
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
    void evaluateHistoryComparesWithTheBaselines() throws Exception {
        Path history = generate("extended", 6_000);
        AudiuCliTest.Run r = AudiuCliTest.run("evaluate", "history", "--data", history.toString(), "--candidates",
                songs().toString(), "--config", CONFIG.toString(), "--set", "model=logistic", "--k", "50", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("targets").asInt() > 0);
        for (String method : new String[] {"audiu", "popularity", "same-artist", "artist-share"}) {
            double recall = json.get("methods").get(method).get("recall").asDouble();
            assertTrue(recall >= 0 && recall <= 1, method + ": " + recall);
        }
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
        assertTrue(r.err().contains("No listening history found in") && r.err().contains("Userdata.json"), r.err());
    }
}
