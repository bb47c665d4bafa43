package org.audiu.spotify.plugin;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.core.spi.sink.PlaylistSinkFactory;
import org.audiu.spotify.candidates.SpotifySearchCandidateSource;
import org.audiu.spotify.features.CachedFeatureProvider;
import org.audiu.spotify.features.FeatureCache;
import org.audiu.spotify.features.ReccoBeatsProvider;
import org.audiu.spotify.features.SpotifyAudioFeaturesProvider;
import org.audiu.spotify.http.JdkHttpManager;
import org.audiu.spotify.http.Retrier;
import org.audiu.spotify.http.RetryPolicy;
import org.audiu.spotify.library.SpotifyLibrarySource;
import org.audiu.spotify.sink.SpotifyPlaylistSink;

/**
 * audiU-spotify's plugins, registered in {@code META-INF/services}: the library source {@code spotify}, the feature
 * providers {@code spotify-audio-features} and {@code reccobeats}, the candidate source {@code spotify-search} and
 * the playlist sink {@code spotify}. Creating a component reads and checks its configuration; nothing touches the
 * network before the component is used.
 */
public final class SpotifyFactories {
    private SpotifyFactories() {
    }

    private static String clientIdHint(ComponentConfig c) {
        return "set " + c.qualified("client-id");
    }

    /** {@code library.source = spotify}. */
    public static final class LibraryFactory implements LibrarySourceFactory {
        private static final List<String> PARTS = List.of("saved", "playlists", "top", "recent");

        @Override
        public String name() {
            return "spotify";
        }

        @Override
        public String description() {
            return "your Spotify library: saved tracks, own playlists, top artists and tracks, recently played";
        }

        @Override
        public LibrarySource create(ComponentConfig c) {
            SpotifySettings settings = SpotifySettings.read(c, false);
            List<String> include = c.getList("include", PARTS).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            for (String part : include) {
                if (!PARTS.contains(part)) {
                    throw new ConfigException("Unknown part '" + part + "' in '" + c.qualified("include") + "' in "
                            + c.origin() + ": choose from " + PARTS + ".");
                }
            }
            boolean followed = c.getBoolean("followed-playlists", true);
            boolean audiu = c.getBoolean("audiu-playlists", false);
            var options = new SpotifyLibrarySource.Options(include.contains("saved"), include.contains("playlists"),
                    followed, include.contains("top"), include.contains("recent"), audiu);
            return new SpotifyLibrarySource(SpotifyClients.webClient(settings, c.seed(), clientIdHint(c)), options);
        }
    }

    /** {@code features = spotify-audio-features, ...}: Spotify's audio features (grandfathered apps only). */
    public static final class AudioFeaturesFactory implements FeatureProviderFactory {
        @Override
        public String name() {
            return "spotify-audio-features";
        }

        @Override
        public String description() {
            return "Spotify's audio features (apps created before 2024-11-27; others hand over to the next provider)";
        }

        @Override
        public FeatureProvider create(ComponentConfig c) {
            SpotifySettings settings = SpotifySettings.read(c, true);
            FeatureProvider provider = new SpotifyAudioFeaturesProvider(
                    SpotifyClients.webClient(settings, c.seed(), clientIdHint(c)));
            return FeatureCacheSettings.read(c).wrap(name(), provider, SpotifyAudioFeaturesProvider.BATCH);
        }
    }

    /** {@code features = ..., reccobeats}: ReccoBeats' free audio features by Spotify id. */
    public static final class ReccoBeatsFactory implements FeatureProviderFactory {
        @Override
        public String name() {
            return "reccobeats";
        }

        @Override
        public String description() {
            return "audio features from ReccoBeats (api.reccobeats.com), by Spotify track id";
        }

        @Override
        public FeatureProvider create(ComponentConfig c) {
            String base = c.getString("base-url", ReccoBeatsProvider.DEFAULT_BASE_URL.toString());
            URI baseUrl;
            try {
                baseUrl = URI.create(base);
                if (baseUrl.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException("Invalid '" + c.qualified("base-url") + "' in " + c.origin() + ": '" + base
                        + "' is not a URL such as " + ReccoBeatsProvider.DEFAULT_BASE_URL + ".");
            }
            Duration timeout = Duration.ofMillis(c.getInt("timeout-ms", 10_000, 1, 600_000));
            int batch = c.getInt("batch-size", ReccoBeatsProvider.MAX_IDS, 1, ReccoBeatsProvider.MAX_IDS);
            Retrier retrier = Retrier.create(RetryPolicy.from(c), c.seed());
            // A short connect timeout: offline, an unreachable ReccoBeats costs at most this, once per run.
            Duration connect = Duration.ofMillis(c.getInt("connect-timeout-ms", 2_000, 1, 600_000));
            FeatureProvider provider = new ReccoBeatsProvider(baseUrl, JdkHttpManager.newClient(connect), timeout,
                    retrier, batch);
            return FeatureCacheSettings.read(c).wrap(name(), provider, batch);
        }
    }

