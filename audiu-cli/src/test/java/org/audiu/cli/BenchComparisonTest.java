package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --compare}: old, new and ratio per figure; more than 1.5x worse is a regression (exit 3). */
class BenchComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode run(double rankSeconds, double heapMb, double forestRate) throws Exception {
        return JSON.readTree("{\"scoring\": [{\"trainer\": \"random-forest\", \"scoring\": {\"tracksPerSecondMean\": "
                + forestRate + "}}], \"endToEnd\": [{\"model\": \"logistic (the default)\", \"rankAfterTraining\": "
                + "{\"secondsMean\": " + rankSeconds + "}, \"peakHeapBytes\": " + heapMb * 1048576 + "}]}");
    }

    @Test
    void aFigureMoreThanOneAndAHalfTimesWorseIsARegression() throws Exception {
        BenchComparison same = BenchComparison.of(run(1.0, 150, 2e6), run(1.4, 200, 1.5e6));
        assertEquals(3, same.rows().size());
        assertFalse(same.regressed(), same.toString());
        BenchComparison slower = BenchComparison.of(run(1.0, 150, 2e6), run(1.6, 150, 2e6));
        assertTrue(slower.regressed());
        BenchComparison lessThroughput = BenchComparison.of(run(1.0, 150, 2e6), run(1.0, 150, 1.2e6));
        assertTrue(lessThroughput.regressed());
        assertEquals(2e6 / 1.2e6, lessThroughput.rows().get(0).worseBy(), 1e-9);
        List<String> lines = new ArrayList<>();
        slower.print(lines::add);
        assertTrue(lines.stream().anyMatch(l -> l.contains("rank 1 pool, logistic") && l.contains("REGRESSION")),
                lines.toString());
    }

    @Test
    void theWholeRecommendAndTheServeLatencyAreComparedToo() throws Exception {
        String template = "{\"recommend114k\": {\"secondsMean\": %s}, \"serveLoad\": {\"latencyMillis\": "
                + "{\"p50\": 400, \"p99\": %s}}}";
        BenchComparison c = BenchComparison.of(JSON.readTree(String.format(template, "6.0", "1000")),
                JSON.readTree(String.format(template, "2.0", "1600")));
        assertEquals(List.of("recommend on the 114k catalogue", "serve latency p50", "serve latency p99"),
                c.rows().stream().map(BenchComparison.Row::figure).toList());
        assertEquals(2.0 / 6.0, c.rows().get(0).worseBy(), 1e-9);
        assertTrue(c.regressed(), "a p99 1.6x the earlier one is a regression");
    }

    @Test
    void figuresInOneRunOnlyAreListedNotCompared() throws Exception {
        JsonNode old = JSON.readTree("{\"scoring\": [{\"trainer\": \"xgboost\", \"scoring\": "
                + "{\"tracksPerSecondMean\": 1000}}]}");
        BenchComparison c = BenchComparison.of(old, run(1.0, 150, 2e6));
        assertEquals(List.of("scoring xgboost"), c.onlyOld());
        assertEquals(3, c.onlyNew().size());
        assertFalse(c.regressed());
    }

    @Test
    void theTwoStagePartIsComparedAndABaselineMadeBeforeItHadOneListsItAsNew() throws Exception {
        String twoStage = "{\"twoStage\": {\"rankAfterTraining\": {\"secondsMean\": %s}, \"peakHeapBytes\": %s}}";
        JsonNode older = JSON.readTree("{\"recommend114k\": {\"secondsMean\": 4.0}}");
        JsonNode now = JSON.readTree(String.format(twoStage, "2.0", 512 * 1048576.0));
        BenchComparison c = BenchComparison.of(older, now);
        assertEquals(List.of("two-stage rank 1 pool", "two-stage peak heap"), c.onlyNew());
        assertEquals(List.of("recommend on the 114k catalogue"), c.onlyOld());
        assertTrue(c.rows().isEmpty());
        assertFalse(c.regressed(), "a figure the baseline lacks is no regression");
        List<String> lines = new ArrayList<>();
        c.print(lines::add);
        assertTrue(String.join("\n", lines).contains("two-stage rank 1 pool"), lines.toString());

        BenchComparison slower = BenchComparison.of(now, JSON.readTree(String.format(twoStage, "3.2",
                512 * 1048576.0)));
        assertEquals(3.2 / 2.0, slower.rows().get(0).worseBy(), 1e-9);
        assertTrue(slower.regressed());
        // a file holding only the two-stage part is a bench output too
        Path file = Files.writeString(tmp.resolve("two-stage.json"), now.toString());
        assertEquals(now, BenchComparison.read(file));
    }

    @Test
    void aFileThatIsNotABenchOutputFailsBeforeMeasuring() throws Exception {
        Path notJson = Files.writeString(tmp.resolve("bad.json"), "not json");
        Path other = Files.writeString(tmp.resolve("other.json"), "{\"pool\": 3}");
        for (Path p : List.of(notJson, other, tmp.resolve("missing.json"))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = AudiuCli.execute(new String[] {"bench", "--compare", p.toString()}, new PrintWriter(out, true),
                    new PrintWriter(err, true));
            assertEquals(AudiuCli.EXIT_BAD_INPUT, exit, err.toString());
            assertTrue(err.toString().contains("--compare " + p), err.toString());
            assertTrue(out.toString().isEmpty(), "nothing measured: " + out);
        }
    }
}
