package org.audiu.core.spi;

/** Service interface for {@link Trainer}s; config key {@code model}, parameters under {@code model.}. */
public interface TrainerFactory extends PluginFactory<Trainer> {
}
