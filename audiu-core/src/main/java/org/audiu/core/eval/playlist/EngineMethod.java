package org.audiu.core.eval.playlist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.EngineSettings;
import org.audiu.core.engine.PoolSample;
import org.audiu.core.engine.PreparedListener;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.ArtistCap;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.CandidateSource;

/**
 * audiU itself under evaluation: for each listener, the same pipeline a user runs ({@link RecommendationEngine}:
 * preference scores, listener-relative features, training against negatives sampled from the pool, the trainer
 * chosen by name, the ranked pool with the artist cap), reading the listener's visible tracks as a playlist library
 * and the catalogue (or the listener's sampled pool) as candidate pool, with the catalogue as feature provider.
 * With {@code uncappedVariant} it ranks the pool a second time with the same trained recommender and no artist cap
 * (variant {@code NAME@uncapped}), to show what the cap costs.
 */
public final class EngineMethod implements ContinuationMethod {
    /** The cap that is no cap. */
    private static final ArtistCap NO_CAP = ArtistCap.fixed(Integer.MAX_VALUE);

    private final String name;
    private final AudiuConfig config;
    private final Plugins plugins;
    private final EvaluationCatalogue catalogue;
    private final boolean uncappedVariant;
    private final Map<Long, RecommendationEngine> engines = new ConcurrentHashMap<>();

    /**
     * @param config the user's configuration: its scorer, model, engine settings and listener features are used
     *               (each repetition with its own seed); its library, candidates, features chain and sink are
     *               replaced by the evaluation's
     */
    public EngineMethod(String name, AudiuConfig config, Plugins plugins, EvaluationCatalogue catalogue) {
        this(name, config, plugins, catalogue, false);
    }

    /** @param uncappedVariant also report the list without an artist cap */
    public EngineMethod(String name, AudiuConfig config, Plugins plugins, EvaluationCatalogue catalogue,
                        boolean uncappedVariant) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.uncappedVariant = uncappedVariant;
        engineFor(config.seed()); // fails now, before any work, on a bad configuration
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> variantNames() {
        return uncappedVariant ? List.of(name, name + "@uncapped") : List.of(name);
    }

    @Override
    public List<String> variantCaps() {
        return uncappedVariant ? List.of("audiu's", "none") : List.of("audiu's");
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

    /**
     * The artist cap audiU applies to this listener's list of {@code n}: the configured
     * {@code recommendations.per-artist}, grown with the library's top-artist share when adaptive; the baselines'
     * {@code @cap} lists use the same ({@link Baselines#all(EvaluationCatalogue, ListenerArtistCap)}).
     */
    public int artistCap(EvaluationListener listener, int n) {
        EngineSettings settings = engineFor(listener.seed()).settings();
        return settings.artistCap(listener.library().distinctTracks()).perArtist(n);
    }

    @Override
    public List<String> recommend(EvaluationListener listener, int n) {
        return recommendVariants(listener, n).get(0);
    }

    @Override
    public List<List<String>> recommendVariants(EvaluationListener listener, int n) {
        RecommendationEngine engine = engineOf(listener, n);
        PreparedListener prepared = engine.prepare();
        PoolSample sample = engine.samplePool(prepared);
        TrainedRecommender recommender = engine.recommender(prepared, sample, engine.train(prepared, sample));
        List<String> capped = ids(engine, recommender, n);
        return uncappedVariant ? List.of(capped, ids(engine, recommender.withArtistCap(NO_CAP), n))
                : List.of(capped);
    }

    /**
     * The listener's trained model's score of every catalogue position (two-stage recommender, issue 24): the same
     * pipeline as {@link #recommendVariants}, then every pool track that is not excluded for the listener scored in
     * batches ({@link TrainedRecommender#score}); NaN for excluded positions and those outside the pool.
     *
     * @param excluded by catalogue position, the tracks not to score ({@link EvaluationCatalogue#excluded})
     */
    public double[] modelScores(EvaluationListener listener, boolean[] excluded) {
        RecommendationEngine engine = engineOf(listener, 10);
        PreparedListener prepared = engine.prepare();
        PoolSample sample = engine.samplePool(prepared);
        TrainedRecommender recommender = engine.recommender(prepared, sample, engine.train(prepared, sample));
        boolean[] skip = excluded.clone();
        for (int i = 0; i < skip.length; i++) {
            skip[i] |= !listener.pool().contains(i);
        }
        return org.audiu.core.twostage.ModelScores.of(recommender, catalogue, skip);
    }

    private static List<String> ids(RecommendationEngine engine, TrainedRecommender recommender, int n) {
        return engine.rank(recommender, n, -1).recommendations().stream().map(r -> r.track().id()).toList();
    }

    /** The repetition's engine reading this listener's library and pool. */
    private RecommendationEngine engineOf(EvaluationListener listener, int n) {
        RecommendationEngine base = engineFor(listener.seed());
        FeatureProviderChain chain = new FeatureProviderChain(List.of(new NamedFeatureProvider("dataset", catalogue)),
                base.settings().schema());
        CandidateSource pool = listener.pool().isWholeCatalogue() ? catalogue : catalogue.restrictedTo(listener.pool());
        return base.withSources(listener::library, pool, chain,
                Map.of("library.source", "evaluation", "candidates.source", "evaluation", "features", "dataset"))
                .withSettings(base.settings().withRecommendations(n));
    }
}
