package org.audiu.core.twostage;

import java.util.Objects;

/**
 * One training query of the ranker: a playlist of the catalogue, its candidates' pair features and their labels
 * (1: a hidden track of the playlist, 0: not).
 *
 * @param playlistId the playlist the query comes from (the leakage check compares it with the listener's)
 * @param rows       one row of {@link PairFeatures#names()} per candidate
 * @param labels     one label per row
 */
public record RankingQuery(String playlistId, double[][] rows, float[] labels) {
    public RankingQuery {
        Objects.requireNonNull(playlistId, "playlistId");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(labels, "labels");
        if (rows.length != labels.length) {
            throw new IllegalArgumentException("Query " + playlistId + ": " + rows.length + " rows and "
                    + labels.length + " labels");
        }
    }

    /** Whether at least one row is relevant (a query without one teaches a ranking objective nothing). */
    public boolean hasRelevant() {
        for (float l : labels) {
            if (l > 0) {
                return true;
            }
        }
        return false;
    }
}
