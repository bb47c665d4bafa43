package org.audiu.spotify.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.sink.SpotifyPlaylistSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playlists audiU wrote are recognised in the listener's Spotify account and left out of their library. */
class AudiuPlaylistsInLibraryTest {
    @TempDir
    Path dir;

    private FakeSpotifyServer server;
    private SpotifyWebClient client;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
        client = FakeSpotifyClients.client(server, FakeSpotifyClients.loggedIn(server, dir.resolve("token.json")),
                FakeSpotifyClients.retrier(new RecordingSleeper()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> playlistNames(boolean audiuPlaylists) {
        ListenerLibrary library = new SpotifyLibrarySource(client, new SpotifyLibrarySource.Options(true, true, true,
                false, false, audiuPlaylists)).load();
        return library.playlists().stream().map(Playlist::name).toList();
    }

    @Test
    void audiusOwnPlaylistsAreLeftOutUnlessAskedFor() {
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var t = server.catalog().tracks().get(i);
            recs.add(new Recommendation(Track.builder(t.id(), t.name()).artists("a").build(), 0.9, List.of("x")));
        }
        new SpotifyPlaylistSink(client, false, "Picked for you").write("audiU recommendations", recs);
        server.createPlaylistAsUser("Old audiU run", "Recommended by audiU from your own listening");
        server.createPlaylistAsUser("My audiU favourites", "songs I like"); // the name alone does not make it audiU's
        int before = playlistNames(true).size();

        List<String> names = playlistNames(false);
        assertFalse(names.contains("audiU recommendations"), names.toString());
        assertFalse(names.contains("Old audiU run"), "written by audiU before the mark: " + names);
        assertTrue(names.contains("My audiU favourites"), names.toString());
        assertEquals(before - 2, names.size());
        assertTrue(playlistNames(true).contains("audiU recommendations"), "library.audiu-playlists = true");
    }
}
