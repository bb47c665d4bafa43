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
 * The default features on a file shaped like the public GTZAN librosa feature file: a file-name column, a clip
 * length identical for every row, many non-standard numeric columns, one standard name ({@code tempo}), a constant,
 * a label and no artist column.
 */
class GenreFeatureDefaultsTest {
    static final String[] GENRES = {"blues", "classical", "country", "disco", "jazz"};
    static final List<String> MEASURES = measures();

    @TempDir
    static Path tmp;
    static Path csv;

    static List<String> measures() {
        List<String> out = new ArrayList<>();
        for (String base : List.of("chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff",
                "zero_crossing_rate", "harmony", "perceptr")) {
            out.add(base + "_mean");
            out.add(base + "_var");
        }
        for (int i = 1; i <= 7; i++) {
            out.add("mfcc" + i + "_mean");
            out.add("mfcc" + i + "_var");
        }
        return out; // 30 columns
    }

    @BeforeAll
    static void writeCsv() throws Exception {
        Random r = new Random(11);
        double[][] centre = new double[GENRES.length][MEASURES.size()];
        for (double[] c : centre) {
            for (int j = 0; j < c.length; j++) {
                c[j] = r.nextGaussian();
            }
        }
        StringBuilder sb = new StringBuilder("filename,length," + String.join(",", MEASURES)
                + ",tempo,beats_version,label\n");
        for (int i = 0; i < 400; i++) {
            int g = i % GENRES.length;
            sb.append(String.format(Locale.ROOT, "%s.%05d.wav,661794", GENRES[g], i / GENRES.length));
            for (int j = 0; j < MEASURES.size(); j++) {
                sb.append(String.format(Locale.ROOT, ",%.5f", centre[g][j] + 1.2 * r.nextGaussian()));
            }
            // tempo alone says next to nothing about the genre
            sb.append(String.format(Locale.ROOT, ",%.2f,2,%s%n", 80 + 80 * r.nextDouble(), GENRES[g]));
        }
        csv = tmp.resolve("features_30_sec.csv");
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultUsesTheNonStandardColumnsAndSaysWhy() throws Exception {
        Result r = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--model", "logistic",
                "--seeds", "2", "--no-chart", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> features = new ArrayList<>();
        json.get("features").forEach(f -> features.add(f.asText()));
        List<String> expected = new ArrayList<>(MEASURES);
        expected.add("tempo");
        assertEquals(expected, features);
        assertEquals(31, json.get("featureCount").asInt());
        assertEquals("all-numeric", json.get("featureRule").asText());
        JsonNode dropped = json.get("droppedColumns");
        assertTrue(dropped.get("filename").asText().startsWith("file names"), dropped.toString());
        assertTrue(dropped.get("length").asText().startsWith("a duration identical for every clip"),
                dropped.toString());
        assertTrue(dropped.get("beats_version").asText().startsWith("constant"), dropped.toString());
        assertEquals("the label", dropped.get("label").asText());
        assertTrue(r.err().contains("features (31): chroma_stft_mean, chroma_stft_var, rms_mean, rms_var, "
                + "spectral_centroid_mean, spectral_centroid_var, spectral_bandwidth_mean, spectral_bandwidth_var, "
                + "... (+23 more)"), r.err());
        assertTrue(r.err().contains("warning: only 1 of the 13 standard audio features are columns (tempo); the "
                + "default needs at least 6, so every numeric column is a feature instead"), r.err());
        assertTrue(r.err().contains("warning: dropped filename: file names (e.g. 'blues.00000.wav')"), r.err());
        assertTrue(r.err().contains("warning: dropped length: a duration identical for every clip (661794)"),
                r.err());
        assertTrue(r.err().contains("warning: dropped beats_version: constant (every row is 2)"), r.err());
        assertEquals("random stratified split: no artist or group column (use --group COLUMN)",
                json.get("split").asText());
        assertTrue(json.get("protocol").asText().contains("random stratified 80/20 holdout"), r.out());
        assertTrue(r.err().contains("note: random stratified split: no artist or group column"), r.err());
        double accuracy = json.get("accuracy").asDouble();
        System.out.println("generated librosa-shaped file: accuracy " + accuracy);
        assertTrue(accuracy > 0.7, "chance is 0.2; got " + r.out());
        assertEquals(0, json.get("zeroRecallClasses").size(), r.out());
    }

    @Test
    void excludedFeaturesAreLeftOutAndUnknownOnesFail() throws Exception {
        Result r = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--model", "cart",
                "--seeds", "1", "--no-chart", "--json", "--exclude-features", "tempo,rms_var");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(29, json.get("featureCount").asInt());
        assertFalse(json.get("features").toString().contains("tempo"), r.out());
        assertFalse(json.get("features").toString().contains("rms_var"), r.out());
        assertEquals("excluded with --exclude-features", json.get("droppedColumns").get("tempo").asText());
        assertTrue(r.err().contains("warning: dropped rms_var: excluded with --exclude-features"), r.err());
        Result bad = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--no-chart",
                "--exclude-features", "mood");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--exclude-features names 'mood', which is not a column of"), bad.err());
        assertTrue(bad.err().contains("Its columns are [filename, length, chroma_stft_mean"), bad.err());
    }

    @Test
    void groupKeepsAColumnsValuesOnOneSideAndAnUnknownColumnFails() throws Exception {
        // Group by the genre-and-index prefix of the file name: one group per clip here, named by the user.
        Result r = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--model", "cart",
                "--seeds", "1", "--no-chart", "--json", "--group", "filename");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("filename", json.get("groupedBy").asText());
        assertEquals("grouped by filename split", json.get("split").asText());
        assertTrue(json.get("protocol").asText().contains("grouped by filename 80/20 holdout"), r.out());
        assertFalse(r.err().contains("random stratified"), r.err());
        Result bad = GenresCommandTest.run("genres", "evaluate", "--data", csv.toString(), "--no-chart",
                "--group", "album");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("Group column 'album' is not in"), bad.err());
        assertTrue(bad.err().contains("Its columns are [filename, length"), bad.err());
    }

    @Test
    void compareNamesTheMeasureAndTheWinner() throws Exception {
        Result r = GenresCommandTest.run("genres", "compare", "--data", csv.toString(), "--models", "cart,logistic",
                "--seeds", "1", "--by", "macro-f1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("macro-f1", json.get("rankedBy").asText());
        JsonNode board = json.get("leaderboard");
        assertEquals(board.get(0).get("model").asText(), json.get("best").asText());
        assertTrue(board.get(0).get("macroF1").asDouble() >= board.get(1).get("macroF1").asDouble(), r.out());
        Result text = GenresCommandTest.run("genres", "compare", "--data", csv.toString(), "--models",
                "cart,logistic", "--seeds", "1");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("best by held-out accuracy: "), text.out());
        Result bad = GenresCommandTest.run("genres", "compare", "--data", csv.toString(), "--models", "cart",
                "--by", "f1");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--by must be one of [accuracy, macro-f1]"), bad.err());
    }
}
