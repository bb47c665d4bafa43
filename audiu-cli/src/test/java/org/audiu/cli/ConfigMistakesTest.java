package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.EngineAssembly;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in a configuration or a path that used to pass silently or with the wrong message (issue 18, point 6). */
class ConfigMistakesTest {
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

    private static void assertCleanError(Run r, String... expected) {
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "expected '" + e + "' in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private Path config(String text) throws IOException {
        Path file = tmp.resolve("c" + System.nanoTime() + ".properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void everyExampleConfigurationStillAssembles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("../audiu-examples/config"))) {
            files = s.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
        assertTrue(files.size() >= 3, files.toString());
        for (Path f : files) {
            EngineAssembly.fromConfig(AudiuConfig.load(f), Plugins.fromClasspath(), ProgressReporter.NONE);
        }
    }

    @Test
    void aTypoInAnUnselectedTrainerIsAnError() throws IOException {
        Path c = config("model = random-forest\nmodel.logistic.epocs = 30\n");
        assertCleanError(run("recommend", "--config", c.toString()), "[model.logistic.epocs]", "trainer 'logistic'",
                "not selected (model = random-forest)", "Did you mean 'model.logistic.epochs'?");
    }

    @Test
    void ensembleMembersAndTheirParametersStillWork() throws IOException {
        Path c = config("model = voting\nmodel.voting.members = logistic, cart\nmodel.logistic.epochs = 3\n"
                + "model.voting.cart.max-depth = 4\nmodel.random-forest.trees = 10\n");
        EngineAssembly.fromConfig(AudiuConfig.load(c), Plugins.fromClasspath(), ProgressReporter.NONE);
        Path typo = config("model = voting\nmodel.voting.members = logistic, cart\nmodel.random-forest.treez = 10\n");
        assertCleanError(run("recommend", "--config", typo.toString()), "[model.random-forest.treez]",
                "trainer 'random-forest'", "not selected (model = voting)");
    }

    @Test
    void aTypoInAnUnselectedScorerOrSourceIsAnError() throws IOException {
        assertCleanError(run("recommend", "--config", config("scorer.artist-loyalty.playlist-bonu = 2\n").toString()),
                "[scorer.artist-loyalty.playlist-bonu]", "not selected (scorer = weighted)");
    }

    @Test
    void aKeySetTwiceIsAnErrorNamingBothLines() throws IOException {
        Path c = config("model = logistic\nrecommendations = 5\nmodel = random-forest\n");
        assertCleanError(run("recommend", "--config", c.toString()), "'model' is set twice", "line 1 and line 3");
    }

    @Test
    void aFolderAsConfigIsAFolder() {
        Run r = run("recommend", "--config", tmp.toString());
        assertCleanError(r, "is a folder");
        assertFalse(r.err().contains("not found"), r.err());
    }

    @Test
    void aFolderAsDataIsAFolder() {
        Run genres = run("genres", "evaluate", "--data", tmp.toString());
        assertCleanError(genres, "--data " + tmp.toAbsolutePath(), "is a folder");
        assertFalse(genres.err().contains("not found"), genres.err());
        Run playlists = run("evaluate", "playlists", "--data", tmp.toString());
        assertCleanError(playlists, "is a folder");
        assertFalse(playlists.err().contains("not found"), playlists.err());
    }
}
