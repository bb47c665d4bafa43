package org.audiu.core.spi.retrieval;

/**
 * Stage 1 of the two-stage recommender: proposes candidates for one listener, cheaply, from one source of evidence
 * (playlists, artists, sound, the listener's own model, popularity). Implementations are immutable and thread-safe,
 * deterministic for a query, never propose an excluded track, and ignore the groups the query leaves out exactly as
 * if the catalogue did not hold them (the contract test {@code RetrieverContractTest} checks all four).
 */
@FunctionalInterface
public interface Retriever {
    /**
     * At most {@code limit} candidates, best first.
     *
     * @param limit at least 1
     */
    Retrieved retrieve(RetrievalQuery query, int limit);
}
