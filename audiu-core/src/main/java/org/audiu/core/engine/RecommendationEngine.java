package org.audiu.core.engine;

import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.spi.listener.ListenerFeatureFactory;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.sink.PlaylistSinkFactory;
import org.audiu.core.spi.training.TrainerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.metrics.BinaryMetrics;
import org.audiu.core.features.FeatureLookup;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.preference.PreferenceScores;
import org.audiu.core.relative.FittedListenerFeatures;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.relative.ListenerFeatures;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.PluginKind;
import org.audiu.core.plugin.Components;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.spi.listener.ListenerFeatureFactory;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.core.spi.sink.PlaylistSinkFactory;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recommendation pipeline: library → preference scores → listener-relative features fitted to the library →
 * training set (liked tracks, weighted by preference, against negatives sampled from the pool; every row is the
 * track's features followed by its listener-relative columns) → trainer → model → the pool streamed through the
 * feature chain, extended the same way and scored in batches → top-N in a bounded heap → library tracks excluded →
 * artist cap → recommendations with reasons. Memory stays bounded however large the pool: it is streamed twice
 * (sample, then score), never held.
 *
 * <p>Build one from a configuration with {@link #fromConfig}, or wire the parts in code. Each stage is public so it
 * can be used alone.
 */
public final class RecommendationEngine {
    /** The positive label of the preference task. */
    public static final String LIKED = "liked";
    /** The negative label of the preference task. */
    public static final String OTHER = "other";

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationEngine.class);

    private final LibrarySource librarySource;
    private final PreferenceScorer scorer;
    private final FeatureProviderChain features;
    private final CandidateSource candidates;
    private final Trainer trainer;
    private final EngineSettings settings;
    private final Map<String, String> componentNames;
    private final ProgressReporter progress;
    private final ListenerFeatures listenerFeatures;

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

    /**
     * Wires every component by name from a configuration. Fails before any work on unknown names, unknown keys or
     * invalid values.
     */
    public static RecommendationEngine fromConfig(AudiuConfig config, Plugins plugins, ProgressReporter progress) {
        Components components = new Components(config, plugins, EngineSettings.KEYS);
        components.failOnUnknownKeys();
        Map<String, String> names = new LinkedHashMap<>();
        String librarySource = components.selected(LibrarySourceFactory.KIND);
        names.put("library.source", librarySource);
        LibrarySource library = components.create(LibrarySourceFactory.KIND, librarySource);
        String scorerName = components.selected(PreferenceScorerFactory.KIND);
        names.put("scorer", scorerName);
        PreferenceScorer scorer = components.create(PreferenceScorerFactory.KIND, scorerName);
        List<NamedFeatureProvider> providers = new ArrayList<>();
        List<String> chain = components.selectedList(FeatureProviderFactory.KIND);
        for (String name : chain) {
            providers.add(new NamedFeatureProvider(name, components.create(FeatureProviderFactory.KIND, name)));
        }
        names.put("features", String.join(", ", chain));
        String candidateName = components.selected(CandidateSourceFactory.KIND);
        names.put("candidates.source", candidateName);
        CandidateSource candidates = components.create(CandidateSourceFactory.KIND, candidateName);
        String model = components.selected(TrainerFactory.KIND);
        names.put("model", model);
        Trainer trainer = components.create(TrainerFactory.KIND, model);
        List<ListenerFeatures.Named> relative = new ArrayList<>();
        List<String> relativeNames = components.selectedList(ListenerFeatureFactory.KIND);
        for (String name : relativeNames) {
            relative.add(new ListenerFeatures.Named(name, components.create(ListenerFeatureFactory.KIND, name)));
        }
        names.put("listener-features", relative.isEmpty() ? Components.NONE : String.join(", ", relativeNames));
        ComponentConfig engineConfig = components.reservedSection("engine", "audiu");
        EngineSettings settings = EngineSettings.from(engineConfig);
        engineConfig.failOnUnreadKeys();
        if (providers.isEmpty()) {
            throw new org.audiu.core.config.ConfigException("'features' in " + config.origin() + " names no provider."
                    + " Available: " + plugins.featureProviders().names() + ".");
        }
        return new RecommendationEngine(library, scorer, new FeatureProviderChain(providers, settings.schema()),
                candidates, trainer, settings, names, progress, new ListenerFeatures(relative));
    }

    /** The playlist sink selected by {@code sink} (with parameters under {@code sink.}), or empty when none is set. */
    public static Optional<PlaylistSink> playlistSink(AudiuConfig config, Plugins plugins) {
        return new Components(config, plugins, EngineSettings.KEYS).createOptional(PlaylistSinkFactory.KIND);
    }

    public EngineSettings settings() {
        return settings;
    }

    /** A copy of this engine with other settings (e.g. a different number of recommendations). */
    public RecommendationEngine withSettings(EngineSettings newSettings) {
        return new RecommendationEngine(librarySource, scorer, features, candidates, trainer, newSettings,
                componentNames, progress, listenerFeatures);
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
                progress, listenerFeatures);
    }

    /** The configured listener-relative features. */
    public ListenerFeatures listenerFeatures() {
        return listenerFeatures;
    }

    /**
     * A listener's library with preference scores, the features of its tracks, and the listener-relative features
     * fitted to it.
     *
     * @param likedRows features of {@code liked} in the engine's base schema ({@link EngineSettings#schema()})
     * @param relative  extends a base row with the listener-relative columns; its schema is the model's
     */
    public record PreparedListener(ListenerLibrary library, PreferenceScores preferences, List<Track> liked,
                                   double[][] likedRows, FeatureLookup lookup, FittedListenerFeatures relative) {
    }

    /** Runs the whole pipeline. */
    public RecommendationResult recommend() {
        Map<String, Long> stages = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        PreparedListener listener = prepare();
        stages.put("library", millisSince(t0));

        long t1 = System.nanoTime();
        PoolSample sample = samplePool(listener);
        stages.put("sample-pool", millisSince(t1));

        long t2 = System.nanoTime();
        TrainingOutcome training = train(listener, sample);
        stages.put("train", millisSince(t2));

        long t3 = System.nanoTime();
        Ranking ranking = rank(listener, training.model(), sample, settings.recommendations());
        stages.put("score-pool", millisSince(t3));

        RunReport report = new RunReport(componentNames, listener.library().tracksById().size(),
                listener.liked().size(), listener.lookup().missingIds(), ranking.poolSize(),
                ranking.poolMissingFeatures(), training.liked(), training.negatives(), training.holdoutAuc(),
                listener.preferences().effectiveWeights(), listener.preferences().droppedSignals(),
                listener.lookup().foundByProvider(), stages);
        return new RecommendationResult(ranking.recommendations(), training.model(), report);
    }

    /** Loads the library, scores preferences and looks up features of its tracks. */
    public PreparedListener prepare() {
        ListenerLibrary library;
        try (ProgressReporter.Step step = progress.start("Loading library", -1)) {
            library = librarySource.load();
        }
        if (library.isEmpty()) {
            throw new DataException("The listener library is empty (library.source = "
                    + componentNames.getOrDefault("library.source", "?") + "): there is nothing to learn a taste "
                    + "from. Save or play some tracks, or choose a non-empty playlist.");
        }
        PreferenceScores preferences = scorer.score(library);
        List<Track> tracks = library.distinctTracks();
        FeatureLookup lookup;
        try (ProgressReporter.Step step = progress.start("Library features", tracks.size())) {
            lookup = lookupInBatches(tracks, step);
        }
        if (lookup.found().isEmpty()) {
            throw new DataException("None of the " + tracks.size() + " library tracks has features in the provider "
                    + "chain " + features.providerNames() + " (e.g. " + lookup.missingIds().stream().limit(5).toList()
                    + "). Add a provider that knows these tracks to 'features'.");
        }
        if (!lookup.missingIds().isEmpty()) {
            LOG.warn("{} of {} library tracks have no features in {} and are left out of training: {}{}",
                    lookup.missingIds().size(), tracks.size(), features.providerNames(),
                    lookup.missingIds().stream().limit(10).toList(), lookup.missingIds().size() > 10 ? " ..." : "");
        }
        List<Track> liked = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Track t : tracks) {
            FeatureVector v = lookup.found().get(t.id());
            if (v != null) {
                liked.add(t);
                rows.add(v.project(settings.schema()));
            }
        }
        double[][] likedRows = rows.toArray(double[][]::new);
        Optional<CoMembershipIndex> coMembership = candidates instanceof CoMembershipIndex index
                ? Optional.of(index) : Optional.empty();
        FittedListenerFeatures relative = listenerFeatures.fit(new ListenerContext(library, preferences, liked,
                likedRows, settings.schema(), coMembership));
        return new PreparedListener(library, preferences, liked, likedRows, lookup, relative);
    }

    private FeatureLookup lookupInBatches(List<Track> tracks, ProgressReporter.Step step) {
        Map<String, FeatureVector> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, Integer> byProvider = new LinkedHashMap<>();
        for (int from = 0; from < tracks.size(); from += settings.batchSize()) {
            List<Track> batch = tracks.subList(from, Math.min(tracks.size(), from + settings.batchSize()));
            FeatureLookup part = features.lookup(batch);
            found.putAll(part.found());
            missing.addAll(part.missingIds());
            part.foundByProvider().forEach((k, v) -> byProvider.merge(k, v, Integer::sum));
            step.advance(batch.size());
        }
        return new FeatureLookup(found, missing, byProvider);
    }

    /**
     * Negatives sampled uniformly from the pool (reservoir), the pool's size, and the listener-relative features
     * that can rank this pool (columns that take one value for every candidate are dropped).
     */
    public record PoolSample(List<Track> tracks, double[][] rows, long poolSize, FittedListenerFeatures relative) {
    }

    /**
     * First pass over the pool: a seeded uniform sample of candidates not in the library, for negatives; and which
     * listener columns vary over the pool (one that is the same for every candidate, like an artist share when the
     * library holds all of its artists' tracks, cannot rank anything, yet a tree would split on it first).
     */
    public PoolSample samplePool(PreparedListener listener) {
        int wanted = (int) Math.min(settings.maxNegatives(),
                Math.max(10, Math.round(listener.liked().size() * settings.negativesPerLiked())));
        Exclusions exclusions = new Exclusions(listener.library());
        Random random = new Random(settings.seed() ^ 0x9E3779B97F4A7C15L);
        List<Candidate> reservoir = new ArrayList<>(wanted);
        long seen = 0;
        ColumnRange columns = new ColumnRange(listener.relative(), settings.schema().size());
        try (Stream<Candidate> stream = candidates.candidates();
             ProgressReporter.Step step = progress.start("Sampling pool", -1)) {
            var it = stream.iterator();
            while (it.hasNext()) {
                Candidate c = it.next();
                step.advance(1);
                if (exclusions.excludes(c.track())) {
                    continue;
                }
                seen++;
                columns.observe(c.track());
                if (reservoir.size() < wanted) {
                    reservoir.add(c);
                } else {
                    long j = (long) (random.nextDouble() * seen);
                    if (j < wanted) {
                        reservoir.set((int) j, c);
                    }
                }
            }
        }
        if (seen == 0) {
            throw new DataException("The candidate pool (candidates.source = "
                    + componentNames.getOrDefault("candidates.source", "?") + ") has no track outside the listener's "
                    + "library: there is nothing new to recommend. Point candidates at a larger catalogue.");
        }
        if (seen < settings.recommendations()) {
            throw new DataException("The candidate pool has only " + seen + " track" + (seen == 1 ? "" : "s")
                    + " outside the library, fewer than recommendations = " + settings.recommendations()
                    + ". Lower 'recommendations' (or --limit) or use a larger pool.");
        }
        List<Track> tracks = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Candidate> needLookup = new ArrayList<>();
        for (Candidate c : reservoir) {
            if (c.features().isPresent()) {
                tracks.add(c.track());
                rows.add(features.toTarget(c.track(), c.features().get()).values());
            } else {
                needLookup.add(c);
            }
        }
        if (!needLookup.isEmpty()) {
            FeatureLookup lookup = features.lookup(needLookup.stream().map(Candidate::track).toList());
            for (Candidate c : needLookup) {
                FeatureVector v = lookup.found().get(c.track().id());
                if (v != null) {
                    tracks.add(c.track());
                    rows.add(v.values());
                }
            }
        }
        List<String> constant = columns.constantColumns();
        if (!constant.isEmpty()) {
            LOG.info("Listener columns with one value for every candidate of the pool, left out of the model: {}",
                    constant);
        }
        return new PoolSample(tracks, rows.toArray(double[][]::new), seen,
                listener.relative().withoutColumns(constant));
    }

    /**
     * The range of each listener column over the pool. Columns are computed with missing base features: those that
     * depend on audio features come out NaN here and are always kept.
     */
    private static final class ColumnRange {
        private final FittedListenerFeatures relative;
        private final double[] nanRow;
        private final int base;
        private final double[] min;
        private final double[] max;

        ColumnRange(FittedListenerFeatures relative, int baseSize) {
            this.relative = relative;
            this.base = baseSize;
            this.nanRow = new double[baseSize];
            java.util.Arrays.fill(nanRow, Double.NaN);
            int n = relative.listenerColumns().size();
            this.min = new double[n];
            this.max = new double[n];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        void observe(Track track) {
            if (min.length == 0) {
                return;
            }
            double[] row = relative.extend(track, nanRow, false);
            for (int j = 0; j < min.length; j++) {
                double v = row[base + j];
                if (!Double.isNaN(v)) {
                    min[j] = Math.min(min[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
        }

        List<String> constantColumns() {
            List<String> out = new ArrayList<>();
            for (int j = 0; j < min.length; j++) {
                if (min[j] == max[j]) {
                    out.add(relative.listenerColumns().get(j));
                }
            }
            return out;
        }
    }

    /** A trained preference model with its training-set sizes and held-out AUC. */
    public record TrainingOutcome(TrainedModel model, int liked, int negatives, double holdoutAuc) {
    }

    /**
     * Trains the preference model: liked tracks (weighted by preference score) against the sampled negatives, whose
     * total weight equals the liked tracks'. A seeded share is held out to measure ROC AUC.
     */
    public TrainingOutcome train(PreparedListener listener, PoolSample sample) {
        if (sample.rows().length == 0) {
            throw new DataException("No pool track has features, so there are no negatives to train against. Add a "
                    + "feature provider that knows the candidate tracks to 'features'.");
        }
        List<LabelledExample> examples = new ArrayList<>();
        double[] prefs = new double[listener.liked().size()];
        double total = 0;
        for (int i = 0; i < prefs.length; i++) {
            prefs[i] = listenerPreference(listener, i);
            total += prefs[i];
        }
        double meanPref = total / prefs.length;
        FittedListenerFeatures relative = sample.relative();
        for (int i = 0; i < prefs.length; i++) {
            Track t = listener.liked().get(i);
            examples.add(new LabelledExample(t.id(), relative.extend(t, listener.likedRows()[i], true), LIKED,
                    prefs[i] / meanPref, t.mainArtist()));
        }
        double negativeWeight = (double) prefs.length / sample.rows().length;
        for (int i = 0; i < sample.rows().length; i++) {
            Track t = sample.tracks().get(i);
            examples.add(new LabelledExample(t.id(), relative.extend(t, sample.rows()[i], false), OTHER,
                    negativeWeight, t.mainArtist()));
        }
        FeatureSchema schema = relative.schema();
        List<LabelledExample> trainPart = new ArrayList<>(examples);
        List<LabelledExample> holdoutPart = new ArrayList<>();
        if (settings.holdout() > 0 && examples.size() >= 20) {
            java.util.Collections.shuffle(trainPart, new Random(settings.seed()));
            int cut = (int) Math.round(trainPart.size() * settings.holdout());
            holdoutPart.addAll(trainPart.subList(0, cut));
            trainPart = new ArrayList<>(trainPart.subList(cut, trainPart.size()));
            if (trainPart.stream().noneMatch(e -> e.label().equals(LIKED))
                    || trainPart.stream().noneMatch(e -> e.label().equals(OTHER))) {
                trainPart = examples;
                holdoutPart.clear();
            }
        }
        LabelledData data = new LabelledData(schema, trainPart);
        data.requireTrainable("the preference model");
        TrainedModel model;
        try (ProgressReporter.Step step = progress.start("Training " + componentNames.getOrDefault("model", "model"),
                -1)) {
            model = trainer.train(data);
        }
        double auc = Double.NaN;
        if (!holdoutPart.isEmpty()) {
            double[][] rows = holdoutPart.stream().map(LabelledExample::features).toArray(double[][]::new);
            double[] scores = model.probabilityOf(LIKED, rows);
            boolean[] positive = new boolean[holdoutPart.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = holdoutPart.get(i).label().equals(LIKED);
            }
            auc = BinaryMetrics.auc(scores, positive);
            LOG.info("Preference model '{}': held-out ROC AUC {} on {} rows ({} liked, {} sampled)",
                    componentNames.getOrDefault("model", "?"), String.format(Locale.ROOT, "%.3f", auc),
                    holdoutPart.size(), holdoutPart.stream().filter(e -> e.label().equals(LIKED)).count(),
                    holdoutPart.stream().filter(e -> e.label().equals(OTHER)).count());
        }
        return new TrainingOutcome(model, prefs.length, sample.rows().length, auc);
    }

    /** Ranked recommendations with pool statistics. */
    public record Ranking(List<Recommendation> recommendations, long poolSize, long poolMissingFeatures) {
    }

    /**
     * Second pass over the pool: scores every candidate not in the library in batches, keeps the best in a bounded
     * heap that applies the artist cap as it goes ({@link CappedTopK}: the cap never leaves the list short while the
     * pool has other artists), and writes reasons.
     */
    public Ranking rank(PreparedListener listener, TrainedModel model, PoolSample sample, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        Exclusions exclusions = new Exclusions(listener.library());
        FittedListenerFeatures relative = sample.relative();
        CappedTopK<Scored> top = new CappedTopK<>(limit, settings.perArtist(),
                s -> s.track().mainArtist().toLowerCase(Locale.ROOT));
        FeatureSchema schema = settings.schema();
        long pool = 0;
        long missing = 0;
        List<Candidate> batch = new ArrayList<>(settings.batchSize());
        try (Stream<Candidate> stream = candidates.candidates();
             ProgressReporter.Step step = progress.start("Scoring pool", sample.poolSize())) {
            var it = stream.iterator();
            while (it.hasNext()) {
                Candidate c = it.next();
                if (exclusions.excludes(c.track())) {
                    continue;
                }
                pool++;
                batch.add(c);
                if (batch.size() == settings.batchSize()) {
                    missing += scoreBatch(batch, model, relative, top);
                    step.advance(batch.size());
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                missing += scoreBatch(batch, model, relative, top);
                step.advance(batch.size());
            }
        }
        if (missing > 0) {
            LOG.warn("{} of {} candidates have no features in {} and were not scored", missing, pool,
                    features.providerNames());
        }
        Preprocessor scale = Preprocessor.fit(schema, concat(listener.likedRows(), sample.rows()), true);
        ReasonWriter reasons = new ReasonWriter(schema, listener.liked(), listener.likedRows(), scale,
                listener.library());
        Map<String, Integer> perArtist = new HashMap<>();
        List<Recommendation> out = new ArrayList<>();
        for (TopK.Scored<Scored> s : top.sortedDescending()) {
            if (out.size() == limit) {
                break;
            }
            String artist = s.item().track().mainArtist().toLowerCase(Locale.ROOT);
            if (!artist.isEmpty() && perArtist.getOrDefault(artist, 0) >= settings.perArtist()) {
                continue;
            }
            perArtist.merge(artist, 1, Integer::sum);
            List<String> why = new ArrayList<>();
            why.add(String.format(Locale.ROOT, "model score %.3f", s.score()));
            why.addAll(0, reasons.reasons(s.item().track(), s.item().row()));
            out.add(new Recommendation(s.item().track(), s.score(), why));
        }
        if (out.size() < limit) {
            LOG.warn("Only {} recommendations after the artist cap of {} per artist (asked for {}); raise "
                    + "'recommendations.per-artist' for more.", out.size(), settings.perArtist(), limit);
        }
        return new Ranking(out, pool, missing);
    }

    private record Scored(Track track, double[] row) {
    }

    private long scoreBatch(List<Candidate> batch, TrainedModel model, FittedListenerFeatures relative,
                            CappedTopK<Scored> top) {
        List<Track> tracks = new ArrayList<>(batch.size());
        List<double[]> rows = new ArrayList<>(batch.size());
        List<Candidate> needLookup = new ArrayList<>();
        for (Candidate c : batch) {
            if (c.features().isPresent()) {
                tracks.add(c.track());
                rows.add(features.toTarget(c.track(), c.features().get()).values());
            } else {
                needLookup.add(c);
            }
        }
        long missing = 0;
        if (!needLookup.isEmpty()) {
            FeatureLookup lookup = features.lookup(needLookup.stream().map(Candidate::track).toList());
            for (Candidate c : needLookup) {
                FeatureVector v = lookup.found().get(c.track().id());
                if (v == null) {
                    missing++;
                } else {
                    tracks.add(c.track());
                    rows.add(v.values());
                }
            }
        }
        if (rows.isEmpty()) {
            return missing;
        }
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = relative.extend(tracks.get(i), rows.get(i), false);
        }
        double[] scores = model.probabilityOf(LIKED, matrix);
        for (int i = 0; i < scores.length; i++) {
            top.offer(new Scored(tracks.get(i), rows.get(i)), scores[i], tracks.get(i).id());
        }
        return missing;
    }

    private static double listenerPreference(PreparedListener listener, int i) {
        return Math.max(ListenerContext.MIN_PREFERENCE, listener.preferences().scoreOf(listener.liked().get(i).id()));
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Tracks already known to the listener: by id, and by artist + title (the same song under another id). */
    private static final class Exclusions {
        private final Set<String> ids = new HashSet<>();
        private final Set<String> songs = new HashSet<>();

        Exclusions(ListenerLibrary library) {
            for (Track t : library.distinctTracks()) {
                ids.add(t.id());
                songs.add(songKey(t));
            }
        }

        boolean excludes(Track t) {
            return ids.contains(t.id()) || (!t.name().isEmpty() && songs.contains(songKey(t)));
        }

        private static String songKey(Track t) {
            return t.mainArtist().toLowerCase(Locale.ROOT) + "\u0000" + t.name().toLowerCase(Locale.ROOT);
        }
    }
}
