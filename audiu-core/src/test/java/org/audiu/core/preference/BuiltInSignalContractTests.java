package org.audiu.core.preference;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.preference.PreferenceSignal;
import org.audiu.core.spi.preference.PreferenceSignalFactory;
import org.audiu.core.testkit.PreferenceSignalContractTest;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Nested;

/** Every built-in preference signal passes the contract, each on a library without its data too. */
class BuiltInSignalContractTests {
    private static PreferenceSignal create(PreferenceSignalFactory factory, Map<String, String> parameters) {
        return factory.create(ComponentConfig.of("preference signal", factory.name(), parameters, 1));
    }

    /** {@link TestData#smallLibrary()} with some of its parts left out. */
    private static ListenerLibrary smallLibraryWithout(boolean topArtists, boolean topTracks) {
        ListenerLibrary l = TestData.smallLibrary();
        return new ListenerLibrary(l.savedTracks(), l.playlists(), topArtists ? Map.of() : l.topArtists(),
                topTracks ? Map.of() : l.topTracks(), l.recentlyPlayed());
    }

    @Nested
    class PopularityContract extends PreferenceSignalContractTest {
        @Override
        protected PreferenceSignal signal() {
            return create(new PreferenceSignalFactories.Popularity(), Map.of());
        }

        /** Spotify's development mode: tracks without popularity. */
        @Override
        protected Optional<ListenerLibrary> libraryWithoutItsData() {
            Track t = Track.builder("np", "No popularity").artists("Someone").build();
            return Optional.of(new ListenerLibrary(List.of(new SavedTrack(t, Instant.EPOCH)), List.of(),
                    Map.of(), Map.of(), List.of()));
        }
    }

    @Nested
    class FrequencyContract extends PreferenceSignalContractTest {
        @Override
        protected PreferenceSignal signal() {
            return create(new PreferenceSignalFactories.Frequency(), Map.of("artist-share", "0.3"));
        }
    }

    @Nested
    class TopArtistsContract extends PreferenceSignalContractTest {
        @Override
        protected PreferenceSignal signal() {
            return create(new PreferenceSignalFactories.TopArtists(), Map.of());
        }

        @Override
        protected Optional<ListenerLibrary> libraryWithoutItsData() {
            return Optional.of(smallLibraryWithout(true, false));
        }
    }

    @Nested
    class TopTracksContract extends PreferenceSignalContractTest {
        @Override
        protected PreferenceSignal signal() {
            return create(new PreferenceSignalFactories.TopTracks(), Map.of());
        }

        @Override
        protected Optional<ListenerLibrary> libraryWithoutItsData() {
            return Optional.of(smallLibraryWithout(false, true));
        }
    }

    @Nested
    class RecencyContract extends PreferenceSignalContractTest {
        @Override
        protected PreferenceSignal signal() {
            return create(new PreferenceSignalFactories.Recency(), Map.of("half-life-days", "30"));
        }

        /** Only a playlist without dates and top tracks: nothing says when. */
        @Override
        protected Optional<ListenerLibrary> libraryWithoutItsData() {
            ListenerLibrary l = TestData.smallLibrary();
            List<PlaylistItem> undated = l.distinctTracks().stream().map(PlaylistItem::of).toList();
            return Optional.of(new ListenerLibrary(List.of(), List.of(new Playlist("undated", "Undated", true,
                    undated)), l.topArtists(), l.topTracks(), List.of()));
        }
    }
}
