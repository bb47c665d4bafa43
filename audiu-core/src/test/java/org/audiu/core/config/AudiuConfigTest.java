package org.audiu.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudiuConfigTest {
    @TempDir
    Path tmp;

    @Test
    void missingFileSaysWhereAndWhatToDo() {
        ConfigException e = assertThrows(ConfigException.class, () -> AudiuConfig.load(tmp.resolve("nope.properties")));
        assertTrue(e.getMessage().startsWith("Configuration file not found: "), e.getMessage());
        assertTrue(e.getMessage().contains("nope.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("--config"), e.getMessage());
    }

    @Test
    void invalidSeedIsReported() {
        AudiuConfig c = new AudiuConfig(Map.of("seed", "abc"), tmp, "x");
        ConfigException e = assertThrows(ConfigException.class, c::seed);
        assertTrue(e.getMessage().contains("'seed'"), e.getMessage());
    }

    @Test
    void numericRangesAreChecked() {
        ComponentConfig cc = ComponentConfig.of("engine", "audiu", Map.of("recommendations", "0"), 1);
        ConfigException e = assertThrows(ConfigException.class, () -> cc.getInt("recommendations", 20, 1, 100));
        assertTrue(e.getMessage().contains("between 1 and 100"), e.getMessage());
    }

    @Test
    void choicesSuggest() {
        ComponentConfig cc = ComponentConfig.of("x", "y", Map.of("mode", "fsat"), 1);
        ConfigException e = assertThrows(ConfigException.class, () -> cc.getChoice("mode", "fast",
                List.of("fast", "slow")));
        assertTrue(e.getMessage().contains("Did you mean 'fast'?"), e.getMessage());
    }

    @Test
    void aKeySetTwiceFailsNamingBothLines() throws Exception {
        Path file = tmp.resolve("twice.properties");
        Files.writeString(file, "# comment\nmodel = logistic\nseed = 1\n\nmodel = random-forest\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AudiuConfig.load(file));
        String m = e.getMessage();
        assertTrue(m.contains("'model'"), m);
        assertTrue(m.contains("line 2") && m.contains("line 5"), m);
        assertTrue(m.contains("twice.properties"), m);
    }

    @Test
    void keysAreReadAsPropertiesReadThem() throws Exception {
        Path file = tmp.resolve("ok.properties");
        Files.writeString(file, "! bang comment\nmodel:logistic\nlibrary.genres = Jazz, \\\n    Blues\n"
                + "  seed   42\nscorer.weights.popularity = 0.1   # trailing\nempty =\n");
        AudiuConfig c = AudiuConfig.load(file);
        assertEquals(Map.of("model", "logistic", "library.genres", "Jazz, Blues", "seed", "42",
                "scorer.weights.popularity", "0.1", "empty", ""), c.values());
    }

    @Test
    void aContinuedLineCountsFromItsFirstLine() throws Exception {
        Path file = tmp.resolve("cont.properties");
        Files.writeString(file, "features = a, \\\n  b\nfeatures = c\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AudiuConfig.load(file));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void aFolderIsReportedAsAFolder() {
        ConfigException e = assertThrows(ConfigException.class, () -> AudiuConfig.load(tmp));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertTrue(!e.getMessage().contains("not found"), e.getMessage());
    }
}
