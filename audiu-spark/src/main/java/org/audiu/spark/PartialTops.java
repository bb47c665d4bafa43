package org.audiu.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.audiu.core.recommender.TrainedRecommender;

/**
 * What one partition (or a merge of several) found: for each listener, in listener order, the candidates of its
 * bounded top-k with their scores, and how many catalogue rows it read and scored. At most k candidates per
 * listener, however large the partition.
 *
 * @param rows   catalogue rows read
 * @param scored per listener, the rows scored (those outside the listener's library)
 */
public record PartialTops(List<List<ScoredCandidate>> tops, long rows, long[] scored) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PartialTops {
        tops = new ArrayList<>(tops.stream().<List<ScoredCandidate>>map(ArrayList::new).toList());
        scored = scored.clone();
    }

    /**
     * Merges two partial results with the listeners' recommenders: each listener's candidates go through one
     * bounded top-k with the artist cap, so the merge of every partition is exactly the top of the whole catalogue.
     */
    public static PartialTops merge(PartialTops a, PartialTops b, List<TrainedRecommender> recommenders, int k) {
        List<List<ScoredCandidate>> merged = new ArrayList<>(recommenders.size());
        long[] scored = new long[recommenders.size()];
        for (int l = 0; l < recommenders.size(); l++) {
            TrainedRecommender.TopRecommendations top = recommenders.get(l).top(k);
            for (PartialTops p : List.of(a, b)) {
                for (ScoredCandidate c : p.tops().get(l)) {
                    top.offerScored(c.row(), c.score());
                }
            }
            merged.add(top.kept().stream().map(ScoredCandidate::of).toList());
            scored[l] = a.scored[l] + b.scored[l];
        }
        return new PartialTops(merged, a.rows + b.rows, scored);
    }

    /** Each listener's final recommendations, reasons written by its recommender exactly as the local engine does. */
    public List<List<org.audiu.core.Recommendation>> recommendations(List<TrainedRecommender> recommenders, int k) {
        List<List<org.audiu.core.Recommendation>> out = new ArrayList<>();
        for (int l = 0; l < recommenders.size(); l++) {
            TrainedRecommender.TopRecommendations top = recommenders.get(l).top(k);
            for (ScoredCandidate c : tops.get(l)) {
                top.offerScored(c.row(), c.score());
            }
            out.add(top.recommendations());
        }
        return out;
    }
}
