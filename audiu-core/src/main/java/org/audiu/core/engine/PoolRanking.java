package org.audiu.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second pass over the pool: streams every candidate outside the library through {@link CandidateFeatures} in
 * batches and ranks them with a {@link TrainedRecommender}. Library tracks are left out before their features are
 * looked up, once per candidate. Memory stays bounded however large the pool.
 */
public final class PoolRanking {
    private static final Logger LOG = LoggerFactory.getLogger(PoolRanking.class);

    private final CandidateSource candidates;
    private final CandidateFeatures features;
    private final int batchSize;
    private final ProgressReporter progress;

    public PoolRanking(CandidateSource candidates, CandidateFeatures features, int batchSize,
                       ProgressReporter progress) {
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.features = Objects.requireNonNull(features, "features");
        this.batchSize = batchSize;
        this.progress = progress == null ? ProgressReporter.NONE : progress;
    }

    /** Ranked recommendations with pool statistics. */
    public record Ranking(List<Recommendation> recommendations, long poolSize, long poolMissingFeatures) {
        public Ranking {
            recommendations = List.copyOf(recommendations);
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
        TrainedRecommender.TopRecommendations top = recommender.top(limit);
        long pool = 0;
        long missing = 0;
        List<Candidate> batch = new ArrayList<>(batchSize);
        try (Stream<Candidate> stream = candidates.candidates();
             ProgressReporter.Step step = progress.start("Scoring pool", expectedPool)) {
            var it = stream.iterator();
            while (it.hasNext()) {
                Candidate c = it.next();
                if (recommender.excludes(c.track())) {
                    continue;
                }
                batch.add(c);
                if (batch.size() == batchSize) {
                    pool += batch.size();
                    missing += offer(batch, top);
                    step.advance(batch.size());
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                pool += batch.size();
                missing += offer(batch, top);
                step.advance(batch.size());
            }
        }
        if (missing > 0) {
            LOG.warn("{} of {} candidates have no features in {} and were not scored", missing, pool,
                    features.chain().providerNames());
        }
        return new Ranking(top.recommendations(), pool, missing);
    }

    private long offer(List<Candidate> batch, TrainedRecommender.TopRecommendations top) {
        CandidateFeatures.Batch rows = features.rows(batch);
        if (!rows.rows().isEmpty()) {
            top.offer(rows.rows());
        }
        return rows.missing();
    }
}
