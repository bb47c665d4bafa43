package org.audiu.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;

/** The demo plugins pass the contract tests every plugin must pass. */
class DemoContractTests {
    private static ComponentConfig config(String kind) {
        return ComponentConfig.of(kind, "demo", Map.of(), 42);
    }

    @Nested
    class Library extends LibrarySourceContractTest {
        @Override
        protected LibrarySource source() {
            return new DemoFactories.LibraryFactory().create(config("library source"));
        }
    }

    @Nested
    class Candidates extends CandidateSourceContractTest {
        @Override
        protected CandidateSource source() {
            return new DemoFactories.CandidatesFactory().create(config("candidate source"));
        }
    }

    @Nested
    class Features extends FeatureProviderContractTest {
        @Override
        protected FeatureProvider provider() {
            return new DemoFactories.FeaturesFactory().create(config("feature provider"));
        }

        @Override
        protected List<Track> knownTracks() {
            return DemoCatalog.generate(42).tracks().subList(0, 5).stream().map(DemoCatalog.DemoTrack::track).toList();
        }

        @Override
        protected Track unknownTrack() {
            return TestData.track("unknown", "Nobody");
        }
    }

    @Test
    void catalogueIsDeterministicAndSized() {
        DemoCatalog a = DemoCatalog.generate(42);
        DemoCatalog b = DemoCatalog.generate(42);
        assertEquals(6000, a.tracks().size());
        assertEquals(a.tracks().get(1234).track(), b.tracks().get(1234).track());
        assertEquals(a.tracks().get(1234).features(), b.tracks().get(1234).features());
    }
}
