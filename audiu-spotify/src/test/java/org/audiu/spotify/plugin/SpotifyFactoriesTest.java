package org.audiu.spotify.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.spotify.fake.FakeCatalog;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.audiu.spotify.features.CachedFeatureProvider;
import org.audiu.spotify.features.ReccoBeatsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factories as a configuration file reaches them: registration, keys, validation, secrets. */
class SpotifyFactoriesTest {
    @TempDir
    Path dir;

    private final Plugins plugins = Plugins.fromClasspath();
    private FakeSpotifyServer server;

    @BeforeEach
    void start() {
        server = FakeSpotifyServer.start(FakeCatalog.generate(FakeCatalog.Spec.small()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ComponentConfig config(String kind, String name, String prefix, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        values.forEach((k, v) -> all.put(prefix + k, v));
        return new AudiuConfig(all, dir, "test.properties").component(kind, name, prefix, values, java.util.Set.of());
    }

    private Map<String, String> connection() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client-id", FakeSpotifyServer.CLIENT_ID);
        m.put("api-url", server.apiUrl().toString());
        m.put("accounts-url", server.accountsUrl().toString());
        m.put("token-cache", dir.resolve("token.json").toString());
        m.put("login", "never");
        return m;
    }

    @Test
    void everyFactoryIsRegistered() {
        assertTrue(plugins.librarySources().names().contains("spotify"));
        assertTrue(plugins.featureProviders().names().containsAll(List.of("spotify-audio-features", "reccobeats")));
        assertTrue(plugins.candidateSources().names().contains("spotify-search"));
        assertTrue(plugins.playlistSinks().names().contains("spotify"));
    }

    @Test
    void creatingComponentsTouchesNoNetwork() {
        plugins.librarySources().create("spotify", config("library source", "spotify", "library.", connection()));
        plugins.playlistSinks().create("spotify", config("playlist sink", "spotify", "sink.", connection()));
        plugins.candidateSources().create("spotify-search", config("candidate source", "spotify-search",
                "candidates.", connection()));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aMistypedKeyIsReportedWithTheKnownOnes() {
        Map<String, String> values = connection();
        values.put("cleint-id", "x");
        ConfigException e = assertThrows(ConfigException.class, () -> plugins.librarySources().create("spotify",
                config("library source", "spotify", "library.", values)));
        assertTrue(e.getMessage().contains("library.cleint-id") && e.getMessage().contains("library.client-id"),
                e.getMessage());
        assertTrue(e.getMessage().contains("library.token-cache") && e.getMessage().contains("library.api-url"));
    }

    @Test
    void theLibraryNeverTakesAClientSecret() {
        Map<String, String> values = connection();
        values.put("client-secret", "s3cr3t-value");
        ConfigException e = assertThrows(ConfigException.class, () -> plugins.librarySources().create("spotify",
                config("library source", "spotify", "library.", values)));
        assertTrue(e.getMessage().contains("library.client-secret"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-value"), "unknown keys are named, values are not shown");
    }

    @Test
    void localhostRedirectsAreRejectedWithTheFix() {
        Map<String, String> values = connection();
        values.put("redirect-uri", "http://localhost:8888/callback");
        ConfigException e = assertThrows(ConfigException.class, () -> plugins.librarySources().create("spotify",
                config("library source", "spotify", "library.", values)));
        assertTrue(e.getMessage().contains("http://127.0.0.1:8888/callback"), e.getMessage());
    }

    @Test
    void anApiUrlWithAPathIsRejected() {
        Map<String, String> values = connection();
        values.put("api-url", server.apiUrl() + "/v1");
        ConfigException e = assertThrows(ConfigException.class, () -> plugins.librarySources().create("spotify",
                config("library source", "spotify", "library.", values)));
        assertTrue(e.getMessage().contains("library.api-url"), e.getMessage());
    }

    @Test
    void clientCredentialsNeedASecretAndNeverShowIt() {
        Map<String, String> values = connection();
        values.put("auth", "client-credentials");
        assertThrows(ConfigException.class, () -> SpotifySettings.read(config("candidate source", "spotify-search",
                "candidates.", values), true, key -> null));
        values.put("client-secret", FakeSpotifyServer.CLIENT_SECRET);
        SpotifySettings settings = SpotifySettings.read(config("candidate source", "spotify-search", "candidates.",
                values), true, key -> null);
        assertEquals(SpotifySettings.Auth.CLIENT_CREDENTIALS, settings.auth());
        assertFalse(settings.toString().contains(FakeSpotifyServer.CLIENT_SECRET), settings.toString());
    }

    @Test
    void theSecretMayComeFromTheEnvironment() {
        Map<String, String> values = connection();
        values.put("auth", "client-credentials");
        SpotifySettings settings = SpotifySettings.read(config("candidate source", "spotify-search", "candidates.",
                values), true, key -> key.equals(SpotifySettings.SECRET_ENV) ? "from-env" : null);
        assertEquals("from-env", settings.clientSecret().orElseThrow().reveal());
    }

    @Test
    void searchWorksWithAnAppTokenAndNoLogin() {
        Map<String, String> values = connection();
        values.put("auth", "client-credentials");
        values.put("client-secret", FakeSpotifyServer.CLIENT_SECRET);
        values.put("budget", "5");
        values.put("years", "1970-2020");
        values.put("token-cache", dir.resolve("absent.json").toString());
        CandidateSource source = plugins.candidateSources().create("spotify-search", config("candidate source",
                "spotify-search", "candidates.", values));
        try (var s = source.candidates()) {
            assertTrue(s.count() > 0);
        }
        assertEquals(5, server.count("/v1/search"));
        assertTrue(server.requests().get(0).path().equals("/api/token"));
    }

    @Test
    void reccoBeatsKeysAreChecked() {
        ConfigException e = assertThrows(ConfigException.class, () -> plugins.featureProviders().create("reccobeats",
                config("feature provider", "reccobeats", "features.reccobeats.", Map.of("batch-size", "41"))));
        assertTrue(e.getMessage().contains("features.reccobeats.batch-size"), e.getMessage());
        var cached = plugins.featureProviders().create("reccobeats", config("feature provider", "reccobeats",
                "features.reccobeats.", Map.of("base-url", server.reccoBeatsUrl().toString(), "cache-dir",
                        dir.resolve("cache").toString())));
        assertInstanceOf(CachedFeatureProvider.class, cached);
        var uncached = plugins.featureProviders().create("reccobeats", config("feature provider", "reccobeats",
                "features.reccobeats.", Map.of("cache", "false")));
        assertInstanceOf(ReccoBeatsProvider.class, uncached);
    }

    @Test
    void yearsMustBeARange() {
        Map<String, String> values = connection();
        values.put("years", "2020-1990");
        ConfigException e = assertThrows(ConfigException.class, () -> plugins.candidateSources().create(
                "spotify-search", config("candidate source", "spotify-search", "candidates.", values)));
        assertTrue(e.getMessage().contains("candidates.years"), e.getMessage());
    }
}
