package org.audiu.cli.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.audiu.cli.TwoStageEngine;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Recommendation;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueNeighbours;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.engine.EngineSettings;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.engine.RunReport;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.recommender.RecommenderProvenance;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.training.Trainer;

/**
 * Recommends from a visitor's seeds, by one of two methods chosen by how many tracks the seeds stand for:
 * <ul>
 *   <li>fewer than {@code minModelSeeds} (a few tracks, one artist): {@link CatalogueNeighbours}, audio and artist
 *   neighbours and playlist co-membership, with no model; a model trained on a handful of rows learns noise and
 *   ties its scores, and its held-out AUC on one or two rows means nothing;</li>
 *   <li>otherwise the audiU engine itself: the seeds become a one-playlist listener library, the catalogue is the
 *   candidate pool and the feature source, and a (fast) trainer learns "sounds like the seeds" against tracks sampled
 *   from the pool, exactly as {@code audiu recommend} does for a whole library. The trained recommender is kept in a
 *   bounded least-recently-used cache by seeds, so the same seeds asked again (with any limit) are ranked without
 *   training again.</li>
 * </ul>
 * With a two-stage ranker ({@code serve --ranker FILE} or {@code two-stage.ranker-file}) the same two stages as {@code
 * audiu recommend --ranker} rank instead ({@link TwoStageEngine}): the retrievers propose candidates from the pool and
 * the ranker orders them, with the model trained on the seeds as its per-listener column, or, below {@code
 * minModelSeeds}, with no model (the ranker reads those columns as missing).
 * Each call is independent and calls may run in parallel; the shared parts (catalogue, neighbours, scorer, trainer,
 * the cache) are immutable, stateless or synchronised.
 */
public final class SeedRecommender {
    private final Catalogue catalogue;
    private final PreferenceScorer scorer;
    private final Trainer trainer;
    private final EngineSettings settings;
    private final Map<String, String> componentNames;
    private final int maxLibraryTracks;
    private final int minModelSeeds;
    private final CatalogueNeighbours neighbours;
    private final LruCache<String, TrainedRecommender> trained;
    private final Optional<TwoStageEngine> twoStage;

    /** Method name of {@link CatalogueNeighbours}. */
    public static final String NEIGHBOURS = "neighbours";
    /** Method name of a model trained on the seeds. */
    public static final String MODEL = "model";
    /** Method name of the two-stage ranker without a model of the seeds (too few seeds to train one). */
    public static final String RANKER = "ranker";
    /** Seeds standing for fewer tracks than this are ranked by neighbours unless configured otherwise. */
    public static final int DEFAULT_MIN_MODEL_SEEDS = 30;

    /**
     * How a run ranked: by neighbours (no model, no examples), or by a model trained on the seeds.
     *
     * @param holdoutAuc the model's held-out AUC, NaN when not measured: the engine measures none on fewer than
     *                   {@link org.audiu.core.engine.PreferenceTraining#MIN_HELD_OUT_LIKED} held-out seeds
     */
    public record Method(String name, String trainer, int likedExamples, int negativeExamples, double holdoutAuc) {
        public Method {
            Objects.requireNonNull(name, "name");
        }

        public boolean isModel() {
            return MODEL.equals(name);
        }
    }

    /**
     * A run's outcome with the library the seeds stood for.
     *
     * @param modelResult the model trained on them with its run, when one was (its list is this run's)
     * @param engine      which engine ranked: {@link TwoStageEngine#engine()} or {@link TwoStageEngine#SINGLE_STAGE}
     */
    public record Run(Seeds seeds, List<CatalogueTrack> library, List<Recommendation> recommendations, Method method,
                      long poolSize, Optional<RecommendationResult> modelResult, long millis, String engine) {
        public Run {
            library = List.copyOf(library);
            recommendations = List.copyOf(recommendations);
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(modelResult, "modelResult");
            Objects.requireNonNull(engine, "engine");
        }
    }

    /**
     * @param settings         engine settings; the number of recommendations is set per call
     * @param trainerName      for the engine's report ("logistic")
     * @param maxLibraryTracks the most tracks a set of seeds may stand for (a big artist or playlist is cut)
     */
    public SeedRecommender(Catalogue catalogue, PreferenceScorer scorer, Trainer trainer, String trainerName,
                           EngineSettings settings, int maxLibraryTracks) {
        this(catalogue, scorer, trainer, trainerName, settings, maxLibraryTracks, 0, DEFAULT_MIN_MODEL_SEEDS);
    }

    /**
     * @param recommenderCache trained recommenders kept by seeds and reused across requests (0: train every time)
     * @param minModelSeeds    seeds standing for fewer tracks are ranked by neighbours (1: always a model)
     */
    public SeedRecommender(Catalogue catalogue, PreferenceScorer scorer, Trainer trainer, String trainerName,
                           EngineSettings settings, int maxLibraryTracks, int recommenderCache, int minModelSeeds) {
        this(catalogue, scorer, trainer, trainerName, settings, maxLibraryTracks, recommenderCache, minModelSeeds,
                Optional.empty());
    }

