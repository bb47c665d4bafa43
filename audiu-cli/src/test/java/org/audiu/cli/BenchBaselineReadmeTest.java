package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's speed table is what {@link BenchBaselineTable} writes from the committed {@code docs/bench-baseline.json}
 * (one {@code ./audiu bench --json} run), so a figure there cannot go stale. After a new baseline, write the table
 * again with {@code -Daudiu.readme.write=true} (CONTRIBUTING.md).
 */
class BenchBaselineReadmeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeSpeedTableIsTheCommittedBaselines() throws IOException {
        Path baselineFile = ROOT.resolve("docs/bench-baseline.json");
        JsonNode baseline = JSON.readTree(baselineFile.toFile());
        // The committed file is a whole bench run: the --compare reader takes it, and every part was measured.
        BenchComparison.read(baselineFile);
        for (String part : new String[] {"scoring", "endToEnd", "recommend114k", "serveLoad"}) {
            assertTrue(baseline.has(part), "docs/bench-baseline.json lacks '" + part + "': write it with one whole "
                    + "'./audiu bench --json > docs/bench-baseline.json' run");
        }
        Path readmeFile = ROOT.resolve("README.md");
        String readme = Files.readString(readmeFile, StandardCharsets.UTF_8);
        String expected = BenchBaselineTable.replaceIn(readme, baseline);
        if (Boolean.getBoolean("audiu.readme.write")) {
            Files.writeString(readmeFile, expected, StandardCharsets.UTF_8);
            readme = expected;
        }
        assertEquals(expected, readme, "README.md's speed table differs from docs/bench-baseline.json; write it "
                + "again: mvn -B -ntp -pl audiu-cli test -Dtest=BenchBaselineReadmeTest -Daudiu.readme.write=true");
    }

    @Test
    void eachPartBecomesARowWithItsGoal() throws IOException {
        JsonNode run = JSON.readTree("""
                {"pool": 1000000, "cores": 2, "java": "17.0.9", "measured": "2026-12-07",
                 "scoring": [{"trainer": "logistic", "scoring": {"tracksPerSecondMean": 5340000.0}},
                             {"trainer": "random-forest", "scoring": {"tracksPerSecondMean": 660000.0},
                              "goalTracksPerSecond": 2000000.0, "goalMet": false}],
                 "endToEnd": [{"jvm": "-Xmx512m", "model": "logistic (the default)", "peakHeapBytes": 201326592,
                               "goalHeapBytes": 268435456,
                               "rankAfterTraining": {"secondsMean": 0.82, "goalSeconds": 0.5, "goalMet": false}}],
                 "recommend114k": {"runs": 2, "recommendations": 20, "secondsMean": 7.16, "goalSeconds": 2.0,
                                   "goalMet": false},
                 "serveLoad": {"config": "audiu-examples/config/spotify-songs-playlist.properties", "requests": 400,
                               "byPlaylist": 300, "bySeeds": 100, "concurrency": 8, "errors": 0,
                               "latencyMillis": {"p50": 512.0, "p95": 1234.0, "p99": 1362.0},
                               "goalP99Millis": 500.0, "goalMet": false}}
                """);
        String table = BenchBaselineTable.markdown(run);
        assertTrue(table.startsWith("Measured by one `./audiu bench --json` run on 2 cores, Java 17.0.9, 2026-12-07."),
                table);
        assertTrue(table.contains("| scoring throughput, 1 M generated tracks, tracks/s | logistic 5.34 M, "
                + "random-forest 660 k | random-forest 2.00 M (**not met**) |"), table);
        assertTrue(table.contains("logistic (the default) 0.82 s, heap peak 192 MB | logistic (the default) 0.5 s "
                + "(**not met**), heap 256 MB |"), table);
        assertTrue(table.contains("| 7.16 s (mean of 2 runs, 20 recommendations) | 2.0 s (**not met**) |"), table);
        assertTrue(table.contains("`spotify-songs-playlist.properties`: 400 distinct recommendation requests (300 by "
                + "playlist, 100 by 3-8 seeds), 8 at a time | p50 512 ms, p95 1234 ms, p99 1362 ms; 0 errors | "
                + "p99 500 ms, no error (**not met**) |"), table);
        assertEquals(6, table.lines().filter(l -> l.startsWith("|")).count(), table);
    }

    @Test
    void theTwoStagePartIsARowWhenTheRunHasItAndNoneInABaselineMadeBeforeIt() throws IOException {
        JsonNode run = JSON.readTree("""
                {"pool": 1000000, "cores": 2, "java": "17",
                 "twoStage": {"jvm": "-Xmx4g", "pool": 1000000, "peakHeapBytes": 3221225472,
                              "residentHeapBytes": 2147483648, "goalHeapBytes": 268435456, "heapGoalMet": false,
                              "rankAfterTraining": {"secondsMean": 4.25, "goalSeconds": 0.5, "goalMet": false}}}
                """);
        String table = BenchBaselineTable.markdown(run);
        assertTrue(table.contains("| two-stage ranking of a generated 1 M-track playlist catalogue held in memory, "
                + "after training (JVM -Xmx4g) | 4.25 s, heap peak 3072 MB (resident catalogue 2048 MB) | 0.5 s "
                + "(**not met**), heap 256 MB (**not met**) |"), table);
        String older = BenchBaselineTable.markdown(JSON.readTree("{\"pool\": 1000000, \"cores\": 2, "
                + "\"recommend114k\": {\"runs\": 2, \"recommendations\": 20, \"secondsMean\": 7.16}}"));
        assertFalse(older.contains("two-stage"), older);
        assertEquals(3, older.lines().filter(l -> l.startsWith("|")).count(), older);
    }

    @Test
    void aPartTheRunSkippedHasNoRow() throws IOException {
        JsonNode run = JSON.readTree("""
                {"pool": 200000, "cores": 2, "java": "17",
                 "serveLoad": {"skipped": "absent"}, "recommend114k": {"skipped": "absent"},
                 "endToEnd": [{"jvm": "-Xmx512m", "model": "random-forest", "peakHeapBytes": 1048576,
                               "rankAfterTraining": {"secondsMean": 1.5, "goalSeconds": 0.8, "goalMet": false}}]}
                """);
        String table = BenchBaselineTable.markdown(run);
        assertTrue(table.contains("ranking a streamed 200,000-track pool"), table);
        assertFalse(table.contains("`audiu serve` on"), table);
        assertFalse(table.contains("spotify_tracks_114k.csv"), table);
        assertEquals(3, table.lines().filter(l -> l.startsWith("|")).count(), table);
    }

    @Test
    void aReadmeWithoutTheMarkersIsRefused() throws IOException {
        JsonNode run = JSON.readTree("{\"pool\": 1}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchBaselineTable.replaceIn("# no table here\n", run));
        assertTrue(e.getMessage().contains(BenchBaselineTable.BEGIN), e.getMessage());
    }
}
