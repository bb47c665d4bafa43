package org.audiu.core.spi.retrieval;

import java.util.Arrays;
import java.util.Objects;

/**
 * One listener as stage 1 sees it.
 *
 * @param catalogue   the catalogue retrieved from
 * @param library     the listener's tracks, as catalogue positions (each once)
 * @param excluded    by position: tracks that must never be proposed (the library, the same songs under other ids,
 *                    tracks outside the listener's pool)
 * @param leftOut     by group: groups a retriever must ignore, as if the catalogue did not hold them (the listener's
 *                    own playlists, so nothing is learnt from the grouping being predicted); shared, not copied
 * @param modelScores by position, the listener's own model's score, NaN where it scored nothing; {@code null} when
 *                    no per-listener model ran
 * @param seed        for any random choice
 */
public record RetrievalQuery(RetrievalCatalogue catalogue, int[] library, boolean[] excluded, boolean[] leftOut,
                             double[] modelScores, long seed) {
    public RetrievalQuery {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(excluded, "excluded");
        Objects.requireNonNull(leftOut, "leftOut");
        if (excluded.length != catalogue.size()) {
            throw new IllegalArgumentException("excluded has " + excluded.length + " entries for a catalogue of "
                    + catalogue.size() + " tracks");
        }
        if (leftOut.length != catalogue.groupCount()) {
            throw new IllegalArgumentException("leftOut has " + leftOut.length + " entries for a catalogue of "
                    + catalogue.groupCount() + " groups");
        }
        if (modelScores != null && modelScores.length != catalogue.size()) {
            throw new IllegalArgumentException("modelScores has " + modelScores.length + " entries for a catalogue of "
                    + catalogue.size() + " tracks");
        }
        for (int i : library) {
            if (i < 0 || i >= catalogue.size()) {
                throw new IllegalArgumentException("library position " + i + " is outside the catalogue");
            }
        }
    }

    /** Whether a retriever may use this group. */
    public boolean usable(int group) {
        return !leftOut[group];
    }

    /** Whether the listener's own model scored the catalogue. */
    public boolean hasModelScores() {
        return modelScores != null;
    }

    @Override
    public String toString() {
        return "RetrievalQuery[" + library.length + " library tracks, left out groups "
                + Arrays.toString(java.util.stream.IntStream.range(0, leftOut.length).filter(g -> leftOut[g])
                .toArray()) + "]";
    }
}