    /**
     * @param twoStage the two-stage recommender over the same pool; empty: the single-stage engine ranks
     */
    public SeedRecommender(Catalogue catalogue, PreferenceScorer scorer, Trainer trainer, String trainerName,
                           EngineSettings settings, int maxLibraryTracks, int recommenderCache, int minModelSeeds,
                           Optional<TwoStageEngine> twoStage) {
        this.twoStage = Objects.requireNonNull(twoStage, "twoStage");
        if (minModelSeeds < 1) {
            throw new IllegalArgumentException("minModelSeeds must be >= 1, got " + minModelSeeds);
        }
        this.minModelSeeds = minModelSeeds;
        this.trained = new LruCache<>(recommenderCache);
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maxLibraryTracks = maxLibraryTracks;
        Map<String, String> names = new LinkedHashMap<>();
        names.put("library.source", "seeds");
        names.put("features", "catalogue");
        names.put("candidates.source", "catalogue");
        names.put("model", trainerName);
        this.componentNames = Map.copyOf(names);
        this.neighbours = new CatalogueNeighbours(catalogue, CatalogueNeighbours.Settings.defaults(
                settings.perArtist()));
    }

    /** Seeds standing for fewer tracks than this are ranked by neighbours. */
    public int minModelSeeds() {
        return minModelSeeds;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public String trainerName() {
        return componentNames.get("model");
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Which engine ranks: the two-stage recommender's line, or {@link TwoStageEngine#SINGLE_STAGE}. */
    public String engine() {
        return twoStage.map(TwoStageEngine::engine).orElse(TwoStageEngine.SINGLE_STAGE);
    }

    /** The two-stage recommender, when a ranker is configured. */
    public Optional<TwoStageEngine> twoStage() {
        return twoStage;
    }

    /**
     * @param seeds at least one seed
     * @param limit how many recommendations
     * @throws org.audiu.core.AudiuException when the engine cannot recommend (e.g. the pool is smaller than limit)
     */
    public Run recommend(Seeds seeds, int limit) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("No seeds");
        }
        long start = System.nanoTime();
        List<CatalogueTrack> library = new ArrayList<>();
        for (String id : seeds.trackIds(maxLibraryTracks)) {
            catalogue.track(id).ifPresent(library::add);
        }
        List<PlaylistItem> items = library.stream().map(t -> PlaylistItem.of(t.track())).toList();
        ListenerLibrary listener = new ListenerLibrary(List.of(), List.of(new Playlist("seeds", "Seeds", true, items)),
                Map.of(), Map.of(), List.of());
        // A catalogue playlist among the seeds is left out of co-membership, as recommend leaves out its own.
        List<String> playlistIds = seeds.playlist().map(p -> List.of(p.id())).orElse(List.of());
        List<String> trackIds = library.stream().map(t -> t.track().id()).toList();
        if (library.size() < minModelSeeds) {
            List<Recommendation> recs;
            Method method;
            if (twoStage.isPresent()) {
                recs = twoStage.get().recommendWithoutModel(listener, playlistIds, limit, settings.perArtist());
                method = new Method(RANKER, null, 0, 0, Double.NaN);
            } else {
                recs = neighbours.recommend(library, limit);
                method = new Method(NEIGHBOURS, null, 0, 0, Double.NaN);
            }
            return new Run(seeds, library, recs, method, catalogue.size(), Optional.empty(),
                    (System.nanoTime() - start) / 1_000_000, engine());
        }
        FeatureProviderChain features = new FeatureProviderChain(
                List.of(new NamedFeatureProvider("catalogue", catalogue.asFeatureProvider())), settings.schema());
        RecommendationEngine engine = new RecommendationEngine(() -> listener, scorer, features,
                catalogue.asCandidateSource(), trainer, settings.withRecommendations(limit), componentNames,
                ProgressReporter.NONE);
        String key = seeds.key();
        Optional<TrainedRecommender> kept = trained.get(key);
        if (twoStage.isPresent()) {
            // The two-stage recommender reads the model's scores, not its list: train it without ranking the pool.
            TrainedRecommender own = kept.orElseGet(engine::train);
            if (kept.isEmpty()) {
                trained.put(key, own);
            }
            RecommenderProvenance p = own.provenance();
            List<Recommendation> recs = twoStage.get().recommend(own, trackIds, playlistIds, limit,
                    own.perArtist(limit));
            RunReport report = new RunReport(p.components(), p.libraryTracks(), p.likedExamples(), List.of(),
                    p.poolSeen(), 0, p.likedExamples(), p.negativeExamples(), p.holdoutAuc(), Map.of(), List.of(),
                    Map.of(), Map.of());
            return new Run(seeds, library, recs, new Method(MODEL, trainerName(), p.likedExamples(),
                    p.negativeExamples(), p.holdoutAuc()), p.poolSeen(),
                    Optional.of(new RecommendationResult(recs, own, report)), (System.nanoTime() - start) / 1_000_000,
                    engine());
        }
        RecommendationResult result;
        if (kept.isPresent()) {
            result = engine.recommendWith(kept.get());
        } else {
            result = engine.recommend();
            trained.put(key, result.recommender());
        }
        RunReport report = result.report();
        Method method = new Method(MODEL, trainerName(), report.likedExamples(), report.negativeExamples(),
                report.holdoutAuc());
        return new Run(seeds, library, result.recommendations(), method, report.poolSize(), Optional.of(result),
                (System.nanoTime() - start) / 1_000_000, engine());
    }

    /** How many trained recommenders are kept. */
    public int keptRecommenders() {
        return trained.size();
    }
}
