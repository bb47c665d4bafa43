package org.audiu.core.eval.playlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.audiu.core.AudiuException;
import org.audiu.core.DataException;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.metrics.RankingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playlist-continuation benchmark. Every playlist with enough unique tracks is one listener; a seeded share of
 * its tracks is hidden; the visible tracks are the listener's library; the pool is every other catalogue track (or
 * the hidden tracks with a seeded sample of others, {@link PoolChoice}).
 * Each method recommends max(k, hidden) tracks; P@k, recall@k, NDCG@k, R-precision and hit-rate@k are averaged over
 * listeners, then over repetitions (one seed each). Listeners run in parallel; results do not depend on the thread
 * count.
 */
public final class PlaylistContinuation {
    private static final Logger LOG = LoggerFactory.getLogger(PlaylistContinuation.class);

    /**
     * @param k         the cut-off (10)
     * @param seeds     repetitions (3), seeds {@code firstSeed}, {@code firstSeed + 1}, ...
     * @param threads   listeners evaluated at once (the number of cores)
     * @param splitter  who is a listener and what is hidden
     * @param maxListeners evaluate only this many listeners, evenly spread over the file (0: all), for quick runs
     * @param pool      the pool each listener's recommendations come from
     */
    public record Options(int k, int seeds, long firstSeed, int threads, PlaylistSplitter splitter,
                          int maxListeners, PoolChoice pool) {
        public Options {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            Objects.requireNonNull(splitter, "splitter");
            if (maxListeners < 0) {
                throw new IllegalArgumentException("maxListeners must be >= 0, got " + maxListeners);
            }
            Objects.requireNonNull(pool, "pool");
        }

        /** Options whose pool is the whole catalogue. */
        public Options(int k, int seeds, long firstSeed, int threads, PlaylistSplitter splitter, int maxListeners) {
            this(k, seeds, firstSeed, threads, splitter, maxListeners, PoolChoice.all());
        }

        public static Options standard(long firstSeed) {
            return new Options(10, 3, firstSeed, Runtime.getRuntime().availableProcessors(),
                    PlaylistSplitter.standard(), 0);
        }
    }

    private final EvaluationCatalogue catalogue;
    private final Options options;

