package org.audiu.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.CandidateRow;
import org.audiu.core.recommender.TopK;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.SplittableCandidateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second pass over the pool: streams every candidate outside the library through {@link CandidateFeatures} in
 * batches and ranks them with a {@link TrainedRecommender}. Library tracks are left out before their features are
 * looked up, once per candidate. The caller's thread reads the pool; batches go to helper threads while they are free
 * and are ranked on the caller's thread otherwise, each thread with its own top, merged at the end into exactly the
 * list one thread would give. Memory stays bounded however large the pool: at most one batch per thread is held.
 */
public final class PoolRanking {
    private static final Logger LOG = LoggerFactory.getLogger(PoolRanking.class);

    private final CandidateSource candidates;
    private final CandidateFeatures features;
    private final int batchSize;
    private final ProgressReporter progress;
    private final int helpers;

    /** A ranking pass with one helper thread per core beyond the caller's ({@link #defaultHelpers()}). */
    public PoolRanking(CandidateSource candidates, CandidateFeatures features, int batchSize,
                       ProgressReporter progress) {
        this(candidates, features, batchSize, progress, defaultHelpers());
    }

    /**
     * @param helpers threads that rank batches beside the caller, which reads the pool and ranks the batches no
     *                helper is free for; 0 ranks everything on the caller's thread. The result does not depend on
     *                it: each thread keeps its own top, and the tops of disjoint batches merge into exactly the top
     *                of one pass ({@link TrainedRecommender.TopRecommendations#offerScored}).
     */
    public PoolRanking(CandidateSource candidates, CandidateFeatures features, int batchSize,
                       ProgressReporter progress, int helpers) {
        if (helpers < 0) {
            throw new IllegalArgumentException("helpers must be >= 0, got " + helpers);
        }
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.features = Objects.requireNonNull(features, "features");
        this.batchSize = batchSize;
        this.progress = progress == null ? ProgressReporter.NONE : progress;
        this.helpers = helpers;
    }

