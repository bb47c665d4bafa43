package org.audiu.core.spi.retrieval;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/**
 * Service interface for {@link Retriever}s; listed in
 * {@code META-INF/services/org.audiu.core.spi.retrieval.RetrieverFactory}.
 * Selected by {@code two-stage.retrievers} (a comma-separated list), parameters under
 * {@code two-stage.retrievers.<name>.} (every retriever reads {@code limit}, how many candidates it proposes).
 */
public interface RetrieverFactory extends PluginFactory<Retriever> {
    /** The kind: selected by {@code two-stage.retrievers}, parameters under {@code two-stage.retrievers.}. */
    PluginKind<RetrieverFactory> KIND = new PluginKind<>("retriever", RetrieverFactory.class, "two-stage.retrievers",
            "two-stage.retrievers", PluginKind.Selection.LIST,
            "co-membership, artists, audio-neighbours, listener-model, popularity",
            "audiu-core (co-membership, artists, audio-neighbours, listener-model, popularity) or your own jar");
}
