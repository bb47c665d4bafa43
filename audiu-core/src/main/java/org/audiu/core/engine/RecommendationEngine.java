package org.audiu.core.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderProvenance;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.relative.ListenerFeatures;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.Trainer;

/**
 * The recommendation pipeline, as a sequence of small parts each usable alone:
 * <ol>
 *   <li>{@link ListenerPreparation}: library, preference scores, features of its tracks, listener features fitted;</li>
 *   <li>{@link PoolSampler}: a seeded uniform sample of the pool for negatives (library excluded);</li>
 *   <li>{@link PreferenceTraining}: liked tracks against the negatives, held-out AUC;</li>
 *   <li>the result is a {@link TrainedRecommender}, the listener's taste as one value that can be saved;</li>
 *   <li>{@link PoolRanking}: the pool streamed through {@link CandidateFeatures} and ranked by it.</li>
 * </ol>
 * Memory stays bounded however large the pool: it is streamed twice (sample, then score), never held. Build one
 * from a configuration with {@link #fromConfig} ({@link EngineAssembly}), or wire the parts in code.
 */
public final class RecommendationEngine {
    private final LibrarySource librarySource;
    private final PreferenceScorer scorer;
    private final FeatureProviderChain features;
    private final CandidateSource candidates;
    private final Trainer trainer;
    private final EngineSettings settings;
    private final Map<String, String> componentNames;
    private final ProgressReporter progress;
    private final ListenerFeatures listenerFeatures;
    private final SkippedNegatives skippedNegatives;

    /** An engine with the built-in listener-relative features ({@link ListenerFeatures#defaults()}). */
    public RecommendationEngine(LibrarySource librarySource, PreferenceScorer scorer, FeatureProviderChain features,
                                CandidateSource candidates, Trainer trainer, EngineSettings settings,
                                Map<String, String> componentNames, ProgressReporter progress) {
        this(librarySource, scorer, features, candidates, trainer, settings, componentNames, progress,
                ListenerFeatures.defaults());
    }

    public RecommendationEngine(LibrarySource librarySource, PreferenceScorer scorer, FeatureProviderChain features,
                                CandidateSource candidates, Trainer trainer, EngineSettings settings,
                                Map<String, String> componentNames, ProgressReporter progress,
                                ListenerFeatures listenerFeatures) {
        this(librarySource, scorer, features, candidates, trainer, settings, componentNames, progress,
                listenerFeatures, SkippedNegatives.DEFAULTS);
    }

    /** @param skippedNegatives which tracks of a listening history train as real negatives */
    public RecommendationEngine(LibrarySource librarySource, PreferenceScorer scorer, FeatureProviderChain features,
                                CandidateSource candidates, Trainer trainer, EngineSettings settings,
                                Map<String, String> componentNames, ProgressReporter progress,
                                ListenerFeatures listenerFeatures, SkippedNegatives skippedNegatives) {
        this.skippedNegatives = Objects.requireNonNull(skippedNegatives, "skippedNegatives");
        this.listenerFeatures = Objects.requireNonNull(listenerFeatures, "listenerFeatures");
        this.librarySource = Objects.requireNonNull(librarySource, "librarySource");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.features = Objects.requireNonNull(features, "features");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.componentNames = Map.copyOf(componentNames);
        this.progress = progress == null ? ProgressReporter.NONE : progress;
    }

    /** Wires every component by name from a configuration ({@link EngineAssembly#fromConfig}). */
    public static RecommendationEngine fromConfig(AudiuConfig config, Plugins plugins, ProgressReporter progress) {
        return EngineAssembly.fromConfig(config, plugins, progress);
    }

