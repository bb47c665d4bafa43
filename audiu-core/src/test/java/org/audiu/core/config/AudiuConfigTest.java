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
    void readsSelectorsParametersAndTrailingComments() throws Exception {
        Path file = tmp.resolve("a.properties");
        Files.writeString(file, "model = logistic   # the trainer\nmodel.epochs = 5\nfeatures = a, b\nseed = 7\n");
        AudiuConfig c = AudiuConfig.load(file);
        assertEquals("logistic", c.selected("model"));
        assertEquals(List.of("a", "b"), c.featureProviders());
        assertEquals(7, c.seed());
        assertEquals("demo", c.selected("library.source"));
        ComponentConfig model = c.component("trainer", "logistic", "model.", null);
        assertEquals(5, model.getInt("epochs", 1));
        assertEquals("model.epochs", model.qualified("epochs"));
        assertEquals(tmp.toAbsolutePath().normalize(), c.baseDirectory());
    }

    @Test
    void unknownTopLevelKeyFailsWithSuggestion() {
        AudiuConfig c = new AudiuConfig(Map.of("recomendations", "5"), tmp, "x.properties");
        ConfigException e = assertThrows(ConfigException.class, c::failOnUnknownKeys);
        assertTrue(e.getMessage().contains("Unknown configuration key [recomendations] in x.properties"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'recommendations'?"), e.getMessage());
    }

    @Test
    void parametersForAProviderOutsideTheChainFail() {
        AudiuConfig c = new AudiuConfig(Map.of("features", "demo", "features.dataset.path", "x.csv"), tmp, "x");
        ConfigException e = assertThrows(ConfigException.class, c::failOnUnknownKeys);
        assertTrue(e.getMessage().contains("feature provider 'dataset', which is not in the chain"), e.getMessage());
    }

    @Test
    void invalidSeedIsReported() {
        AudiuConfig c = new AudiuConfig(Map.of("seed", "abc"), tmp, "x");
        ConfigException e = assertThrows(ConfigException.class, c::seed);
        assertTrue(e.getMessage().contains("'seed'"), e.getMessage());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolder() {
        AudiuConfig c = new AudiuConfig(Map.of("candidates.path", "data/x.csv"), tmp, "x");
        ComponentConfig cc = c.component("candidate source", "dataset", "candidates.", null);
        assertEquals(tmp.resolve("data/x.csv").normalize(), cc.getPath("path", null));
    }

    @Test
    void overridesWin() {
        AudiuConfig c = new AudiuConfig(Map.of("model", "random-forest"), tmp, "x").with(Map.of("model", "logistic"));
        assertEquals("logistic", c.selected("model"));
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
    void parametersScopedByPluginNameMakeSwitchingOneKey() {
        Map<String, String> values = Map.of("model", "random-forest", "model.trees", "50",
                "model.random-forest.trees", "100", "model.logistic.epochs", "5");
        AudiuConfig c = new AudiuConfig(values, tmp, "x");
        ComponentConfig forest = c.component("trainer", "random-forest", "model.", null,
                List.of("random-forest", "logistic"));
        assertEquals(100, forest.getInt("trees", 1), "the scoped value wins over the plain one");
        forest.failOnUnreadKeys(); // model.logistic.* belongs to another trainer: not an error
        ComponentConfig logistic = c.with(Map.of("model", "logistic")).component("trainer", "logistic", "model.",
                null, List.of("random-forest", "logistic"));
        assertEquals(5, logistic.getInt("epochs", 1));
        ConfigException e = assertThrows(ConfigException.class, logistic::failOnUnreadKeys);
        assertTrue(e.getMessage().contains("[model.trees]"), "a plain key still applies to whichever model is chosen: "
                + e.getMessage());
    }
}
