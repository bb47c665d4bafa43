package org.audiu.core.relative;

import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.listener.ListenerFeatureFactory;
import org.audiu.core.testkit.ListenerFeatureContractTest;
import org.junit.jupiter.api.Nested;

/** Every built-in listener feature passes the contract, parameters included in what it saves. */
class BuiltInListenerFeatureContractTests {
    @Nested
    class ArtistAffinityContract extends ListenerFeatureContractTest {
        @Override
        protected ListenerFeatureFactory factory() {
            return new ListenerFeatureFactories.ArtistAffinityFactory();
        }
    }

    @Nested
    class AlbumAffinityContract extends ListenerFeatureContractTest {
        @Override
        protected ListenerFeatureFactory factory() {
            return new ListenerFeatureFactories.AlbumAffinityFactory();
        }
    }

    @Nested
    class CoMembershipContract extends ListenerFeatureContractTest {
        @Override
        protected ListenerFeatureFactory factory() {
            return new ListenerFeatureFactories.CoMembershipFactory();
        }
    }

    @Nested
    class ReleaseYearContract extends ListenerFeatureContractTest {
        @Override
        protected ListenerFeatureFactory factory() {
            return new ListenerFeatureFactories.ReleaseYearFactory();
        }

        @Override
        protected ComponentConfig config() {
            return ComponentConfig.of("listener feature", factory().name(), Map.of("window", "5"), 42);
        }
    }

    @Nested
    class PopularityContract extends ListenerFeatureContractTest {
        @Override
        protected ListenerFeatureFactory factory() {
            return new ListenerFeatureFactories.PopularityFactory();
        }
    }

    @Nested
    class AudioSimilarityContract extends ListenerFeatureContractTest {
        @Override
        protected ListenerFeatureFactory factory() {
            return new ListenerFeatureFactories.AudioSimilarityFactory();
        }

        /** A column the schema lacks is ignored; the order differs from the schema's. */
        @Override
        protected ComponentConfig config() {
            return ComponentConfig.of("listener feature", factory().name(),
                    Map.of("columns", "tempo, energy, not_a_feature, valence"), 42);
        }
    }
}
