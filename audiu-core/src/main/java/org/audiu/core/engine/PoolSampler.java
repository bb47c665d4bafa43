package org.audiu.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.audiu.core.DataException;
import org.audiu.core.Track;
import org.audiu.core.recommender.CandidateRow;
import org.audiu.core.recommender.LibraryExclusions;
import org.audiu.core.relative.FittedListenerFeatures;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first pass over the pool: a seeded uniform sample (reservoir) of candidates outside the library, the training
 * negatives; and which listener columns vary over the pool (one that is the same for every candidate, like an
 * artist share when the library holds all its artists' tracks, cannot rank anything, yet a tree would split on it
 * first).
 */
public final class PoolSampler {
    private static final Logger LOG = LoggerFactory.getLogger(PoolSampler.class);

    private final CandidateSource candidates;
    private final CandidateFeatures features;
    private final EngineSettings settings;
    private final ProgressReporter progress;
    private final String sourceName;

    public PoolSampler(CandidateSource candidates, CandidateFeatures features, EngineSettings settings,
                       ProgressReporter progress, String sourceName) {
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.features = Objects.requireNonNull(features, "features");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = progress == null ? ProgressReporter.NONE : progress;
        this.sourceName = sourceName;
    }

    public PoolSample sample(PreparedListener listener) {
        int wanted = (int) Math.min(settings.maxNegatives(),
                Math.max(10, Math.round(listener.liked().size() * settings.negativesPerLiked())));
        LibraryExclusions exclusions = LibraryExclusions.of(listener.library());
        Random random = new Random(settings.seed() ^ 0x9E3779B97F4A7C15L);
        List<Candidate> reservoir = new ArrayList<>(wanted);
        long seen = 0;
        FittedListenerFeatures.ColumnRanges columns = listener.relative().columnRanges();
        try (Stream<Candidate> stream = candidates.candidates();
             ProgressReporter.Step step = progress.start("Sampling pool", -1)) {
            var it = stream.iterator();
            while (it.hasNext()) {
                Candidate c = it.next();
                step.advance(1);
                if (exclusions.excludes(c)) {
                    continue;
                }
                seen++;
                columns.observe(c.track(), c.keys());
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
            throw new DataException("The candidate pool (candidates.source = " + sourceName + ") has no track outside "
                    + "the listener's library: there is nothing new to recommend. Point candidates at a larger "
                    + "catalogue.");
        }
        if (seen < settings.recommendations()) {
            throw new DataException("The candidate pool has only " + seen + " track" + (seen == 1 ? "" : "s")
                    + " outside the library, fewer than recommendations = " + settings.recommendations()
                    + ". Lower 'recommendations' (or --limit) or use a larger pool.");
        }
        CandidateFeatures.Batch rows = features.rows(reservoir);
        List<Track> tracks = rows.rows().stream().map(CandidateRow::track).toList();
        double[][] matrix = rows.rows().stream().map(CandidateRow::features).toArray(double[][]::new);
        List<String> constant = columns.constantColumns();
        if (!constant.isEmpty()) {
            LOG.info("Listener columns with one value for every candidate of the pool, left out of the model: {}",
                    constant);
        }
        return new PoolSample(tracks, matrix, seen, listener.relative().withoutColumns(constant));
    }
}
