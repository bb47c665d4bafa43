package org.audiu.core.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.CandidateRow;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second pass over the pool: streams every candidate outside the library through {@link CandidateFeatures} in
 * batches and ranks them with a {@link TrainedRecommender}. Memory stays bounded however large the pool.
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
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        if (!recommender.baseSchema().equals(features.chain().targetSchema())) {
            throw new DataException("The recommender was trained on the features "
                    + recommender.baseSchema() + " but the configuration's 'features.columns' give "
                    + features.chain().targetSchema() + "; use the configuration it was trained with.");
        }
        try (Stream<Candidate> stream = candidates.candidates();
             ProgressReporter.Step step = progress.start("Scoring pool", expectedPool)) {
            Rows rows = new Rows(stream.iterator(), recommender, step);
            List<Recommendation> out = recommender.recommend(rows, limit, batchSize);
            if (rows.missing > 0) {
                LOG.warn("{} of {} candidates have no features in {} and were not scored", rows.missing, rows.pool,
                        features.chain().providerNames());
            }
            return new Ranking(out, rows.pool, rows.missing);
        }
    }

    /** Candidates outside the library as rows, looked up a batch at a time. */
    private final class Rows implements Iterator<CandidateRow> {
        private final Iterator<Candidate> source;
        private final TrainedRecommender recommender;
        private final ProgressReporter.Step step;
        private Iterator<CandidateRow> current = List.<CandidateRow>of().iterator();
        long pool;
        long missing;

        Rows(Iterator<Candidate> source, TrainedRecommender recommender, ProgressReporter.Step step) {
            this.source = source;
            this.recommender = recommender;
            this.step = step;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!source.hasNext()) {
                    return false;
                }
                List<Candidate> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && source.hasNext()) {
                    Candidate c = source.next();
                    if (!recommender.excludes(c.track())) {
                        batch.add(c);
                    }
                }
                if (batch.isEmpty()) {
                    continue;
                }
                pool += batch.size();
                CandidateFeatures.Batch rows = features.rows(batch);
                missing += rows.missing();
                step.advance(batch.size());
                current = rows.rows().iterator();
            }
            return true;
        }

        @Override
        public CandidateRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
