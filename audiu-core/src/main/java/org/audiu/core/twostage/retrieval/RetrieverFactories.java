package org.audiu.core.twostage.retrieval;

import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.retrieval.Retriever;
import org.audiu.core.spi.retrieval.RetrieverFactory;

/**
 * The built-in retrievers' factories, listed in
 * {@code META-INF/services/org.audiu.core.spi.retrieval.RetrieverFactory}.
 * How many candidates each proposes is the two-stage recommender's {@code two-stage.retrievers.<name>.limit} (read by
 * {@code TwoStageSettings}, not here).
 */
public final class RetrieverFactories {
    private RetrieverFactories() {
    }

    /** {@code co-membership}: item-item over the catalogue's playlists. */
    public static final class CoMembership implements RetrieverFactory {
        @Override
        public String name() {
            return "co-membership";
        }

        @Override
        public String description() {
            return "tracks that share the catalogue's playlists with the listener's tracks";
        }

        @Override
        public Retriever create(ComponentConfig config) {
            return new CoMembershipRetriever();
        }
    }

    /** {@code artists}: the listener's artists, then artists sharing playlists with them. */
    public static final class Artists implements RetrieverFactory {
        @Override
        public String name() {
            return "artists";
        }

        @Override
        public String description() {
            return "tracks by the listener's artists, then by artists sharing playlists with them";
        }

        @Override
        public Retriever create(ComponentConfig config) {
            return new ArtistRetriever(config.getBoolean("related", true));
        }
    }

    /** {@code audio-neighbours}: the CatalogueNeighbours sound kernel. */
    public static final class AudioNeighbours implements RetrieverFactory {
        @Override
        public String name() {
            return "audio-neighbours";
        }

        @Override
        public String description() {
            return "tracks that sound like the listener's (the catalogue-neighbours kernel, no playlists)";
        }

        @Override
        public Retriever create(ComponentConfig config) {
            return new AudioNeighbourRetriever(config.getDouble("artist-sound-weight", 0.5, 0, 100));
        }
    }

    /** {@code listener-model}: the top of the listener's own model. */
    public static final class ListenerModel implements RetrieverFactory {
        @Override
        public String name() {
            return "listener-model";
        }

        @Override
        public String description() {
            return "the best tracks by the listener's own model (the single-stage ranking)";
        }

        @Override
        public Retriever create(ComponentConfig config) {
            return new ListenerModelRetriever();
        }
    }

    /** {@code popularity}: the most popular tracks. */
    public static final class Popularity implements RetrieverFactory {
        @Override
        public String name() {
            return "popularity";
        }

        @Override
        public String description() {
            return "the catalogue's most popular tracks";
        }

        @Override
        public Retriever create(ComponentConfig config) {
            return new PopularityRetriever();
        }
    }
}