    public PlaylistContinuation(EvaluationCatalogue catalogue, Options options) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The playlists that are listeners, in file order (an even spread of them with {@code maxListeners}). */
    public List<DatasetPlaylist> listeners() {
        List<DatasetPlaylist> all = catalogue.dataset().playlists().values().stream()
                .filter(options.splitter()::eligible).toList();
        int max = options.maxListeners();
        if (max == 0 || max >= all.size()) {
            return all;
        }
        List<DatasetPlaylist> spread = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            spread.add(all.get((int) ((long) i * all.size() / max)));
        }
        return spread;
    }

    /** The listener of a playlist in one repetition. */
    public EvaluationListener listener(DatasetPlaylist playlist, long seed) {
        PlaylistSplit split = options.splitter().split(playlist, seed);
        var library = catalogue.library(playlist, split);
        EvaluationPool pool = options.pool().sampleSize() == 0 ? EvaluationPool.all()
                : options.pool().poolOf(catalogue, split, catalogue.excluded(library), seed);
        return new EvaluationListener(playlist, split, library, seed, pool);
    }

    /**
     * Runs every method on every listener of every repetition.
     *
     * @throws DataException when no playlist is a listener, or a method fails on a listener (naming both)
     */
    public ContinuationReport run(List<ContinuationMethod> methods, ProgressReporter progress) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("No method to evaluate");
        }
        List<DatasetPlaylist> playlists = listeners();
        if (playlists.isEmpty()) {
            PlaylistSplitter sp = options.splitter();
            throw new DataException(catalogue.dataset().source() + " has no playlist with " + sp.minTracks()
                    + (sp.maxTracks() == Integer.MAX_VALUE ? " or more" : " to " + sp.maxTracks())
                    + " unique tracks, so there is no listener to evaluate. Playlist continuation needs a dataset "
                    + "with playlist_id columns, like spotify_songs.csv; widen --min-tracks/--max-tracks.");
        }
        long start = System.nanoTime();
        int seeds = options.seeds();
        int[] firstColumn = new int[methods.size()];
        List<String> names = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (int j = 0; j < methods.size(); j++) {
            firstColumn[j] = names.size();
            names.addAll(methods.get(j).variantNames());
            caps.addAll(methods.get(j).variantCaps());
        }
        int m = names.size();
        RankingMetrics[][][] results = new RankingMetrics[seeds][playlists.size()][m];
        AtomicLongArray nanos = new AtomicLongArray(m);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "audiu-evaluate");
            t.setDaemon(true);
            return t;
        });
        try (ProgressReporter.Step step = progress.start("Evaluating " + playlists.size() + " listeners x " + seeds
                + " seeds", (long) seeds * playlists.size())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                long seed = options.firstSeed() + s;
                for (int p = 0; p < playlists.size(); p++) {
                    int si = s;
                    int pi = p;
                    futures.add(pool.submit(() -> {
                        EvaluationListener listener = listener(playlists.get(pi), seed);
                        for (int j = 0; j < methods.size(); j++) {
                            long t0 = System.nanoTime();
                            List<RankingMetrics> variants = evaluate(methods.get(j), listener);
                            for (int v = 0; v < variants.size(); v++) {
                                results[si][pi][firstColumn[j] + v] = variants.get(v);
                            }
                            nanos.addAndGet(firstColumn[j], System.nanoTime() - t0);
                        }
                        synchronized (step) {
                            step.advance(1);
                        }
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AudiuException a) {
                throw a;
            }
            throw new IllegalStateException("Evaluation failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Evaluation interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        List<Long> seedList = new ArrayList<>();
        List<ContinuationReport.MethodResult> out = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            seedList.add(options.firstSeed() + s);
        }
        for (int j = 0; j < m; j++) {
            List<RankingMetrics> perSeed = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                List<RankingMetrics> all = new ArrayList<>();
                for (int p = 0; p < playlists.size(); p++) {
                    all.add(results[s][p][j]);
                }
                perSeed.add(RankingMetrics.mean(all));
            }
            out.add(new ContinuationReport.MethodResult(names.get(j), caps.get(j), RankingMetrics.mean(perSeed),
                    perSeed, nanos.get(j) / 1e9));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Playlist continuation: {} listeners x {} seeds, {} methods in {} s", playlists.size(), seeds, m,
                String.format(java.util.Locale.ROOT, "%.1f", seconds));
        return new ContinuationReport(options.k(), seedList, playlists.size(), out, seconds);
    }

    private List<RankingMetrics> evaluate(ContinuationMethod method, EvaluationListener listener) {
        int n = Math.max(options.k(), listener.split().hidden().size());
        List<List<String>> variants;
        try {
            variants = method.recommendVariants(listener, n);
        } catch (AudiuException e) {
            throw new DataException("Method '" + method.name() + "' failed on playlist " + listener.playlist().id()
                    + " ('" + listener.playlist().name() + "', seed " + listener.seed() + "): " + e.getMessage(), e);
        }
        if (variants.size() != method.variantNames().size()) {
            throw new IllegalStateException("Method '" + method.name() + "' returned " + variants.size()
                    + " lists for its " + method.variantNames().size() + " variants");
        }
        Set<String> library = new HashSet<>(listener.split().visible());
        Set<String> hidden = new HashSet<>(listener.split().hidden());
        List<RankingMetrics> out = new ArrayList<>(variants.size());
        for (List<String> ranked : variants) {
            for (String id : ranked) {
                if (library.contains(id)) {
                    throw new IllegalStateException("Method '" + method.name() + "' recommended library track "
                            + id + " to playlist " + listener.playlist().id());
                }
                int i = catalogue.indexOf(id);
                if (i < 0 || !listener.pool().contains(i)) {
                    throw new IllegalStateException("Method '" + method.name() + "' recommended track " + id
                            + ", which is not in the pool of playlist " + listener.playlist().id());
                }
            }
            out.add(RankingMetrics.of(ranked, hidden, options.k()));
        }
        return out;
    }
}
