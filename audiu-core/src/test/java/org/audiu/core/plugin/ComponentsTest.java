package org.audiu.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.engine.EngineSettings;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsTest {
    @TempDir
    Path tmp;

    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(named("logistic"))
            .withTrainer(named("random-forest")).withTrainer(reading("sgd", "epochs"));

    /** A trainer that reads one parameter, so its known keys are that one. */
    private static TrainerFactory reading(String name, String key) {
        return new TrainerFactory() {
            @Override public String name() { return name; }
            @Override public Trainer create(ComponentConfig config) {
                config.getInt(key, 1, 1, 1000);
                return new CentroidTrainer(config.seed());
            }
        };
    }

    private static TrainerFactory named(String name) {
        return new TrainerFactory() {
            @Override public String name() { return name; }
            @Override public Trainer create(ComponentConfig config) { return new CentroidTrainer(config.seed()); }
        };
    }

    private static Components components(AudiuConfig c) {
        return new Components(c, PLUGINS, EngineSettings.KEYS);
    }

    @Test
    void readsSelectorsParametersAndTrailingComments() throws Exception {
        Path file = tmp.resolve("a.properties");
        Files.writeString(file, "model = logistic   # the trainer\nmodel.epochs = 5\nfeatures = a, b\nseed = 7\n");
        AudiuConfig c = AudiuConfig.load(file);
        Components components = components(c);
        assertEquals("logistic", components.selected(TrainerFactory.KIND));
        assertEquals(List.of("a", "b"), components.selectedList(FeatureProviderFactory.KIND));
        assertEquals(7, c.seed());
        assertEquals("demo", components.selected(LibrarySourceFactory.KIND));
        ComponentConfig model = components.section(TrainerFactory.KIND, "logistic");
        assertEquals(5, model.getInt("epochs", 1));
        assertEquals("model.epochs", model.qualified("epochs"));
        assertEquals(tmp.toAbsolutePath().normalize(), c.baseDirectory());
    }

    @Test
    void unknownTopLevelKeyFailsWithSuggestion() {
        AudiuConfig c = new AudiuConfig(Map.of("recomendations", "5"), tmp, "x.properties");
        ConfigException e = assertThrows(ConfigException.class, components(c)::failOnUnknownKeys);
        assertTrue(e.getMessage().contains("Unknown configuration key [recomendations] in x.properties"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'recommendations'?"), e.getMessage());
    }

    @Test
    void parametersForAProviderOutsideTheChainFail() {
        AudiuConfig c = new AudiuConfig(Map.of("features", "demo", "features.dataset.path", "x.csv"), tmp, "x");
        ConfigException e = assertThrows(ConfigException.class, components(c)::failOnUnknownKeys);
        assertTrue(e.getMessage().contains("feature provider 'dataset', which is not in 'features = demo'"),
                e.getMessage());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolder() {
        AudiuConfig c = new AudiuConfig(Map.of("candidates.path", "data/x.csv"), tmp, "x");
        ComponentConfig cc = components(c).section(CandidateSourceFactory.KIND, "dataset");
        assertEquals(tmp.resolve("data/x.csv").normalize(), cc.getPath("path", null));
    }

    @Test
    void overridesWin() {
        AudiuConfig c = new AudiuConfig(Map.of("model", "random-forest"), tmp, "x").with(Map.of("model", "logistic"));
        assertEquals("logistic", components(c).selected(TrainerFactory.KIND));
    }

    @Test
    void parametersScopedByPluginNameMakeSwitchingOneKey() {
        Map<String, String> values = Map.of("model", "random-forest", "model.trees", "50",
                "model.random-forest.trees", "100", "model.logistic.epochs", "5");
        AudiuConfig c = new AudiuConfig(values, tmp, "x");
        ComponentConfig forest = components(c).section(TrainerFactory.KIND, "random-forest");
        assertEquals(100, forest.getInt("trees", 1), "the scoped value wins over the plain one");
        forest.failOnUnreadKeys(); // model.logistic.* belongs to another trainer: not an error
        ComponentConfig logistic = components(c.with(Map.of("model", "logistic")))
                .section(TrainerFactory.KIND, "logistic");
        assertEquals(5, logistic.getInt("epochs", 1));
        ConfigException e = assertThrows(ConfigException.class, logistic::failOnUnreadKeys);
        assertTrue(e.getMessage().contains("[model.trees]"), "a plain key still applies to whichever model is chosen: "
                + e.getMessage());
    }

    @Test
    void effectiveParametersRecordDefaultsAndGivenValues() {
        AudiuConfig c = new AudiuConfig(Map.of("model.epochs", "5"), tmp, "x");
        ComponentConfig model = components(c).section(TrainerFactory.KIND, "logistic");
        model.getInt("epochs", 1);
        model.getDouble("rate", 0.5, 0, 1);
        model.getList("hidden", List.of("3", "4"));
        assertEquals(Map.of("epochs", "5", "rate", "0.5", "hidden", "3,4"), model.effectiveParameters());
    }

    @Test
    void aTypoInTheParametersOfAnUnselectedTrainerFails() {
        AudiuConfig c = new AudiuConfig(Map.of("model", "random-forest", "model.sgd.epocs", "5"), tmp, "x.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> components(c).create(TrainerFactory.KIND));
        String m = e.getMessage();
        assertTrue(m.contains("[model.sgd.epocs]"), m);
        assertTrue(m.contains("trainer 'sgd'"), m);
        assertTrue(m.contains("not selected (model = random-forest)"), m);
        assertTrue(m.contains("Known keys: [model.sgd.epochs]"), m);
        assertTrue(m.contains("Did you mean 'model.sgd.epochs'?"), m);
    }

    @Test
    void anInvalidValueForAnUnselectedTrainerFails() {
        AudiuConfig c = new AudiuConfig(Map.of("model", "random-forest", "model.sgd.epochs", "0"), tmp, "x");
        ConfigException e = assertThrows(ConfigException.class, () -> components(c).create(TrainerFactory.KIND));
        assertTrue(e.getMessage().contains("'model.sgd.epochs'"), e.getMessage());
        assertTrue(e.getMessage().contains("between 1 and 1000"), e.getMessage());
    }

    @Test
    void knownParametersOfAnUnselectedTrainerAreKeptForWhenItIsSelected() {
        AudiuConfig c = new AudiuConfig(Map.of("model", "random-forest", "model.sgd.epochs", "5"), tmp, "x");
        components(c).create(TrainerFactory.KIND);
        Components switched = components(c.with(Map.of("model", "sgd")));
        assertEquals(5, switched.section(TrainerFactory.KIND, "sgd").getInt("epochs", 1));
    }
}
