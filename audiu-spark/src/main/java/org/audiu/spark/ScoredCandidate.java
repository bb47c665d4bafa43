package org.audiu.spark;

import java.io.Serializable;
import org.audiu.core.recommender.CandidateRow;
import org.audiu.core.recommender.TopK;

/**
 * One candidate a partition kept for a listener: the track, its features in that listener's base schema and the
 * score the listener's recommender gave it. What travels from the executors to the driver (k per listener and
 * partition, never the catalogue).
 */
public record ScoredCandidate(TrackRecord track, double[] features, double score) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static ScoredCandidate of(TopK.Scored<CandidateRow> kept) {
        return new ScoredCandidate(TrackRecord.of(kept.item().track()), kept.item().features(), kept.score());
    }

    public CandidateRow row() {
        return new CandidateRow(track.toTrack(), features);
    }
}
