package org.audiu.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;

/**
 * Scores one partition of the catalogue for every listener: candidates are read in batches; for each listener the
 * batch's tracks outside its library get their features through {@link CandidateFeatures} (a candidate's own
 * features projected onto the recommender's base schema, metadata filled from the track, as in the local engine's
 * pool pass) and go into that listener's bounded top-k ({@link TrainedRecommender#top}). Emits one
 * {@link PartialTops} per partition: k candidates per listener, never the partition's rows.
 */
public final class PartitionScorer implements FlatMapFunction<Iterator<Candidate>, PartialTops> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<BroadcastRecommenders> recommenders;
    private final int k;
    private final int batchSize;

    public PartitionScorer(Broadcast<BroadcastRecommenders> recommenders, int k, int batchSize) {
        if (k < 1 || batchSize < 1) {
            throw new IllegalArgumentException("k and batchSize must be >= 1, got " + k + ", " + batchSize);
        }
        this.recommenders = recommenders;
        this.k = k;
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<PartialTops> call(Iterator<Candidate> candidates) {
        List<TrainedRecommender> listeners = recommenders.value().recommenders();
        int n = listeners.size();
        List<TrainedRecommender.TopRecommendations> tops = new ArrayList<>(n);
        List<CandidateFeatures> features = new ArrayList<>(n);
        for (TrainedRecommender r : listeners) {
            tops.add(r.top(k));
            features.add(new CandidateFeatures(new FeatureProviderChain(List.of(), r.baseSchema())));
        }
        long rows = 0;
        long[] scored = new long[n];
        List<Candidate> batch = new ArrayList<>(batchSize);
        List<Candidate> outside = new ArrayList<>(batchSize);
        while (candidates.hasNext()) {
            batch.add(candidates.next());
            if (batch.size() == batchSize || !candidates.hasNext()) {
                rows += batch.size();
                for (int l = 0; l < n; l++) {
                    TrainedRecommender r = listeners.get(l);
                    outside.clear();
                    for (Candidate c : batch) {
                        if (!r.excludes(c.track())) {
                            outside.add(c);
                        }
                    }
                    if (!outside.isEmpty()) {
                        tops.get(l).offer(features.get(l).rows(outside).rows());
                        scored[l] += outside.size();
                    }
                }
                batch.clear();
            }
        }
        List<List<ScoredCandidate>> kept = new ArrayList<>(n);
        for (TrainedRecommender.TopRecommendations top : tops) {
            kept.add(top.kept().stream().map(ScoredCandidate::of).toList());
        }
        return List.of(new PartialTops(kept, rows, scored)).iterator();
    }
}
