package org.audiu.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each trainer declares its parameters once, in the config getters: the provenance a model records is exactly what
 * the trainer's config read, defaults included, and survives saving and loading.
 */
class ProvenanceParametersTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath();
    private static final LabelledData DATA = TestData.blobs(3, 30, 3, 8);

    /** Trains {@code name} with the given parameters and checks its provenance against what its config read. */
    static TrainedModel assertProvenanceIsWhatTheConfigRead(String name, Map<String, String> params)
            throws Exception {
        ComponentConfig c = new ComponentConfig("trainer", name, "model.", params, 5, Path.of("."), "test");
        Trainer trainer = PLUGINS.create(TrainerFactory.KIND, name, c);
        TrainedModel model = trainer.train(DATA);
        assertEquals(c.effectiveParameters(), model.provenance().parameters(), name);
        TrainedModel loaded = ModelFiles.fromBytes(model.toBytes(), name + " bytes");
        assertEquals(c.effectiveParameters(), loaded.provenance().parameters(), name + " after loading");
        return model;
    }

    @ParameterizedTest
    @CsvSource({
            "logistic, epochs=3, learning-rate, 0.1",
            "linear, epochs=3, minibatch, auto",
            "logistic-liblinear, cost=0.5, tolerance, 0.01",
            "cart, max-depth=4, min-child-weight, 5.0",
            "xgboost, trees=3, learning-rate, 0.04",
            "random-forest, trees=3, max-features, sqrt",
            "extra-trees, trees=3, bootstrap, false",
    })
    void provenanceHoldsEveryParameterReadWithItsDefault(String name, String given, String defaultKey,
                                                         String defaultValue) throws Exception {
        String[] kv = given.split("=");
        Map<String, String> params = name.equals("xgboost") ? Map.of(kv[0], kv[1], "threads", "1")
                : Map.of(kv[0], kv[1]);
        TrainedModel model = assertProvenanceIsWhatTheConfigRead(name, params);
        Map<String, String> p = model.provenance().parameters();
        assertEquals(kv[1], p.get(kv[0]), p.toString());
        assertEquals(defaultValue, p.get(defaultKey), p.toString());
        assertEquals(name.equals("logistic") || name.equals("linear") || name.equals("logistic-liblinear")
                ? "true" : "false", p.get("standardise"), "preprocessing defaults are recorded too: " + p);
    }

    @ParameterizedTest
    @CsvSource({"voting", "stacking"})
    void ensemblesRecordTheirOwnParametersAndTheirMembersKeysUnderTheirPrefix(String name) throws Exception {
        Map<String, String> params = Map.of("members", "logistic, cart", "logistic.epochs", "3", "cart.max-depth",
                "3");
        TrainedModel model = assertProvenanceIsWhatTheConfigRead(name, params);
        Map<String, String> p = model.provenance().parameters();
        assertEquals("logistic,cart", p.get("members"), p.toString());
        assertEquals("3", p.get("logistic.epochs"), p.toString());
        assertEquals(name.equals("voting") ? "1.0,1.0" : "3", p.get(name.equals("voting") ? "weights" : "folds"),
                p.toString());
    }
}
