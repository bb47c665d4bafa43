package org.audiu.core.twostage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.audiu.core.AudiuException;
import org.audiu.core.Track;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.eval.playlist.ContinuationMethod;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationListener;
import org.audiu.core.eval.playlist.PlaylistContinuation;
import org.audiu.core.recommender.ArtistCap;
import org.audiu.core.recommender.CappedTopK;
import org.audiu.core.recommender.TopK;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two-stage recommender under playlist-continuation evaluation, with k-fold training so that no listener's ranker
 * ever saw that listener's playlist.
 *
 * <p>For each repetition (seed), every listener of the benchmark is prepared once: its own model is trained and
 * scores the pool (the single-stage engine, {@link EngineMethod#modelScores}), the retrievers propose at most N
 * candidates (the listener's own playlist left out of every co-membership group), and {@link PairFeatures} describes
 * each candidate; a listener's hidden tracks among its candidates are its labels. The listeners are then cut into
 * {@code two-stage.folds} folds (seeded, balanced), and the ranker that orders the candidates of a listener in fold
 * {@code f} is trained on the queries of the other folds only. Before it scores a listener, the method checks that
 * the ranker's training playlists ({@link Ranker#trainedOn()}) do not hold the listener's: a leak fails the run.
 *
 * <p>Variants, one ranking each: {@code two-stage} (the full ranker, under audiU's artist cap), {@code
 * two-stage@uncapped}, {@code two-stage@retrieval-only} (stage 1 alone: reciprocal-rank fusion of the retrievers,
 * capped) and {@code two-stage@no-listener-model} (no per-listener model: neither its retriever nor its columns;
 * a ranker trained without them, capped). Thread-safe; results do not depend on the thread count.
 */
public final class TwoStageMethod implements ContinuationMethod {
    private static final Logger LOG = LoggerFactory.getLogger(TwoStageMethod.class);
    public static final String NAME = "two-stage";
    private static final int FULL = 0;
    private static final int NO_MODEL = 1;

    private final EngineMethod engine;
    private final TwoStageCatalogue catalogue;
    private final PlaylistContinuation continuation;
    private final TwoStageSettings settings;
    private final RankerTrainer trainer;
    private final PairFeatures features;
    private final int threads;
    private final boolean trainOnEveryFold;
    private final Map<Long, FutureTask<SeedModel>> seeds = new ConcurrentHashMap<>();

    /**
     * @param engine       the single-stage engine (the listener's own model, audiU's artist cap)
     * @param continuation the benchmark whose listeners are the training queries
     * @param threads      listeners prepared at once
     */
    public TwoStageMethod(EngineMethod engine, TwoStageCatalogue catalogue, PlaylistContinuation continuation,
                          TwoStageSettings settings, RankerTrainer trainer, int threads) {
        this(engine, catalogue, continuation, settings, trainer, threads, false);
    }

    /** @param trainOnEveryFold a deliberate leak (every playlist trains every ranker), for the leakage test only */
    TwoStageMethod(EngineMethod engine, TwoStageCatalogue catalogue, PlaylistContinuation continuation,
                   TwoStageSettings settings, RankerTrainer trainer, int threads, boolean trainOnEveryFold) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.continuation = Objects.requireNonNull(continuation, "continuation");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.trainOnEveryFold = trainOnEveryFold;
        this.features = new PairFeatures(catalogue, settings.retrieverNames());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> variantNames() {
        return List.of(NAME, NAME + "@uncapped", NAME + "@retrieval-only", NAME + "@no-listener-model");
    }

    @Override
    public List<String> variantCaps() {
        return List.of("audiu's", "none", "audiu's", "audiu's");
    }

    @Override
    public List<String> recommend(EvaluationListener listener, int n) {
        return recommendVariants(listener, n).get(0);
    }

    @Override
    public List<List<String>> recommendVariants(EvaluationListener listener, int n) {
        SeedModel model = seedModel(listener.seed());
        Prepared p = model.listeners.get(listener.playlist().id());
        if (p == null || !p.visible.equals(listener.split().visible())) {
            throw new IllegalArgumentException("Playlist " + listener.playlist().id() + " (seed " + listener.seed()
                    + ") is not a listener of this benchmark's repetition: the two-stage method trains its rankers "
                    + "on the benchmark's own listeners.");
        }
        int cap = engine.artistCap(listener, n);
        Ranker full = model.ranker(p.fold, FULL);
        Ranker noModel = model.ranker(p.fold, NO_MODEL);
        checkNoLeak(full, p.playlistId);
        checkNoLeak(noModel, p.playlistId);
        double[] fullScores = full.score(p.rows[FULL]);
        return List.of(top(p.sets[FULL], fullScores, n, cap), top(p.sets[FULL], fullScores, n, Integer.MAX_VALUE),
                top(p.sets[FULL], p.sets[FULL].fusedScores(), n, cap),
                top(p.sets[NO_MODEL], noModel.score(p.rows[NO_MODEL]), n, cap));
    }

    /** Fails when a ranker was trained on the listener's own playlist. */
    static void checkNoLeak(Ranker ranker, String playlistId) {
        if (ranker.trainedOn().contains(playlistId)) {
            throw new IllegalStateException("Leak: the ranker for playlist " + playlistId + " was trained on that "
                    + "playlist's own query (" + ranker.describe() + ")");
        }
    }

    private List<String> top(CandidateSet set, double[] scores, int n, int perArtist) {
        CappedTopK<Integer> top = new CappedTopK<>(n, perArtist, j -> ArtistCap.groupOf(track(set, j)));
        for (int j = 0; j < set.size(); j++) {
            top.offer(j, scores[j], track(set, j).id());
        }
        return top.sortedDescending().stream().map(TopK.Scored::item).map(j -> track(set, j).id()).toList();
    }

    private Track track(CandidateSet set, int j) {
        return catalogue.track(set.positions()[j]);
    }

    /** Stage 1's recall per repetition: the share of hidden tracks among the candidates, averaged over listeners. */
    public Map<String, Object> report() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> perSeed = new ArrayList<>();
        double[] sums = new double[3];
        int done = 0;
        for (Map.Entry<Long, FutureTask<SeedModel>> e : new java.util.TreeMap<>(seeds).entrySet()) {
            if (!e.getValue().isDone()) {
                continue;
            }
            SeedModel m = join(e.getValue());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", e.getKey());
            row.put("retrieval-recall", m.recall(FULL));
            row.put("retrieval-recall.no-listener-model", m.recall(NO_MODEL));
            row.put("mean-candidates", m.meanCandidates());
            row.put("ranker", m.ranker(0, FULL).describe());
            perSeed.add(row);
            sums[0] += m.recall(FULL);
            sums[1] += m.recall(NO_MODEL);
            sums[2] += m.meanCandidates();
            done++;
        }
        out.put("retrieval-recall", done == 0 ? null : sums[0] / done);
        out.put("retrieval-recall.no-listener-model", done == 0 ? null : sums[1] / done);
        out.put("mean-candidates", done == 0 ? null : sums[2] / done);
        out.put("candidates", settings.candidates());
        out.put("folds", settings.folds());
        out.put("retrievers", settings.retrieverNames());
        out.put("settings", settings.effective());
        out.put("ranker-parameters", trainer.parameters());
        out.put("features", features.names());
        out.put("per-seed", perSeed);
        return out;
    }

    /** The playlists the ranker of a listener was trained on (the leakage test reads it). */
    Set<String> trainedOnFor(String playlistId, long seed, boolean withModel) {
        SeedModel m = seedModel(seed);
        Prepared p = m.listeners.get(playlistId);
        return m.ranker(p.fold, withModel ? FULL : NO_MODEL).trainedOn();
    }

    private SeedModel seedModel(long seed) {
        FutureTask<SeedModel> task = seeds.computeIfAbsent(seed, s -> new FutureTask<>(() -> prepareSeed(s)));
        task.run(); // the first caller computes, the others wait in join
        return join(task);
    }

    private static SeedModel join(FutureTask<SeedModel> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof AudiuException a) {
                throw a;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Two-stage preparation failed: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Two-stage preparation interrupted", e);
        }
    }

    /** One listener, prepared: its candidates, rows and labels for both candidate sets. */
    private record Prepared(String playlistId, List<String> visible, int fold, CandidateSet[] sets, double[][][] rows,
                            float[][] labels, double[] recall) {
    }

    /**
     * One ranker trained on every listener of the benchmark's repetition {@code seed} (no fold left out): the ranker
     * {@code audiu ranker train} saves, for listeners outside the catalogue.
     */
    public Ranker trainOnEveryPlaylist(long seed) {
        try {
            Map<String, Prepared> listeners = prepareListeners(seed);
            return trainer.train(queries(listeners, -1, FULL, seed), features.names(), seed);
        } catch (AudiuException | IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Two-stage training failed: " + e, e);
        }
    }

    /** The pair-feature columns the rankers read. */
    public List<String> featureNames() {
        return features.names();
    }

    private Map<String, Prepared> prepareListeners(long seed) throws Exception {
        List<DatasetPlaylist> playlists = continuation.listeners();
        ExecutorService pool = executor();
        try {
            List<Callable<Prepared>> jobs = new ArrayList<>();
            for (DatasetPlaylist p : playlists) {
                jobs.add(() -> prepare(continuation.listener(p, seed)));
            }
            Map<String, Prepared> byId = new LinkedHashMap<>();
            for (Future<Prepared> f : pool.invokeAll(jobs)) {
                Prepared p = f.get();
                byId.put(p.playlistId, p);
            }
            return byId;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } finally {
            pool.shutdownNow();
        }
    }

    private ExecutorService executor() {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audiu-two-stage");
            t.setDaemon(true);
            return t;
        });
    }

    private SeedModel prepareSeed(long seed) throws Exception {
        long start = System.nanoTime();
        Map<String, Prepared> byId = prepareListeners(seed);
        ExecutorService pool = executor();
        try {
            // balanced folds: playlists in a seeded order, dealt round-robin
            List<String> order = new ArrayList<>(byId.keySet());
            order.sort(Comparator.comparingLong((String id) -> mix(seed, id)).thenComparing(id -> id));
            Map<String, Integer> fold = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                fold.put(order.get(i), i % settings.folds());
            }
            Map<String, Prepared> withFolds = new LinkedHashMap<>();
            byId.forEach((id, p) -> withFolds.put(id, new Prepared(id, p.visible, fold.get(id), p.sets, p.rows,
                    p.labels, p.recall)));
            double prepared = (System.nanoTime() - start) / 1e9;
            List<Callable<Ranker>> training = new ArrayList<>();
            for (int f = 0; f < settings.folds(); f++) {
                for (int v = FULL; v <= NO_MODEL; v++) {
                    int ff = f;
                    int vv = v;
                    training.add(() -> trainer.train(queries(withFolds, ff, vv, seed), features.names(),
                            seed * 1_000_003L + ff * 2L + vv));
                }
            }
            Ranker[][] rankers = new Ranker[settings.folds()][2];
            List<Future<Ranker>> trained = pool.invokeAll(training);
            for (int i = 0; i < trained.size(); i++) {
                rankers[i / 2][i % 2] = trained.get(i).get();
            }
            LOG.info("Two-stage, seed {}: {} listeners prepared in {} s, {} rankers trained in {} s", seed,
                    withFolds.size(), String.format(java.util.Locale.ROOT, "%.1f", prepared), trained.size(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9 - prepared));
            return new SeedModel(withFolds, rankers);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The training queries of fold {@code f}'s ranker (every other fold's listeners; {@code f < 0}: every
     * listener), negatives sampled.
     */
    private List<RankingQuery> queries(Map<String, Prepared> listeners, int f, int variant, long seed) {
        List<RankingQuery> out = new ArrayList<>();
        for (Prepared p : listeners.values()) {
            if (f >= 0 && p.fold == f && !trainOnEveryFold) {
                continue;
            }
            float[] labels = p.labels[variant];
            double[][] rows = p.rows[variant];
            List<Integer> positives = new ArrayList<>();
            List<Integer> negatives = new ArrayList<>();
            for (int j = 0; j < labels.length; j++) {
                (labels[j] > 0 ? positives : negatives).add(j);
            }
            if (positives.isEmpty()) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(mix(seed, p.playlistId) ^ variant);
            int keep = Math.min(settings.negativesPerQuery(), negatives.size());
            for (int i = 0; i < keep; i++) { // partial Fisher-Yates
                int j = i + random.nextInt(negatives.size() - i);
                Integer tmp = negatives.get(i);
                negatives.set(i, negatives.get(j));
                negatives.set(j, tmp);
            }
            List<Integer> kept = new ArrayList<>(positives);
            kept.addAll(negatives.subList(0, keep));
            kept.sort(null);
            double[][] r = new double[kept.size()][];
            float[] l = new float[kept.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = rows[kept.get(i)];
                l[i] = labels[kept.get(i)];
            }
            out.add(new RankingQuery(p.playlistId, r, l));
        }
        return out;
    }

    private Prepared prepare(EvaluationListener listener) {
        boolean[] excluded = catalogue.source().excluded(listener.library());
        for (int i = 0; i < excluded.length; i++) {
            excluded[i] |= !listener.pool().contains(i);
        }
        int[] library = listener.library().distinctTracks().stream().mapToInt(t -> catalogue.indexOf(t.id()))
                .filter(i -> i >= 0).distinct().toArray();
        boolean[] leftOut = new boolean[catalogue.groupCount()];
        int own = catalogue.groupOfPlaylist(listener.playlist().id());
        if (own >= 0) {
            leftOut[own] = true;
        }
        double[] modelScores = engine.modelScores(listener, excluded);
        RetrievalQuery withModel = new RetrievalQuery(catalogue, library, excluded, leftOut, modelScores,
                listener.seed());
        RetrievalQuery withoutModel = new RetrievalQuery(catalogue, library, excluded, leftOut, null,
                listener.seed());
        Set<Integer> hidden = new HashSet<>();
        for (String id : listener.split().hidden()) {
            int i = catalogue.indexOf(id);
            if (i >= 0) {
                hidden.add(i);
            }
        }
        CandidateSet[] sets = new CandidateSet[2];
        double[][][] rows = new double[2][][];
        float[][] labels = new float[2][];
        double[] recall = new double[2];
        RetrievalQuery[] queries = {withModel, withoutModel};
        for (int v = FULL; v <= NO_MODEL; v++) {
            sets[v] = CandidateSet.retrieve(queries[v], settings.retrievers(), settings.candidates());
            rows[v] = features.rows(queries[v], sets[v]);
            labels[v] = new float[sets[v].size()];
            int found = 0;
            for (int j = 0; j < labels[v].length; j++) {
                if (hidden.contains(sets[v].positions()[j])) {
                    labels[v][j] = 1;
                    found++;
                }
            }
            recall[v] = (double) found / listener.split().hidden().size();
        }
        return new Prepared(listener.playlist().id(), listener.split().visible(), -1, sets, rows, labels, recall);
    }

    private static long mix(long seed, String id) {
        long z = seed * 0xBF58476D1CE4E5B9L ^ id.hashCode() * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 31)) * 0xD6E8FEB86659FD93L;
        return z ^ (z >>> 32);
    }

    /** One repetition's prepared listeners and its rankers by fold and variant. */
    private record SeedModel(Map<String, Prepared> listeners, Ranker[][] rankers) {
        Ranker ranker(int fold, int variant) {
            return rankers[fold][variant];
        }

        double recall(int variant) {
            return listeners.values().stream().mapToDouble(p -> p.recall[variant]).average().orElse(0);
        }

        double meanCandidates() {
            return listeners.values().stream().mapToInt(p -> p.sets[FULL].size()).average().orElse(0);
        }
    }

    @Override
    public String toString() {
        return "TwoStageMethod[" + settings.retrieverNames() + ", " + settings.candidates() + " candidates, "
                + settings.folds() + " folds]";
    }
}
