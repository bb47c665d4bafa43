package org.audiu.spotify.fake;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.audiu.spotify.auth.TokenCache;
import org.audiu.spotify.auth.Tokens;

/**
 * Dev mode: runs the fake Spotify server until interrupted, with a listener already logged in, and writes a
 * ready-to-use audiU configuration pointing at it.
 * <pre>
 * FakeSpotifyMain [port] [folder] [model]
 *   port    default 8900 (0: any free port)
 *   folder  where the config, token cache and feature cache go; default a new temporary folder
 *   model   the trainer to name in the config; default random-forest (from audiu-models)
 * </pre>
 * Then, e.g., {@code ./audiu recommend --config <folder>/spotify-fake.properties}. The browser login works against it
 * too: delete the token cache and the login page at {@code /authorize} approves at once.
 */
public final class FakeSpotifyMain {
    private FakeSpotifyMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8900;
        Path folder = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("audiu-fake-spotify");
        String model = args.length > 2 ? args[2] : "random-forest";
        Files.createDirectories(folder);
        FakeSpotifyServer server = FakeSpotifyServer.start(FakeCatalog.defaults(), port);
        Map<String, String> config = devConfig(server, folder, model);
        Path file = folder.resolve("spotify-fake.properties");
        Files.writeString(file, render(config), StandardCharsets.UTF_8);
        PrintStream out = System.out;
        out.println("Fake Spotify Web API on " + server.apiUrl() + " (accounts, ReccoBeats at "
                + server.reccoBeatsUrl() + ")");
        out.println("Listener '" + FakeCatalog.USER_ID + "' is logged in; " + FakeCatalog.defaults().saved().size()
                + " saved tracks, " + server.catalog().playlists().size() + " playlists.");
        out.println("Configuration written to " + file + ":");
        out.println();
        out.print(render(config));
        out.println();
        out.println("Run: ./audiu recommend --config " + file + "    (Ctrl-C stops the server)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
    }

    /**
     * An audiU configuration for {@code server}: library, features (spotify-audio-features, then reccobeats),
     * candidates from search, the sink, all pointing at the fake; a login is written to {@code folder}.
     */
    public static Map<String, String> devConfig(FakeSpotifyServer server, Path folder, String model) {
        Path tokenCache = folder.resolve("spotify-token.json");
        FakeSpotifyServer.IssuedTokens issued = server.issueUserTokens();
        new TokenCache(tokenCache).write(new TokenCache.Entry(FakeSpotifyServer.CLIENT_ID, new Tokens(
                issued.accessToken(), Optional.of(issued.refreshToken()),
                Instant.now().plusSeconds(issued.expiresInSeconds()), "")));
        Map<String, String> c = new LinkedHashMap<>();
        c.put("library.source", "spotify");
        connection(c, "library.", server, tokenCache);
        c.put("features", "spotify-audio-features, reccobeats");
        connection(c, "features.spotify-audio-features.", server, tokenCache);
        c.put("features.spotify-audio-features.cache-dir", folder.resolve("cache").toString());
        c.put("features.reccobeats.base-url", server.reccoBeatsUrl().toString());
        c.put("features.reccobeats.cache-dir", folder.resolve("cache").toString());
        c.put("candidates.source", "spotify-search");
        connection(c, "candidates.", server, tokenCache);
        c.put("candidates.budget", "60");
        c.put("candidates.years", "1960-2025");
        c.put("candidates.genres", String.join(", ", FakeCatalog.GENRES));
        c.put("sink", "spotify");
        connection(c, "sink.", server, tokenCache);
        c.put("model", model);
        c.put("recommendations", "20");
        c.put("seed", "42");
        return c;
    }

    private static void connection(Map<String, String> c, String prefix, FakeSpotifyServer server, Path tokenCache) {
        c.put(prefix + "client-id", FakeSpotifyServer.CLIENT_ID);
        c.put(prefix + "api-url", server.apiUrl().toString());
        c.put(prefix + "accounts-url", server.accountsUrl().toString());
        c.put(prefix + "token-cache", tokenCache.toString());
    }

    private static String render(Map<String, String> config) {
        StringBuilder sb = new StringBuilder("# audiU against the fake Spotify server (dev mode)\n");
        config.forEach((k, v) -> sb.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
        return sb.toString();
    }
}
