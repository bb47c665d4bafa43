package org.audiu.core.spi.training;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/**
 * Service interface for {@link Trainer}s; config key {@code model}, parameters under {@code model.} or {@code
 * model.<name>.}.
 */
public interface TrainerFactory extends PluginFactory<Trainer> {
    /** The kind: selected by {@code model}, parameters under {@code model.}. */
    PluginKind<TrainerFactory> KIND = new PluginKind<>("trainer", TrainerFactory.class, "model", "model",
            PluginKind.Selection.ONE, "logistic",
            "org.audiu:audiu-models (logistic, random-forest, xgboost, ...) or org.audiu:audiu-models-dl4j "
            + "(mlp)");
}
