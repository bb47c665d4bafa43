package org.audiu.core.eval.playlist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Plugins;

/**
 * audiU itself under evaluation: for each listener, the same pipeline a user runs ({@link RecommendationEngine}:
 * preference scores, listener-relative features, training against negatives sampled from the pool, the trainer
 * chosen by name, the ranked pool with the artist cap), reading the listener's visible tracks as a playlist library
 * and the catalogue as candidate pool and feature provider.
 */
public final class EngineMethod implements ContinuationMethod {
    private final String name;
    private final AudiuConfig config;
    private final Plugins plugins;
    private final EvaluationCatalogue catalogue;
    private final Map<Long, RecommendationEngine> engines = new ConcurrentHashMap<>();

    /**
     * @param config the user's configuration: its scorer, model, engine settings and listener features are used
     *               (each repetition with its own seed); its library, candidates, features chain and sink are
     *               replaced by the evaluation's
     */
    public EngineMethod(String name, AudiuConfig config, Plugins plugins, EvaluationCatalogue catalogue) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        engineFor(config.seed()); // fails now, before any work, on a bad configuration
    }

    @Override
    public String name() {
        return name;
    }

    /** The configuration with the evaluation's sources in place of the user's, and the repetition's seed. */
    static AudiuConfig forEvaluation(AudiuConfig config, long seed) {
        Map<String, String> values = new LinkedHashMap<>();
        config.values().forEach((k, v) -> {
            boolean source = k.equals("library.source") || k.startsWith("library.") || k.equals("candidates.source")
                    || k.startsWith("candidates.") || k.equals("sink") || k.startsWith("sink.")
                    || k.equals("features") || (k.startsWith("features.") && !k.equals("features.columns"));
            if (!source) {
                values.put(k, v);
            }
        });
        values.put("seed", Long.toString(seed));
        return new AudiuConfig(values, config.baseDirectory(), config.origin());
    }

    private RecommendationEngine engineFor(long seed) {
        return engines.computeIfAbsent(seed, s -> RecommendationEngine.fromConfig(forEvaluation(config, s), plugins,
                ProgressReporter.NONE));
    }

    /** The engine of one repetition (for reports: its settings and listener features). */
    public RecommendationEngine engine(long seed) {
        return engineFor(seed);
    }

    @Override
    public List<String> recommend(EvaluationListener listener, int n) {
        RecommendationEngine base = engineFor(listener.seed());
        FeatureProviderChain chain = new FeatureProviderChain(List.of(new NamedFeatureProvider("dataset", catalogue)),
                base.settings().schema());
        RecommendationEngine engine = base.withSources(listener::library, catalogue, chain,
                Map.of("library.source", "evaluation", "candidates.source", "evaluation", "features", "dataset"))
                .withSettings(base.settings().withRecommendations(n));
        return engine.recommend().recommendations().stream().map(r -> r.track().id()).toList();
    }
}
