package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.audiu.core.engine.ProgressReporter;
import org.junit.jupiter.api.Test;

/** Progress goes to standard error as plain lines when it is not a terminal, also with --json (issue 18, point 9). */
class ProgressWhenPipedTest {
    @Test
    void recommendWithJsonKeepsStandardOutputCleanAndReportsProgressOnStandardError() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AudiuCli.execute(new String[] {"recommend", "--json", "--limit", "5"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        JsonNode array = new ObjectMapper().readTree(out.toString());
        assertEquals(5, array.size(), "standard output is only the JSON");
        String e = err.toString();
        for (String step : List.of("Loading library", "Training logistic", "Scoring pool")) {
            assertTrue(e.contains(step + " ...") || e.contains(step + " ("), "start of '" + step + "' in: " + e);
            assertTrue(e.matches("(?s).*" + step + ": done.* in [0-9.]+ s.*"), "end of '" + step + "' in: " + e);
        }
        assertTrue(!e.contains("\r") && !e.contains("["), "plain lines, no bar: " + e);
    }

    @Test
    void linesAreThrottledAndCountTheWork() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressReporter progress = ConsoleProgress.lines(new PrintWriter(text), clock::get, 10);
        try (ProgressReporter.Step step = progress.start("Scoring pool", 1000)) {
            for (int i = 0; i < 10; i++) {
                clock.addAndGet(4); // a line every 10 ns: after the 3rd, 5th, 8th and 10th batch
                step.advance(100);
            }
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals("Scoring pool (1,000) ...", lines.get(0));
        assertEquals("Scoring pool: 300 of 1,000 (30%), 0.0 s", lines.get(1));
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("Scoring pool: done, 1,000 of 1,000 (100%) in 0.0 s", lines.get(4));
    }
}
