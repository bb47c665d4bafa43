package org.audiu.core.demo;

import java.util.List;
import java.util.Map;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.testkit.CandidateSourceContractTest;
import org.audiu.core.testkit.FeatureProviderContractTest;
import org.audiu.core.testkit.LibrarySourceContractTest;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Nested;

/** The generated pool's plugins (the benchmarks' catalogue) pass the contract tests every plugin must pass. */
class GeneratedContractTests {
    private static ComponentConfig config(String kind) {
        return ComponentConfig.of(kind, "generated", Map.of("size", "5000"), 42);
    }

    @Nested
    class Library extends LibrarySourceContractTest {
        @Override
        protected LibrarySource source() {
            return new GeneratedFactories.LibraryFactory().create(config("library source"));
        }
    }

    @Nested
    class Candidates extends CandidateSourceContractTest {
        @Override
        protected CandidateSource source() {
            return new GeneratedFactories.CandidatesFactory().create(config("candidate source"));
        }
    }

    @Nested
    class Features extends FeatureProviderContractTest {
        @Override
        protected FeatureProvider provider() {
            return new GeneratedFactories.FeaturesFactory().create(config("feature provider"));
        }

        @Override
        protected List<Track> knownTracks() {
            GeneratedCatalogue catalogue = new GeneratedCatalogue(5000, 42, 20);
            return List.of(catalogue.candidate(0).track(), catalogue.candidate(1234).track(),
                    catalogue.candidate(4999).track());
        }

        @Override
        protected Track unknownTrack() {
            return TestData.track("unknown", "Nobody");
        }
    }
}
