package org.audiu.spotify.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.audiu.core.Artist;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.PlayedTrack;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.TimeRange;
import org.audiu.core.Track;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeCatalog.EntryKind;
import org.audiu.spotify.fake.FakeCatalog.FakePlaylist;
import org.audiu.spotify.fake.FakeCatalog.ItemShape;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole default fake library (2,150 saved tracks over 43 pages, 63 playlists) loaded through the real client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpotifyLibrarySourceTest {
    private FakeSpotifyServer server;
    private FakeCatalog catalog;
    private LoadedLibrary loaded;

    @BeforeAll
    void loadOnce(@TempDir Path dir) {
        server = FakeSpotifyServer.start();
        catalog = server.catalog();
        RecordingSleeper sleeper = new RecordingSleeper();
        var cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token.json"));
        var client = FakeSpotifyClients.client(server, cache, FakeSpotifyClients.retrier(sleeper));
        loaded = new SpotifyLibrarySource(client, SpotifyLibrarySource.Options.all()).loadWithReport();
        assertTrue(sleeper.sleeps().isEmpty(), "no faults injected, so no retries");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everySavedTrackArrivesOnceInApiOrder() {
        List<String> ids = loaded.library().savedTracks().stream().map(s -> s.track().id()).toList();
        assertEquals(2150, ids.size());
        assertEquals(catalog.savedTrackIds(), ids);
        assertEquals(ids.size(), new HashSet<>(ids).size());
        List<SavedTrack> saved = loaded.library().savedTracks();
        for (int i = 0; i < saved.size(); i++) {
            assertEquals(catalog.saved().get(i).addedAt(), saved.get(i).addedAt());
        }
        assertEquals(43, server.count("GET", "/v1/me/tracks"), "one request per page of 50, none repeated");
    }

    @Test
    void savedTracksCarryMetadataButNoPopularityInDevelopmentMode() {
        SavedTrack first = loaded.library().savedTracks().get(0);
        FakeCatalog.FakeTrack expected = catalog.track(first.track().id()).orElseThrow();
        Track t = first.track();
        assertEquals(expected.name(), t.name());
        assertEquals(expected.artists().stream().map(FakeCatalog.FakeArtist::name).toList(), t.artists());
        assertEquals(expected.album().name(), t.album());
        assertEquals(expected.releaseYear(), t.releaseYear().getAsInt());
        assertEquals(expected.durationMs(), t.durationMs());
        assertEquals(expected.isrc(), t.isrc().orElseThrow());
        assertTrue(loaded.library().tracksById().values().stream().allMatch(x -> x.popularity().isEmpty()),
                "popularity is absent from the 2026 development-mode API, so it must be empty, not 0");
    }

    @Test
    void readablePlaylistsArriveWithAllTheirTracksInOrder() {
        Map<String, Playlist> byId = loaded.library().playlists().stream()
                .collect(Collectors.toMap(Playlist::id, p -> p));
        assertEquals(catalog.readablePlaylists().stream().map(FakePlaylist::id).collect(Collectors.toSet()),
                byId.keySet());
        for (FakePlaylist expected : catalog.readablePlaylists()) {
            Playlist p = byId.get(expected.id());
            List<String> expectedIds = expected.entries().stream().filter(e -> e.kind() == EntryKind.TRACK)
                    .map(FakeCatalog.FakeEntry::trackId).toList();
            assertEquals(expectedIds, p.items().stream().map(i -> i.track().id()).toList(), expected.name());
            assertEquals(expected.name(), p.name());
            assertTrue(p.owned(), "owned or collaborative playlists count as the listener's");
            assertTrue(p.items().stream().allMatch(i -> i.addedAt().isPresent()));
        }
        assertEquals(130 - 7, byId.values().stream().filter(p -> p.name().equals("Road trip")).findFirst()
                .orElseThrow().items().size(), "the road-trip playlist has 7 null, local and episode entries");
    }

    @Test
    void bothItemShapesAreRead() {
        for (ItemShape shape : List.of(ItemShape.ITEM_ONLY, ItemShape.TRACK_ONLY)) {
            FakePlaylist fixture = catalog.readablePlaylists().stream().filter(p -> p.shape() == shape).findFirst()
                    .orElseThrow();
            Playlist read = loaded.library().playlists().stream().filter(p -> p.id().equals(fixture.id()))
                    .findFirst().orElseThrow();
            assertFalse(read.items().isEmpty(), shape + " items must be parsed");
        }
        assertTrue(server.count("/v1/playlists/") > 0);
        assertEquals(0, server.requests().stream().filter(r -> r.path().endsWith("/tracks")
                && r.path().startsWith("/v1/playlists/")).count(), "the old /tracks path is never called");
    }

    @Test
    void unreadablePlaylistsAreSkippedAndNamed() {
        LibraryReport report = loaded.report();
        assertEquals(catalog.unreadablePlaylists().stream().map(FakePlaylist::name).sorted().toList(),
                report.playlistsSkipped().stream().sorted().toList());
        assertEquals(catalog.readablePlaylists().size(), report.playlistsRead());
    }

    @Test
    void nullLocalAndEpisodeEntriesAreCounted() {
        LibraryReport report = loaded.report();
        assertEquals(catalog.readableEntries(EntryKind.NULL), report.nullItems());
        assertEquals(catalog.readableEntries(EntryKind.LOCAL), report.localFiles());
        assertEquals(catalog.readableEntries(EntryKind.EPISODE), report.otherItems());
        assertEquals(0, report.duplicatesDropped());
    }

    @Test
    void topListsArriveForEveryRangeInRankOrder() {
        ListenerLibrary lib = loaded.library();
        for (TimeRange range : TimeRange.values()) {
            String r = range.name().toLowerCase(Locale.ROOT);
            assertEquals(catalog.topArtists(r), lib.topArtists().get(range).stream().map(Artist::id).toList(), r);
            assertEquals(catalog.topTracks(r), lib.topTracks().get(range).stream().map(Track::id).toList(), r);
        }
        List<Artist> longTerm = lib.topArtists().get(TimeRange.LONG_TERM);
        assertTrue(longTerm.stream().anyMatch(a -> a.genres().isEmpty()), "deprecated genres may be empty");
        assertTrue(longTerm.stream().anyMatch(a -> !a.genres().isEmpty()));
        assertTrue(longTerm.stream().allMatch(a -> a.popularity().isEmpty()));
    }

    @Test
    void recentlyPlayedFollowsTheCursorToTheEnd() {
        List<PlayedTrack> plays = loaded.library().recentlyPlayed();
        assertEquals(catalog.plays().size(), plays.size());
        for (int i = 0; i < plays.size(); i++) {
            assertEquals(catalog.plays().get(i).trackId(), plays.get(i).track().id());
            assertEquals(catalog.plays().get(i).playedAt(), plays.get(i).playedAt(), "milliseconds are kept");
        }
        assertEquals(3, server.count("/v1/me/player/recently-played"), "130 plays in pages of 50");
    }

    @Test
    void theLibraryMentionsExactlyTheFixturesTracks() {
        Set<String> ids = loaded.library().tracksById().keySet();
        assertEquals(catalog.libraryTrackIds(), ids);
        List<PlaylistItem> all = loaded.library().playlists().stream().flatMap(p -> p.items().stream()).toList();
        assertTrue(all.stream().noneMatch(i -> i.track().id().isBlank()));
    }
}