    /** {@code candidates.source = spotify-search}: a seeded random sample of the catalogue. */
    public static final class SearchFactory implements CandidateSourceFactory {
        @Override
        public String name() {
            return "spotify-search";
        }

        @Override
        public String description() {
            return "a random sample of Spotify's catalogue through search (prefixes, genres, years)";
        }

        @Override
        public CandidateSource create(ComponentConfig c) {
            SpotifySettings settings = SpotifySettings.read(c, true);
            int budget = c.getInt("budget", 100, 1, 100_000);
            int size = c.getInt("size", 1000, 1, 1_000_000);
            List<String> genres = c.getList("genres", SpotifySearchCandidateSource.DEFAULT_GENRES);
            int thisYear = Year.now(Clock.systemUTC()).getValue();
            String years = c.getString("years", "1950-" + thisYear);
            int[] range = years(c, years);
            var search = new SpotifySearchCandidateSource.Settings(budget, size, genres, range[0], range[1],
                    c.seed());
            return new SpotifySearchCandidateSource(SpotifyClients.webClient(settings, c.seed(), clientIdHint(c)),
                    search);
        }

        private static int[] years(ComponentConfig c, String text) {
            String[] parts = text.split("-");
            try {
                int from = Integer.parseInt(parts[0].trim());
                int to = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : from;
                if (parts.length <= 2 && from <= to && from >= 1000 && to <= 9999) {
                    return new int[]{from, to};
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigException("Invalid '" + c.qualified("years") + "' = " + text + " in " + c.origin()
                    + ": expected a year or a range such as 1970-2025.");
        }
    }

    /**
     * {@code sink = spotify}: recommendations become a playlist of the listener; {@code sink.mode = replace} (the
     * default) updates the playlist of that name audiU wrote before, {@code new} adds one every run.
     */
    public static final class SinkFactory implements PlaylistSinkFactory {
        @Override
        public String name() {
            return "spotify";
        }

        @Override
        public String description() {
            return "writes the recommendations to a playlist in your Spotify account (updated by later runs)";
        }

        @Override
        public PlaylistSink create(ComponentConfig c) {
            SpotifySettings settings = SpotifySettings.read(c, false);
            boolean isPublic = c.getBoolean("public", false);
            String description = c.getString("description", "Recommended by audiU from your own listening");
            SpotifyPlaylistSink.Mode mode = SpotifyPlaylistSink.Mode.valueOf(c.getChoice("mode", "replace",
                    List.of("replace", "new")).toUpperCase(Locale.ROOT));
            return new SpotifyPlaylistSink(SpotifyClients.webClient(settings, c.seed(), clientIdHint(c)), isPublic,
                    description, mode);
        }
    }

    /**
     * The disk cache keys of a feature provider: {@code cache} (default true), {@code cache-dir} (default
     * {@code ~/.cache/audiu}, or under {@code $XDG_CACHE_HOME}) and {@code cache-missing-days} (how long "the
     * service does not know this track" is believed, default 7; 0 asks again every run).
     */
    record FeatureCacheSettings(boolean enabled, Path dir, Duration missingTtl) {
        static FeatureCacheSettings read(ComponentConfig c) {
            boolean enabled = c.getBoolean("cache", true);
            Path dir = c.getPath("cache-dir", defaultCacheDir());
            int days = c.getInt("cache-missing-days", 7, 0, 3650);
            return new FeatureCacheSettings(enabled, dir, Duration.ofDays(days));
        }

        static Path defaultCacheDir() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"),
                    ".cache");
            return base.resolve("audiu");
        }

        FeatureProvider wrap(String name, FeatureProvider provider, int chunk) {
            return enabled ? new CachedFeatureProvider(name, provider, FeatureCache.inDirectory(dir, name), chunk,
                    missingTtl, Clock.systemUTC()) : provider;
        }
    }
}
