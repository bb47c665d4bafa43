package org.audiu.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.preference.PreferenceSignalFactory;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
    /** A second factory that claims the same name as CentroidTrainer.Factory. */
    static final class Impostor implements TrainerFactory {
        @Override public String name() { return "test-centroid"; }
        @Override public Trainer create(ComponentConfig config) { return data -> null; }
    }

    /** A factory that reads one parameter. */
    static final class WithParameter implements TrainerFactory {
        @Override public String name() { return "random-forest"; }
        @Override public Trainer create(ComponentConfig config) {
            config.getInt("trees", 100);
            config.getInt("max-depth", 10);
            return new CentroidTrainer(config.seed());
        }
    }

    @Test
    void unknownNameListsAvailableNamesAndSuggests() {
        PluginRegistry<TrainerFactory> r = PluginRegistry.of(TrainerFactory.KIND, new WithParameter(),
                new CentroidTrainer.Factory());
        ConfigException e = assertThrows(ConfigException.class, () -> r.get("random-forrest", "model"));
        assertTrue(e.getMessage().contains("No trainer named 'random-forrest' (config key 'model')"), e.getMessage());
        assertTrue(e.getMessage().contains("Available: [random-forest, test-centroid]"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'random-forest'?"), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/org.audiu.core.spi.training.TrainerFactory"), e.getMessage());
    }

    @Test
    void unknownNameWithoutCloseMatchHasNoSuggestion() {
        PluginRegistry<TrainerFactory> r = PluginRegistry.of(TrainerFactory.KIND, new WithParameter());
        ConfigException e = assertThrows(ConfigException.class, () -> r.get("zzzzzzzz", "model"));
        assertTrue(!e.getMessage().contains("Did you mean"), e.getMessage());
    }

    @Test
    void duplicateNamesFailNamingBothClasses() {
        ConfigException e = assertThrows(ConfigException.class, () -> PluginRegistry.of(TrainerFactory.KIND,
                new CentroidTrainer.Factory(), new Impostor()));
        assertTrue(e.getMessage().contains(CentroidTrainer.Factory.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(Impostor.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("'test-centroid'"), e.getMessage());
    }

    @Test
    void unknownConfigKeyListsKnownKeys() {
        PluginRegistry<TrainerFactory> r = PluginRegistry.of(TrainerFactory.KIND, new WithParameter());
        ComponentConfig config = new ComponentConfig("trainer", "random-forest", "model.", Map.of("treez", "5"), 1,
                java.nio.file.Path.of("."), "test.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> r.create("random-forest", config));
        assertTrue(e.getMessage().contains("Unknown key [model.treez] for trainer 'random-forest' in test.properties"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Known keys: [model.max-depth, model.trees]"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'model.trees'?"), e.getMessage());
    }

    @Test
    void invalidValueNamesKeyAndExpectation() {
        PluginRegistry<TrainerFactory> r = PluginRegistry.of(TrainerFactory.KIND, new WithParameter());
        ComponentConfig config = new ComponentConfig("trainer", "random-forest", "model.", Map.of("trees", "many"), 1,
                java.nio.file.Path.of("."), "test.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> r.create("random-forest", config));
        assertEquals("Invalid value 'many' for 'model.trees' (trainer 'random-forest') in test.properties: expected an"
                + " integer such as 100.", e.getMessage());
    }

    @Test
    void invalidPluginNameIsRejected() {
        TrainerFactory bad = new TrainerFactory() {
            @Override public String name() { return "Bad Name"; }
            @Override public Trainer create(ComponentConfig config) { return null; }
        };
        assertThrows(ConfigException.class, () -> PluginRegistry.of(TrainerFactory.KIND, bad));
    }

    @Test
    void classpathDiscoveryFindsEveryBuiltInPlugin() {
        Plugins plugins = Plugins.fromClasspath();
        assertTrue(plugins.librarySources().names().containsAll(java.util.List.of("demo", "csv-playlist",
                "listening-history")));
        assertTrue(plugins.candidateSources().names().containsAll(java.util.List.of("demo", "dataset")));
        assertTrue(plugins.featureProviders().names().containsAll(java.util.List.of("demo", "dataset")));
        assertEquals(java.util.List.of("completion", "frequency", "listening-time", "play-count", "play-recency",
                "popularity", "recency", "repeat-days", "skip-rate", "top-artists", "top-tracks"),
                plugins.preferenceSignals().names());
        assertTrue(plugins.preferenceScorers().names().contains("weighted"));
    }

    @Test
    void everyRegisteredSignalAndScorerCreatesWithDefaults() {
        Plugins plugins = Plugins.fromClasspath();
        for (String name : plugins.preferenceSignals().names()) {
            ComponentConfig c = new ComponentConfig("preference signal", name, "", Map.of(), 1,
                    java.nio.file.Path.of("."), "test");
            assertTrue(plugins.create(PreferenceSignalFactory.KIND, name, c) != null);
        }
    }
}
