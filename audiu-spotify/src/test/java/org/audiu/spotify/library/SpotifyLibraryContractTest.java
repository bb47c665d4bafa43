package org.audiu.spotify.library;

import java.nio.file.Path;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.testkit.LibrarySourceContractTest;
import org.audiu.spotify.FakeSpotifyClients;
import org.audiu.spotify.RecordingSleeper;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The core library-source contract, for the Spotify source against the fake. */
class SpotifyLibraryContractTest extends LibrarySourceContractTest {
    @TempDir
    Path dir;

    private FakeSpotifyServer server;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected LibrarySource source() {
        var cache = FakeSpotifyClients.loggedIn(server, dir.resolve("token.json"));
        return new SpotifyLibrarySource(FakeSpotifyClients.client(server, cache,
                FakeSpotifyClients.retrier(new RecordingSleeper())), SpotifyLibrarySource.Options.all());
    }
}
