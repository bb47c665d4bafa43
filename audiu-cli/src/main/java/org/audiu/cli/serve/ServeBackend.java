package org.audiu.cli.serve;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.audiu.cli.TwoStageEngine;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueLoader;
import org.audiu.core.catalogue.TrackSearch;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.engine.EngineSettings;
import org.audiu.core.plugin.Components;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.models.genre.GenreModel;
import org.audiu.models.genre.GenreTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the API serves, loaded once: the catalogue and its search, the per-request recommender and the genre
 * classifier. Immutable; safe to share between request threads.
 */
public record ServeBackend(Catalogue catalogue, TrackSearch search, SeedRecommender recommender,
                           Optional<GenreModel> genres) {
    private static final Logger LOG = LoggerFactory.getLogger(ServeBackend.class);

    public ServeBackend {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(genres, "genres");
    }

    /**
     * Loads the catalogue from the configured candidate source and feature chain, creates the configured preference
     * scorer and the chosen trainers, and trains the genre classifier.
     *
     * @throws org.audiu.core.AudiuException for configuration or data problems, before anything is served
     */
    public static ServeBackend fromConfig(AudiuConfig config, Plugins plugins, ServeOptions options) {
        SeedRecommender recommender = seedRecommender(config, plugins, options);
        Catalogue catalogue = recommender.catalogue();
        var genreTrainer = options.genreModel().create(plugins, config.seed());
        Optional<GenreModel> genres = GenreModel.train(catalogue, genreTrainer, new GenreTraining(
                options.genreModel().name(), options.genreModel().parameters(), options.genreHoldout(), config.seed()));
        return new ServeBackend(catalogue, new TrackSearch(catalogue), recommender, genres);
    }

    /**
     * Only the recommender of {@link #fromConfig}: loads the catalogue, creates the configured preference scorer and
     * the chosen recommend trainer (for {@code audiu evaluate seeds}, which needs no genre model).
     */
    public static SeedRecommender seedRecommender(AudiuConfig config, Plugins plugins, ServeOptions options) {
        Components components = new Components(config, plugins, EngineSettings.KEYS);
        components.failOnUnknownKeys();
        EngineSettings configured = EngineSettings.from(components.reservedSection("engine", "audiu"));
        EngineSettings settings = configured.withNegativesPerLiked(
                Math.max(configured.negativesPerLiked(), options.minNegativesPerSeed()));
        PreferenceScorer scorer = components.create(PreferenceScorerFactory.KIND);
        var recommendTrainer = options.recommendModel().create(plugins, config.seed());
        config.get(LibrarySourceFactory.KIND.configKey()).ifPresent(name ->
                LOG.info("serve ignores library.source = {}: visitors bring their own seeds", name));
        Catalogue catalogue = new CatalogueLoader(plugins).load(config, settings.schema());
        Optional<TwoStageEngine> twoStage = twoStage(config, options, catalogue);
        return new SeedRecommender(catalogue, scorer, recommendTrainer, options.recommendModel().name(), settings,
                options.limits().maxLibraryTracks(), options.recommenderCacheSize(), options.minModelSeeds(),
                twoStage);
    }

    /**
     * The two-stage recommender when {@code --ranker FILE} or {@code two-stage.ranker-file} names a ranker: loaded
     * and checked now, so that a missing or corrupt file, a ranker trained on another catalogue, or a pool
     * ({@code candidates.path}) other than the served catalogue fails before anything is served.
     */
    static Optional<TwoStageEngine> twoStage(AudiuConfig config, ServeOptions options, Catalogue catalogue) {
        Optional<Path> file = TwoStageEngine.rankerFile(config, options.rankerFile().orElse(null));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        TwoStageEngine engine = TwoStageEngine.load(config, file.get(), null);
        engine.catalogueMismatch().ifPresent(why -> {
            throw new ConfigException("serve --ranker: " + why + ".");
        });
        var pool = engine.catalogue();
        for (int i = 0; i < pool.size(); i++) {
            String id = pool.track(i).id();
            if (catalogue.track(id).isEmpty()) {
                throw new ConfigException("serve --ranker: the two-stage pool (candidates.path, " + pool.size()
                        + " tracks) holds " + id + ", which the served catalogue (" + catalogue.source() + ", "
                        + catalogue.size() + " tracks) does not: serve a catalogue made of the same file as "
                        + "candidates.path.");
            }
        }
        engine.warmUp();
        LOG.info("serve ranks with the two-stage recommender: {}", engine.engine());
        return Optional.of(engine);
    }
}
