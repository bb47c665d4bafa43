package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.audiu.cli.GenresCommandTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26: on a librosa-shaped file of 10 genres whose {@code length} (samples per clip) takes one value for five
 * genres and another for the other five, as GTZAN's does by recording, {@code length} is left out of the default
 * features with its reason, listed under {@code droppedColumns}, and kept with {@code --keep-features length}; a
 * few-valued column that says nothing about the genre ({@code channels}) stays.
 */
class GenreRecordingArtefactTest {
    static final String[] GENRES = {"blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop",
        "reggae", "rock"};
    static final List<String> MEASURES = GenreFeatureDefaultsTest.measures();

    @TempDir
    static Path tmp;
    static Path csv;

    @BeforeAll
    static void writeCsv() throws Exception {
        Random r = new Random(26);
        double[][] centre = new double[GENRES.length][MEASURES.size()];
        for (double[] c : centre) {
            for (int j = 0; j < c.length; j++) {
                c[j] = r.nextGaussian();
            }
        }
        StringBuilder sb = new StringBuilder("filename,length," + String.join(",", MEASURES)
                + ",tempo,channels,label\n");
        for (int i = 0; i < 500; i++) {
            int g = i % GENRES.length;
            sb.append(String.format(Locale.ROOT, "%s.%05d.wav,%d", GENRES[g], i / GENRES.length,
                    g < 5 ? 661_794 : 661_504));
            for (int j = 0; j < MEASURES.size(); j++) {
                sb.append(String.format(Locale.ROOT, ",%.5f", centre[g][j] + 1.5 * r.nextGaussian()));
            }
            sb.append(String.format(Locale.ROOT, ",%.2f,%d,%s%n", 80 + 80 * r.nextDouble(), 1 + r.nextInt(2),
                    GENRES[g]));
        }
        csv = tmp.resolve("features_30_sec.csv");
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> features(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.get("features").forEach(f -> out.add(f.asText()));
        return out;
    }

    @Test
    void lengthIsLeftOutWithItsReasonAndKeptOnRequest() throws Exception {
        Result r = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--model", "logistic",
                "--seeds", "2", "--no-chart", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> expected = new ArrayList<>(MEASURES);
        expected.add("tempo");
        expected.add("channels");
        assertEquals(expected, features(json));
        String reason = json.get("droppedColumns").get("length").asText();
        System.out.println("droppedColumns.length: " + reason);
        assertTrue(reason.startsWith("a recording artefact, not a measurement: 2 distinct values (661504, 661794) "
                + "in the 500 sampled rows, and those values alone predict the label with accuracy 0.2"), reason);
        assertTrue(reason.contains("rows that train in all 2 splits); keep it with --keep-features length"), reason);
        assertTrue(json.get("droppedColumns").get("filename").asText().startsWith("file names"), r.out());
        assertTrue(r.err().contains("warning: dropped length: a recording artefact, not a measurement"), r.err());
        assertFalse(r.err().contains("dropped channels"), r.err());

        Result kept = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--model", "logistic",
                "--seeds", "2", "--no-chart", "--json", "--keep-features", "length");
        assertEquals(0, kept.code(), kept.err());
        JsonNode keptJson = new ObjectMapper().readTree(kept.out());
        assertTrue(features(keptJson).contains("length"), kept.out());
        assertFalse(keptJson.get("droppedColumns").has("length"), kept.out());
        assertFalse(kept.err().contains("dropped length"), kept.err());
    }

    @Test
    void trainingDropsItTooAndABadKeptNameFails() throws Exception {
        Path model = tmp.resolve("genres.model");
        Result r = GenresCommandTest.run("genres", "train", "--data", csv.toString(), "--model", "logistic",
                "--out", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(features(json).contains("length"), r.out());
        assertTrue(json.get("droppedColumns").get("length").asText().contains("(on all 500 rows (nothing is held "
                + "out))"), r.out());
        Result bad = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--no-chart",
                "--keep-features", "duration");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--keep-features names 'duration', which is not a column of"), bad.err());
        assertTrue(bad.err().contains("Its columns are [filename, length"), bad.err());
    }
}
