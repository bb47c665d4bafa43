package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.audiu.cli.GenresCommandTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26 part 2 on a small file shaped like Spotify's 114-genre export: 5 genres x 80 tracks by 60 artists, every
 * fourth track listed again under the next genre. {@code genres evaluate} keeps one row per track, scores a
 * prediction of any of its genres as right and says so (text and JSON), reports top-5, and writes the split it used;
 * {@code genres predict} streams every row.
 */
class GenreMultiLabelTest {
    @TempDir
    static Path tmp;
    static Path csv;

    @BeforeAll
    static void writeCsv() throws Exception {
        Random r = new Random(26);
        StringBuilder sb = new StringBuilder("track_id,artists,album_name,track_name,popularity,duration_ms,explicit,"
                + "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,"
                + "tempo,time_signature,track_genre\n");
        for (int i = 0; i < 400; i++) {
            int g = i % 5;
            String row = String.format(Locale.ROOT, "id%d,Artist %d,Album,Song %d,%d,%d,False,%.3f,%.3f,%d,%.2f,%d,"
                            + "%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,4,", i, i % 60, i, 20 + r.nextInt(60),
                    180000 + r.nextInt(60000), 0.2 + 0.15 * g + 0.08 * r.nextGaussian(),
                    0.9 - 0.15 * g + 0.08 * r.nextGaussian(), r.nextInt(12), -14 + 2 * g + r.nextGaussian(),
                    r.nextInt(2), 0.05 + 0.05 * r.nextDouble(), 0.1 + 0.15 * g + 0.05 * r.nextGaussian(),
                    0.1 * r.nextDouble(), 0.2, r.nextDouble(), 90 + 10 * g + 5 * r.nextGaussian());
            sb.append(row).append("genre-").append(g).append('\n');
            if (i % 4 == 0) {
                sb.append(row).append("genre-").append((g + 1) % 5).append('\n');
            }
        }
        csv = tmp.resolve("tracks_multi.csv");
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }

    private static JsonNode evaluate(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("genres", "evaluate", "--data", csv.toString(),
                "--model", "logistic", "--seeds", "2", "--no-chart", "--json"));
        args.addAll(List.of(extra));
        Result r = GenresCommandTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void evaluateScoresAnyOfATracksGenresAndSaysSo() throws Exception {
        JsonNode all = evaluate();
        assertEquals(400, all.get("rows").asInt(), "one row per track");
        assertEquals("all", all.get("labelRule").asText());
        assertEquals(100, all.get("tracksWithSeveralLabels").asInt());
        assertTrue(all.get("labelNote").asText().contains("a prediction counts as right when it is any of the "
                + "track's labels"), all.get("labelNote").asText());
        double top5 = all.get("top5Accuracy").asDouble();
        assertEquals(1.0, top5, 1e-9, "5 genres: a true genre is always among the 5 most probable");
        JsonNode first = evaluate("--multi-label", "no");
        assertEquals("first", first.get("labelRule").asText());
        assertTrue(first.get("labelNote").asText().endsWith("are scored against the first only"),
                first.get("labelNote").asText());
        assertEquals(400, first.get("rows").asInt());
        assertTrue(all.get("accuracy").asDouble() > first.get("accuracy").asDouble(),
                all.get("accuracy") + " vs " + first.get("accuracy"));
        assertTrue(all.get("macroF1").asDouble() > 0 && all.get("macroF1").asDouble() <= 1);

        Result text = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--model", "logistic",
                "--seeds", "1", "--no-chart");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("multi-label truth: 100 of 400 tracks have several labels"), text.out());
        assertTrue(text.out().contains("top-5     "), text.out());

        Result bad = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--model", "logistic",
                "--multi-label", "maybe", "--no-chart");
        assertTrue(bad.code() != 0, bad.err());
        assertTrue(bad.err().contains("--multi-label takes auto, yes or no"), bad.err());
    }

    @Test
    void writeSplitListsEveryRowOfEverySplitWithItsLabels() throws Exception {
        Path split = tmp.resolve("split.csv");
        JsonNode json = evaluate("--write-split", split.toString());
        List<String> lines = Files.readAllLines(split, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("seed,fold,side,track_id,group,label,labels,danceability,"), lines.get(0));
        assertEquals(1 + 2 * json.get("rows").asInt(), lines.size(), "header + every track for each of 2 seeds");
        Set<String> trainGroups = new HashSet<>();
        Set<String> testGroups = new HashSet<>();
        int several = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (!f[0].equals("42")) {
                continue;
            }
            (f[2].equals("train") ? trainGroups : testGroups).add(f[4]);
            several += f[6].contains("|") ? 1 : 0;
            assertTrue(f[6].startsWith(f[5]), "the training label comes first: " + line);
        }
        assertEquals(100, several);
        trainGroups.retainAll(testGroups);
        assertTrue(trainGroups.isEmpty(), "no artist on both sides: " + trainGroups);
        assertFalse(testGroups.isEmpty());
    }

    @Test
    void predictStreamsEveryRow() throws Exception {
        Path model = tmp.resolve("m.model");
        Result trained = GenresCommandTest.run("genres", "train", "--data", csv.toString(), "--model", "logistic",
                "--out", model.toString());
        assertEquals(0, trained.code(), trained.err());
        Result p = GenresCommandTest.run("genres", "predict", "--model", model.toString(), "--data", csv.toString(),
                "--json", "--limit", "3");
        assertEquals(0, p.code(), p.err());
        JsonNode json = new ObjectMapper().readTree(p.out());
        assertEquals(500, json.get("tracks").asInt(), "every row, repeats included");
        assertEquals(3, json.get("predictions").size());
        assertEquals(500, json.get("labelledRows").asInt());
        assertTrue(json.get("accuracy").asDouble() > 0.2, p.out());
        assertEquals("id0", json.get("predictions").get(0).get("trackId").asText());
    }
}
