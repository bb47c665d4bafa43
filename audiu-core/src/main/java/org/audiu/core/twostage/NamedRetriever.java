package org.audiu.core.twostage;

import java.util.Objects;
import org.audiu.core.spi.retrieval.Retriever;

/**
 * A configured retriever: its plugin name, the retriever and how many candidates it proposes.
 *
 * @param limit at least 1 ({@code two-stage.retrievers.<name>.limit})
 */
public record NamedRetriever(String name, Retriever retriever, int limit) {
    public NamedRetriever {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retriever, "retriever");
        if (limit < 1) {
            throw new IllegalArgumentException("limit of retriever '" + name + "' must be >= 1, got " + limit);
        }
    }
}
