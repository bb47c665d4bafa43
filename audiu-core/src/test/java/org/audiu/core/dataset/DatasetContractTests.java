package org.audiu.core.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The dataset plugins pass the contract tests, on a small generated CSV. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetContractTests {
    static Path csv;

    @BeforeAll
    static void writeCsv() throws Exception {
        csv = Files.createTempFile("audiu-dataset", ".csv");
        csv.toFile().deleteOnExit();
        StringBuilder sb = new StringBuilder("track_id,track_name,track_artist,playlist_id,playlist_name,"
                + "playlist_genre,danceability,energy,tempo\n");
        for (int i = 0; i < 40; i++) {
            sb.append("t").append(i).append(",Song ").append(i).append(",Artist ").append(i % 7).append(",p")
                    .append(i % 3).append(",List ").append(i % 3).append(",g").append(i % 2).append(',')
                    .append(i / 40.0).append(',').append(1 - i / 40.0).append(',').append(100 + i).append('\n');
        }
        Files.writeString(csv, sb.toString());
    }

    private static ComponentConfig config(String kind, String name, Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("path", csv.toString()));
        values.putAll(extra);
        return ComponentConfig.of(kind, name, values, 1);
    }

    @Nested
    class Candidates extends CandidateSourceContractTest {
        @Override
        protected CandidateSource source() {
            return new DatasetFactories.CandidatesFactory().create(config("candidate source", "dataset", Map.of()));
        }
    }

    @Nested
    class Features extends FeatureProviderContractTest {
        @Override
        protected FeatureProvider provider() {
            return new DatasetFactories.FeaturesFactory().create(config("feature provider", "dataset", Map.of()));
        }

        @Override
        protected List<Track> knownTracks() {
            return List.of(TestData.track("t1", "Artist 1"), TestData.track("t5", "Artist 5"));
        }

        @Override
        protected Track unknownTrack() {
            return TestData.track("nope", "Artist 1");
        }
    }

    @Nested
    class PlaylistLibrary extends LibrarySourceContractTest {
        @Override
        protected LibrarySource source() {
            return new DatasetFactories.PlaylistLibraryFactory().create(config("library source", "csv-playlist",
                    Map.of("playlist", "List 1")));
        }
    }
}