    /** The playlist sink selected by {@code sink}, or empty ({@link EngineAssembly#playlistSink}). */
    public static Optional<PlaylistSink> playlistSink(AudiuConfig config, Plugins plugins) {
        return EngineAssembly.playlistSink(config, plugins);
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Component names by config key, for reports. */
    public Map<String, String> componentNames() {
        return componentNames;
    }

    /** The configured listener-relative features. */
    public ListenerFeatures listenerFeatures() {
        return listenerFeatures;
    }

    /** A copy of this engine with other settings (e.g. a different number of recommendations). */
    public RecommendationEngine withSettings(EngineSettings newSettings) {
        return new RecommendationEngine(librarySource, scorer, features, candidates, trainer, newSettings,
                componentNames, progress, listenerFeatures, skippedNegatives);
    }

    /**
     * A copy of this engine that reads another library and pool through another feature chain (an evaluation runs
     * one engine per listener this way); everything else (scorer, trainer, settings, listener features) is shared.
     *
     * @param names component names for reports, replacing those of the same keys
     */
    public RecommendationEngine withSources(LibrarySource newLibrary, CandidateSource newCandidates,
                                            FeatureProviderChain newFeatures, Map<String, String> names) {
        Map<String, String> merged = new LinkedHashMap<>(componentNames);
        merged.putAll(names);
        return new RecommendationEngine(newLibrary, scorer, newFeatures, newCandidates, trainer, settings, merged,
                progress, listenerFeatures, skippedNegatives);
    }

    /**
     * A copy of this engine that reads another library (a listening history given on the command line, say);
     * pool, features and everything else stay.
     */
    public RecommendationEngine withLibrary(LibrarySource newLibrary, String name) {
        Map<String, String> merged = new LinkedHashMap<>(componentNames);
        merged.put("library.source", name);
        return new RecommendationEngine(newLibrary, scorer, features, candidates, trainer, settings, merged,
                progress, listenerFeatures, skippedNegatives);
    }

    /** The configured library source (to merge a listening history given on the command line with it, say). */
    public LibrarySource librarySource() {
        return librarySource;
    }

    /** The candidate pool (to match a listening history against it, say). */
    public CandidateSource candidates() {
        return candidates;
    }

    /** Runs the whole pipeline: trains the listener's recommender and ranks the pool with it. */
    public RecommendationResult recommend() {
        long t0 = System.nanoTime();
        PreparedListener listener = prepare();
        return recommend(listener, millisSince(t0));
    }

    /**
     * The same for a listener already prepared ({@link #prepare()}: a caller that also reads the library, such as
     * the discovery ranker, loads it once).
     */
    public RecommendationResult recommend(PreparedListener listener) {
        return recommend(listener, 0);
    }

    private RecommendationResult recommend(PreparedListener listener, long libraryMillis) {
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("library", libraryMillis);
        long t1 = System.nanoTime();
        PoolSample sample = samplePool(listener);
        stages.put("sample-pool", millisSince(t1));
        long t2 = System.nanoTime();
        TrainingOutcome training = train(listener, sample);
        TrainedRecommender recommender = recommender(listener, sample, training);
        stages.put("train", millisSince(t2));
        long t3 = System.nanoTime();
        PoolRanking.Ranking ranking = rank(recommender, settings.recommendations(), sample.poolSize());
        stages.put("score-pool", millisSince(t3));
        RunReport report = new RunReport(componentNames, listener.library().tracksById().size(),
                listener.liked().size(), listener.lookup().missingIds(), ranking.poolSize(),
                ranking.poolMissingFeatures(), training.liked(), training.negatives(), training.holdoutAuc(),
                listener.preferences().effectiveWeights(), listener.preferences().droppedSignals(),
                listener.lookup().foundByProvider(), stages);
        return new RecommendationResult(ranking.recommendations(), recommender, report);
    }

    /** Trains the listener's recommender without ranking the pool (to save it: {@code RecommenderFiles.save}). */
    public TrainedRecommender train() {
        PreparedListener listener = prepare();
        PoolSample sample = samplePool(listener);
        return recommender(listener, sample, train(listener, sample));
    }

    /**
     * Ranks the configured pool with a recommender trained before (loaded from a file): no retraining; the same
     * recommender and pool give the same list as {@link #recommend()}.
     */
    public RecommendationResult recommendWith(TrainedRecommender recommender) {
        long t0 = System.nanoTime();
        PoolRanking.Ranking ranking = rank(recommender, settings.recommendations(), -1);
        RecommenderProvenance p = recommender.provenance();
        RunReport report = new RunReport(p.components(), p.libraryTracks(), p.likedExamples(), List.of(),
                ranking.poolSize(), ranking.poolMissingFeatures(), p.likedExamples(), p.negativeExamples(),
                p.holdoutAuc(), Map.of(), List.of(), Map.of(), Map.of("score-pool", millisSince(t0)));
        return new RecommendationResult(ranking.recommendations(), recommender, report);
    }

    /** Stage 1: loads the library, scores preferences, looks up features and fits the listener features. */
    public PreparedListener prepare() {
        Optional<CoMembershipIndex> coMembership = candidates instanceof CoMembershipIndex index
                ? Optional.of(index) : Optional.empty();
        return new ListenerPreparation(librarySource, scorer, features, listenerFeatures, coMembership,
                settings.batchSize(), progress, componentNames.getOrDefault("library.source", "?")).prepare();
    }

    /** Stage 2: samples negatives from the pool. */
    public PoolSample samplePool(PreparedListener listener) {
        return new PoolSampler(candidates, new CandidateFeatures(features), settings, progress,
                componentNames.getOrDefault("candidates.source", "?")).sample(listener);
    }

    /** Stage 3: trains the preference model. */
    public TrainingOutcome train(PreparedListener listener, PoolSample sample) {
        return new PreferenceTraining(trainer, settings, progress, componentNames.getOrDefault("model", "model"),
                skippedNegatives).train(listener, sample);
    }

    /** The trained recommender: the model with everything needed to score candidates for this listener. */
    public TrainedRecommender recommender(PreparedListener listener, PoolSample sample, TrainingOutcome training) {
        Map<String, String> versions = new LinkedHashMap<>(training.model().provenance().libraryVersions());
        versions.put("audiu-core", ModelProvenance.versionOf(RecommendationEngine.class));
        RecommenderProvenance provenance = new RecommenderProvenance(componentNames, settings.seed(),
                listener.library().tracksById().size(), training.liked(), training.negatives(), sample.poolSize(),
                training.holdoutAuc(), versions, Instant.now());
        return TrainedRecommender.of(training.model(), sample.relative(), listener.library(), listener.liked(),
                listener.likedRows(), sample.rows(), settings.artistCap(listener.library().distinctTracks()),
                settings.artistShareWeight(), provenance);
    }

    /** Stage 4: ranks the pool with a recommender, on every core ({@link PoolRanking#defaultHelpers()}). */
    public PoolRanking.Ranking rank(TrainedRecommender recommender, int limit, long expectedPool) {
        return rank(recommender, limit, expectedPool, PoolRanking.defaultHelpers());
    }

    /**
     * Stage 4 with {@code helpers} threads beside the caller's (0: the caller's alone; a server answering many
     * requests at once may want that). The list does not depend on it.
     */
    public PoolRanking.Ranking rank(TrainedRecommender recommender, int limit, long expectedPool, int helpers) {
        return new PoolRanking(candidates, new CandidateFeatures(features), settings.batchSize(), progress, helpers)
                .rank(recommender, limit, expectedPool);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
