package org.audiu.core.twostage;

import java.nio.file.Path;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.PluginRegistry;
import org.audiu.core.spi.retrieval.Retriever;
import org.audiu.core.spi.retrieval.RetrieverFactory;
import org.audiu.core.testkit.RetrieverContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in retriever passes the retriever contract, created by name through its registration. */
class BuiltInRetrieversContractTest {
    static Retriever create(String name) {
        ComponentConfig config = new ComponentConfig(RetrieverFactory.KIND.label(), name,
                "two-stage.retrievers." + name + ".", Map.of(), 42, Path.of("."), "test");
        return PluginRegistry.load(RetrieverFactory.KIND, BuiltInRetrieversContractTest.class.getClassLoader())
                .create(name, config);
    }

    @Test
    void theFiveBuiltInsAreRegistered() {
        assertEquals(java.util.List.of("artists", "audio-neighbours", "co-membership", "listener-model",
                "popularity"), PluginRegistry.load(RetrieverFactory.KIND, getClass().getClassLoader()).names()
                .stream().sorted().toList());
    }

    @Test
    void unknownParameterFailsNamingIt() {
        ComponentConfig config = new ComponentConfig(RetrieverFactory.KIND.label(), "artists",
                "two-stage.retrievers.artists.", Map.of("relatd", "false"), 42, Path.of("."), "test");
        var e = assertThrows(org.audiu.core.config.ConfigException.class, () -> PluginRegistry.load(
                RetrieverFactory.KIND, getClass().getClassLoader()).create("artists", config));
        assertTrue(e.getMessage().contains("two-stage.retrievers.artists.relatd"), e.getMessage());
    }

    @Nested
    class CoMembership extends RetrieverContractTest {
        @Override
        protected Retriever retriever() {
            return create("co-membership");
        }
    }

    @Nested
    class Artists extends RetrieverContractTest {
        @Override
        protected Retriever retriever() {
            return create("artists");
        }
    }

    @Nested
    class AudioNeighbours extends RetrieverContractTest {
        @Override
        protected Retriever retriever() {
            return create("audio-neighbours");
        }
    }

    @Nested
    class ListenerModel extends RetrieverContractTest {
        @Override
        protected Retriever retriever() {
            return create("listener-model");
        }
    }

    @Nested
    class Popularity extends RetrieverContractTest {
        @Override
        protected Retriever retriever() {
            return create("popularity");
        }
    }
}
