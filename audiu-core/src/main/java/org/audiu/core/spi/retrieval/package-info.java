/**
 * The retriever plugin kind: stage 1 of the two-stage recommender ({@code org.audiu.core.twostage}). A
 * {@link org.audiu.core.spi.retrieval.Retriever} proposes a few hundred candidates for one listener from a
 * {@link org.audiu.core.spi.retrieval.RetrievalCatalogue}; several named retrievers are merged into the candidate set
 * that the learned ranker (stage 2) orders. Selected by {@code two-stage.retrievers} (a list), parameters under
 * {@code two-stage.retrievers.<name>.}.
 */
package org.audiu.core.spi.retrieval;
