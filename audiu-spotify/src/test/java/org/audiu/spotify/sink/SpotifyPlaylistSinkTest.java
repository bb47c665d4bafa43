package org.audiu.spotify.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.spotify.ApiException;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.CreatedPlaylist;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.fake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyPlaylistSinkTest {
    @TempDir
    Path dir;

    private FakeSpotifyServer server;
    private SpotifyPlaylistSink sink;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
        var cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token.json"));
        sink = new SpotifyPlaylistSink(FakeSpotifyClients.client(server, cache,
                FakeSpotifyClients.retrier(new RecordingSleeper())), false, "made by a test");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Recommendation> recommendations(int n) {
        List<Recommendation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var t = server.catalog().tracks().get(i);
            out.add(new Recommendation(Track.builder(t.id(), t.name()).artists("a").build(), 1.0 - i / 1000.0,
                    List.of("because")));
        }
        return out;
    }

    @Test
    void writesEveryRecommendationInOrderInBatchesOf100() {
        List<Recommendation> recs = recommendations(230);
        String where = sink.write("audiU picks", recs);
        List<CreatedPlaylist> created = server.createdPlaylists();
        assertEquals(1, created.size());
        CreatedPlaylist p = created.get(0);
        assertEquals("audiU picks", p.name());
        assertEquals("made by a test #audiU", p.description(), "marked as audiU's own");
        assertFalse(p.isPublic());
        assertEquals(recs.stream().map(r -> "spotify:track:" + r.track().id()).toList(), p.uris());
        assertEquals(1, server.count("POST", "/v1/me/playlists"));
        assertEquals(3, server.count("POST", "/v1/playlists/" + p.id() + "/items"), "100 + 100 + 30");
        assertEquals("https://open.spotify.com/playlist/" + p.id(), where);
    }

    @Test
    void recommendationsWithoutSpotifyIdsAreLeftOut() {
        List<Recommendation> recs = new ArrayList<>(recommendations(3));
        recs.add(1, new Recommendation(Track.builder("dataset-row-9", "x").artists("y").build(), 0.5, List.of()));
        sink.write("mixed", recs);
        assertEquals(3, server.createdPlaylists().get(0).uris().size());
    }

    @Test
    void anEmptyListSendsNoRequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sink.write("empty", List.of()));
        assertTrue(e.getMessage().contains("'empty'"), e.getMessage());
        assertEquals(0, server.count("POST", "/v1/me/playlists"));
        assertTrue(server.createdPlaylists().isEmpty());
    }

    @Test
    void recommendationsWithoutAnySpotifyIdCreateNoPlaylist() {
        List<Recommendation> recs = List.of(new Recommendation(Track.builder("dataset-row-1", "x").artists("y")
                .build(), 0.5, List.of()));
        DataException e = assertThrows(DataException.class, () -> sink.write("none", recs));
        assertTrue(e.getMessage().contains("dataset-row-1"), e.getMessage());
        assertEquals(0, server.count("POST", "/v1/me/playlists"));
    }

    @Test
    void anUnavailableServiceIsRetriedWithoutCreatingTwoPlaylists() {
        server.fail("POST", "/v1/me/playlists", 0, 2, Fault.status(503));
        sink.write("retried", recommendations(5));
        assertEquals(1, server.createdPlaylists().size());
        assertEquals(3, server.count("POST", "/v1/me/playlists"));
    }

    @Test
    void anInternalErrorOnCreateIsNotRepeated() {
        server.fail("POST", "/v1/me/playlists", 0, 1, Fault.status(500));
        ApiException e = assertThrows(ApiException.class, () -> sink.write("once", recommendations(5)));
        assertEquals(500, e.status());
        assertEquals(1, server.count("POST", "/v1/me/playlists"), "a 500 may have created it: not repeated");
        assertTrue(e.getMessage().contains("creating the playlist 'once'"), e.getMessage());
    }

    @Test
    void aSecondWriteReplacesTheItemsOfThePlaylistItWroteBefore() {
        String first = sink.write("audiU picks", recommendations(150));
        List<Recommendation> second = recommendations(230).subList(100, 230);
        String again = sink.write("audiU picks", second);
        assertEquals(first, again, "the same playlist");
        assertEquals(1, server.createdPlaylists().size());
        CreatedPlaylist p = server.createdPlaylists().get(0);
        assertEquals(second.stream().map(r -> "spotify:track:" + r.track().id()).toList(), p.uris());
        assertEquals(1, server.count("PUT", "/v1/playlists/" + p.id() + "/items"), "the first 100 replace");
        assertTrue(p.description().startsWith("made by a test") && p.description().contains("#audiU"),
                p.description());
    }

    @Test
    void aPlaylistOfTheSameNameThatAudiuDidNotWriteIsLeftAlone() {
        server.createPlaylistAsUser("audiU picks", "my own list");
        sink.write("audiU picks", recommendations(5));
        assertEquals(2, server.createdPlaylists().size(), "a new one beside the listener's own");
        assertTrue(server.createdPlaylists().get(0).uris().isEmpty());
    }

    @Test
    void modeNewAddsAPlaylistEachTime() {
        SpotifyPlaylistSink adding = new SpotifyPlaylistSink(FakeSpotifyClients.client(server,
                FakeSpotifyClients.loggedIn(server, dir.resolve("token2.json")),
                FakeSpotifyClients.retrier(new RecordingSleeper())), false, "made by a test",
                SpotifyPlaylistSink.Mode.NEW);
        adding.write("audiU picks", recommendations(5));
        adding.write("audiU picks", recommendations(6));
        assertEquals(2, server.createdPlaylists().size());
        assertEquals(0, server.count("GET", "/v1/me/playlists"), "no need to look for the old one");
    }
}
