package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudiuCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEMO = Path.of("../audiu-examples/config/demo.properties");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AudiuCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertCleanError(Run r, String expected) {
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit(), r.err());
        // Progress lines of the steps that ran before the error may come first (standard error is not a terminal).
        assertTrue(r.err().startsWith("error: ") || r.err().contains("\nerror: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void recommendOnTheEmbeddedDefaultPrintsJson() throws Exception {
        Run r = run("recommend", "--json", "--limit", "7");
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertTrue(array.isArray());
        assertEquals(7, array.size());
        for (JsonNode rec : array) {
            assertTrue(rec.get("trackId").asText().startsWith("demo"));
            assertFalse(rec.get("name").asText().isEmpty());
            assertTrue(rec.get("artists").isArray() && rec.get("artists").size() > 0);
            double score = rec.get("score").asDouble();
            assertTrue(score >= 0 && score <= 1, "score " + score);
            assertEquals(org.audiu.core.Recommendation.logOdds(score), rec.get("rankingScore").asDouble(), 1e-9,
                    "the ranking score is the probability's log-odds");
            assertTrue(rec.get("reasons").isArray() && rec.get("reasons").size() >= 2);
        }
    }

    @Test
    void theTableShowsRankingScoresThatStillOrderTheTopOfTheList() {
        Run r = run("recommend", "--limit", "10");
        assertEquals(0, r.exit(), r.err());
        List<String> scores = java.util.Arrays.stream(r.out().split("\n")).filter(l -> l.matches("\\d+\\s+.*"))
                .map(l -> l.trim().split("\\s+")[1]).toList();
        assertEquals(10, scores.size(), r.out());
        // Before, the probabilities were printed: the top five all read 1.000.
        assertEquals(scores.size(), new java.util.HashSet<>(scores).size(), "every shown score differs: " + scores);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(Double.parseDouble(scores.get(i - 1)) > Double.parseDouble(scores.get(i)), scores.toString());
        }
        assertTrue(r.out().contains("score: the log-odds of the 0..1 preference score"), r.out());
    }

    @Test
    void recommendPrintsAReadableTable() {
        Run r = run("recommend", "--config", DEMO.toString(), "--limit", "5");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("#\\s+score\\s+track\\s+artists\\s+genre\\s+why"), lines[0]);
        // The ranking score: the log-odds of the forest's probability, two decimals (a sure forest: 27.63).
        assertTrue(lines[1].matches("1\\s+-?\\d+\\.\\d{2,6}\\s+.*"), lines[1]);
        assertTrue(r.out().contains("model random-forest on 150 liked tracks"), r.out());
    }

    @Test
    void swappingTheModelKeyChangesTheTrainerAndNothingElse() {
        Plugins plugins = Plugins.fromClasspath();
        AudiuConfig forest = AudiuConfig.load(DEMO);
        AudiuConfig logistic = forest.with(Map.of("model", "logistic"));
        RecommendationResult a = RecommendationEngine.fromConfig(forest, plugins, ProgressReporter.NONE).recommend();
        RecommendationResult b = RecommendationEngine.fromConfig(logistic, plugins, ProgressReporter.NONE).recommend();
        assertEquals("random-forest", a.model().provenance().trainer());
        assertEquals("logistic", b.model().provenance().trainer());
        Map<String, String> ca = new java.util.HashMap<>(a.report().components());
        Map<String, String> cb = new java.util.HashMap<>(b.report().components());
        ca.remove("model");
        cb.remove("model");
        assertEquals(ca, cb);
        assertEquals(a.report().libraryTracks(), b.report().libraryTracks());
        assertEquals(a.report().poolSize(), b.report().poolSize());
        assertEquals(a.report().likedExamples(), b.report().likedExamples());
        assertEquals(a.report().negativeExamples(), b.report().negativeExamples());
    }

    @Test
    void theExampleScorerIsFoundByName() {
        AudiuConfig config = AudiuConfig.load(Path.of("../audiu-examples/config/custom-scorer.properties"));
        RecommendationResult r = RecommendationEngine.fromConfig(config, Plugins.fromClasspath(),
                ProgressReporter.NONE).recommend();
        assertEquals("artist-loyalty", r.report().components().get("scorer"));
        assertEquals(Map.of("artist-loyalty", 1.0), r.report().preferenceWeights());
        assertEquals(15, r.recommendations().size());
    }

    @Test
    void unknownModelNameIsAOneLineErrorWithTheAvailableNames() {
        Run r = run("recommend", "--set", "model=random-forrest");
        assertCleanError(r, "No trainer named 'random-forrest' (config key 'model')");
        assertTrue(r.err().contains("logistic") && r.err().contains("Did you mean 'random-forest'?"), r.err());
    }

    @Test
    void unknownConfigKeyIsAnError() throws Exception {
        Path config = tmp.resolve("typo.properties");
        Files.writeString(config, "model = random-forest\nmodel.treez = 10\n");
        assertCleanError(run("recommend", "--config", config.toString()), "Unknown key [model.treez]");
    }

    @Test
    void missingConfigFileIsAnError() {
        assertCleanError(run("recommend", "--config", tmp.resolve("none.properties").toString()),
                "Configuration file not found");
    }

    @Test
    void invalidValueIsAnError() {
        assertCleanError(run("recommend", "--set", "recommendations=lots"), "Invalid value 'lots' for 'recommendations'");
    }

    @Test
    void poolSmallerThanLimitIsAnError() {
        assertCleanError(run("recommend", "--limit", "9000"), "fewer than recommendations = 9000");
    }

    @Test
    void zeroLimitIsAnError() {
        assertCleanError(run("recommend", "--limit", "0"), "--limit must be at least 1");
    }

    @Test
    void malformedDatasetIsAnErrorNamingTheFile() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "track_id,track_name,track_artist\na,One,Ann\n");
        Path config = tmp.resolve("bad.properties");
        Files.writeString(config, "features = dataset\nfeatures.dataset.path = bad.csv\ncandidates.source = dataset\n"
                + "candidates.path = bad.csv\n");
        assertCleanError(run("recommend", "--config", config.toString()), "has no usable feature column");
    }

    @Test
    void emptyDatasetIsAnError() throws Exception {
        Files.writeString(tmp.resolve("empty.csv"), "");
        Path config = tmp.resolve("empty.properties");
        Files.writeString(config, "candidates.source = dataset\ncandidates.path = empty.csv\n");
        assertCleanError(run("recommend", "--config", config.toString()), "is empty or has no header");
    }

    @Test
    void pluginsListsWhatTheClasspathOffers() throws Exception {
        Run r = run("plugins", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode all = JSON.readTree(r.out());
        assertTrue(all.get("model").has("random-forest") && all.get("model").has("logistic"));
        assertTrue(all.get("scorer").has("artist-loyalty") && all.get("scorer").has("weighted"));
        assertTrue(all.get("library.source").has("demo"));
    }

    @Test
    void helpEverywhere() {
        for (String[] args : new String[][] {{"--help"}, {"recommend", "--help"}, {"plugins", "--help"}}) {
            Run r = run(args);
            assertEquals(0, r.exit());
            assertTrue(r.out().contains("Usage: audiu"), r.out());
        }
    }

    @Test
    void recommendsFromARealPlaylistOfTheSharedDataset() throws Exception {
        Path csv = Path.of(System.getProperty("audiu.shared.data", "../../shared/data"), "spotify_songs.csv");
        assumeTrue(Files.isRegularFile(csv), "Skipping: " + csv.toAbsolutePath() + " is absent (the shared datasets"
                + " sit beside the repository in CI; set -Daudiu.shared.data=DIR to point elsewhere).");
        Run r = run("recommend", "--config", "../audiu-examples/config/spotify-songs-playlist.properties", "--set",
                "library.path=" + csv.toAbsolutePath(), "--set", "features.dataset.path=" + csv.toAbsolutePath(),
                "--set", "candidates.path=" + csv.toAbsolutePath(), "--json", "--limit", "10");
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertEquals(10, array.size());
    }

    @Test
    void aFeatureMissingEverywhereIsAnErrorNamingIt() throws Exception {
        StringBuilder csv = new StringBuilder("track_id,track_name,track_artist,playlist_id,energy,tempo\n");
        for (int i = 0; i < 200; i++) {
            csv.append("t").append(i).append(",Song ").append(i).append(",A").append(i % 20).append(",p")
                    .append(i < 30 ? "1" : "2").append(',').append((i % 10) / 10.0).append(",?\n");
        }
        Files.writeString(tmp.resolve("nan.csv"), csv.toString());
        Path config = tmp.resolve("nan.properties");
        Files.writeString(config, "library.source = csv-playlist\nlibrary.path = nan.csv\nlibrary.playlist = p1\n"
                + "features = dataset\nfeatures.dataset.path = nan.csv\nfeatures.columns = energy, tempo\n"
                + "candidates.source = dataset\ncandidates.path = nan.csv\nmodel = logistic\n");
        assertCleanError(run("recommend", "--config", config.toString()), "Feature [tempo] missing (NaN) in all");
    }

    @Test
    void sinkKeysWithoutASinkAreAnError() {
        assertCleanError(run("recommend", "--set", "sink.playlist=x"), "no 'sink' is selected");
    }

    @Test
    void everyHelpTextIsAValidFormatString() {
        // picocli formats descriptions with String.format: a lone '%' prints a warning and the raw text.
        java.util.List<String> bad = new java.util.ArrayList<>();
        java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(new picocli.CommandLine(new AudiuCli()));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            java.util.List<String> texts = new java.util.ArrayList<>(
                    java.util.List.of(c.getCommandSpec().usageMessage().description()));
            c.getCommandSpec().options().forEach(o -> texts.addAll(java.util.List.of(o.description())));
            for (String text : texts) {
                try {
                    String.format(java.util.Locale.ROOT, text.replace("${DEFAULT-VALUE}", "x"));
                } catch (java.util.IllegalFormatException e) {
                    bad.add(c.getCommandSpec().qualifiedName() + ": " + text);
                }
            }
        }
        assertTrue(bad.isEmpty(), "escape % as %% in: " + bad);
    }
}
