package org.audiu.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenrePredictBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void theGeneratedFileHasTheFeaturesAndOneRowPerTrack() throws Exception {
        Path f = tmp.resolve("p.csv");
        GenrePredictBenchmark.write(f, 500, 1);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals(501, lines.size());
        assertEquals("track_id,track_name,track_artist," + String.join(",", GenrePredictBenchmark.FEATURES)
                + ",genre", lines.get(0));
        int columns = lines.get(0).split(",").length;
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(columns, line.split(",").length, line);
        }
        GenrePredictBenchmark.write(tmp.resolve("q.csv"), 500, 1);
        assertEquals(lines, Files.readAllLines(tmp.resolve("q.csv"), StandardCharsets.UTF_8), "seeded");
    }

    @Test
    void peakHeapIsReadFromTheGcLog() throws Exception {
        Path log = tmp.resolve("gc.log");
        Files.writeString(log, "[0.1s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2ms\n"
                + "[0.5s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 150M->40M(256M) 5ms\n",
                StandardCharsets.UTF_8);
        assertEquals(150L * 1048576, GenrePredictBenchmark.peakHeapBytes(log, 1));
        assertEquals(40L * 1048576, GenrePredictBenchmark.peakHeapBytes(log, 2));
        assertEquals(0, GenrePredictBenchmark.peakHeapBytes(tmp.resolve("none.log"), 1));
    }
}