    /** One helper per core beyond the caller's. */
    public static int defaultHelpers() {
        return Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Ranked recommendations with pool statistics. */
    public record Ranking(List<Recommendation> recommendations, long poolSize, long poolMissingFeatures) {
        public Ranking {
            recommendations = List.copyOf(recommendations);
        }
    }

    /**
     * One thread's share of a pass: its own top and counts, confined to the one thread that runs it at a time (a
     * helper's lane takes its next batch only after the last one is done).
     */
    private final class Lane {
        final TrainedRecommender recommender;
        final TrainedRecommender.TopRecommendations top;
        final ProgressReporter.Step step;
        long pool;
        long missing;

        Lane(TrainedRecommender recommender, int limit, ProgressReporter.Step step) {
            this.recommender = recommender;
            this.top = recommender.top(limit);
            this.step = step;
        }

        /** Ranks a whole stream (one part of the pool), batch by batch, and closes it. */
        void rankAll(Stream<Candidate> part) {
            try (part) {
                List<Candidate> batch = new ArrayList<>(batchSize);
                var it = part.iterator();
                while (it.hasNext()) {
                    batch.add(it.next());
                    if (batch.size() == batchSize) {
                        rank(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    rank(batch);
                }
            }
        }

        /** Leaves out the library's tracks (before their features are looked up), then scores and keeps the best. */
        void rank(List<Candidate> batch) {
            List<Candidate> outside = new ArrayList<>(batch.size());
            for (Candidate c : batch) {
                if (!recommender.excludes(c)) {
                    outside.add(c);
                }
            }
            if (outside.isEmpty()) {
                return;
            }
            pool += outside.size();
            CandidateFeatures.Batch rows = features.rows(outside);
            if (!rows.rows().isEmpty()) {
                top.offer(rows.rows());
            }
            missing += rows.missing();
            synchronized (step) {
                step.advance(outside.size());
            }
        }
    }

    /**
     * @param expectedPool the pool size for the progress bar, or -1 when unknown
     */
    public Ranking rank(TrainedRecommender recommender, int limit, long expectedPool) {
        if (!recommender.baseSchema().equals(features.chain().targetSchema())) {
            throw new DataException("The recommender was trained on the features " + recommender.baseSchema()
                    + " but the configuration's 'features.columns' give " + features.chain().targetSchema()
                    + "; use the configuration it was trained with.");
        }
        // A pool known to be a few batches is not worth a thread.
        int threads = expectedPool >= 0 && expectedPool < 4L * batchSize ? 0 : helpers;
        ExecutorService executor = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audiu-ranking");
            t.setDaemon(true);
            return t;
        });
        if (threads > 0 && candidates instanceof SplittableCandidateSource parts
                && parts.size() >= 4L * batchSize * (threads + 1)) {
            try (ProgressReporter.Step step = progress.start("Scoring pool", expectedPool)) {
                return rankInParts(parts, recommender, limit, threads, executor, step);
            } finally {
                executor.shutdownNow();
            }
        }
        try (Stream<Candidate> stream = candidates.candidates();
             ProgressReporter.Step step = progress.start("Scoring pool", expectedPool)) {
            Lane mine = new Lane(recommender, limit, step);
            Lane[] lanes = new Lane[threads];
            Future<?>[] running = new Future<?>[threads];
            for (int i = 0; i < threads; i++) {
                lanes[i] = new Lane(recommender, limit, step);
            }
            List<Candidate> batch = new ArrayList<>(batchSize);
            var it = stream.iterator();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == batchSize) {
                    dispatch(batch, mine, lanes, running, executor);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                mine.rank(batch);
            }
            for (int i = 0; i < threads; i++) {
                await(running[i]);
            }
            return merge(mine, lanes);
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    /**
     * Each thread reads, scores and ranks its own contiguous part of a pool that can be read in parts: the caller
     * the last part, each helper one of the others.
     */
    private Ranking rankInParts(SplittableCandidateSource parts, TrainedRecommender recommender, int limit,
                                int threads, ExecutorService executor, ProgressReporter.Step step) {
        long size = parts.size();
        int n = threads + 1;
        Lane[] lanes = new Lane[threads];
        Future<?>[] running = new Future<?>[threads];
        for (int i = 0; i < threads; i++) {
            Lane lane = new Lane(recommender, limit, step);
            long from = size * i / n;
            long to = size * (i + 1) / n;
            lanes[i] = lane;
            running[i] = executor.submit(() -> lane.rankAll(parts.candidates(from, to)));
        }
        Lane mine = new Lane(recommender, limit, step);
        mine.rankAll(parts.candidates(size * threads / n, size));
        for (Future<?> f : running) {
            await(f);
        }
        return merge(mine, lanes);
    }

    /** Every helper's top merged into the caller's: exactly the top of one pass over the whole pool. */
    private Ranking merge(Lane mine, Lane[] lanes) {
        long pool = mine.pool;
        long missing = mine.missing;
        for (Lane lane : lanes) {
            pool += lane.pool;
            missing += lane.missing;
            for (TopK.Scored<CandidateRow> kept : lane.top.kept()) {
                mine.top.offerScored(kept.item(), kept.score());
            }
        }
        if (missing > 0) {
            LOG.warn("{} of {} candidates have no features in {} and were not scored", missing, pool,
                    features.chain().providerNames());
        }
        return new Ranking(mine.top.recommendations(), pool, missing);
    }

    /** Hands a batch to a free helper, or ranks it on this thread when every helper is busy. */
    private static void dispatch(List<Candidate> batch, Lane mine, Lane[] lanes, Future<?>[] running,
                                 ExecutorService executor) {
        for (int i = 0; i < lanes.length; i++) {
            if (running[i] == null || running[i].isDone()) {
                await(running[i]); // its failure, if any, surfaces here
                Lane lane = lanes[i];
                running[i] = executor.submit(() -> lane.rank(batch));
                return;
            }
        }
        mine.rank(batch);
    }

    private static void await(Future<?> f) {
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Ranking a batch failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ranking the pool", e);
        }
    }
}
