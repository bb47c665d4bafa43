package org.audiu.spotify.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.audiu.core.Track;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.core.testkit.PlaylistSinkContractTest;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.CreatedPlaylist;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The core playlist-sink contract, for the Spotify sink (the real client) against the fake Spotify server. */
class SpotifyPlaylistSinkContractTest extends PlaylistSinkContractTest {
    private static final String TRACK_URI = "spotify:track:";

    @TempDir
    Path dir;

    private FakeSpotifyServer server;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
    }

    @AfterEach
    void stop() {
        try {
            assertTrue(server.createdPlaylists().stream().noneMatch(p -> p.uris().isEmpty()),
                    "the sink created an empty playlist");
        } finally {
            server.close();
        }
    }

    @Override
    protected PlaylistSink sink() {
        var cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token.json"));
        return new SpotifyPlaylistSink(FakeSpotifyClients.client(server, cache,
                FakeSpotifyClients.retrier(new RecordingSleeper())), false, "contract test");
    }

    @Override
    protected List<Track> tracks(int n) {
        return server.catalog().tracks().subList(0, n).stream()
                .map(t -> Track.builder(t.id(), t.name()).artists("someone").build()).toList();
    }

    /** The fake's playlist whose id ends the returned URL, its URIs turned back into track ids. */
    @Override
    protected List<String> written(String location) {
        List<CreatedPlaylist> matching = server.createdPlaylists().stream()
                .filter(p -> location.endsWith("/" + p.id()) || location.endsWith(":" + p.id())).toList();
        assertEquals(1, matching.size(), "one created playlist at " + location);
        return matching.get(0).uris().stream().map(u -> {
            assertTrue(u.startsWith(TRACK_URI), u);
            return u.substring(TRACK_URI.length());
        }).toList();
    }
}
