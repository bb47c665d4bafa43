package org.audiu.cli;

import java.util.Locale;
import org.audiu.core.config.ConfigException;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.eval.playlist.PoolChoice;
import picocli.CommandLine.Option;

/** The playlist-continuation protocol: which playlists are listeners, how much is hidden, and the pool. */
public final class PlaylistProtocolOptions {
    @Option(names = "--hidden", paramLabel = "F", defaultValue = "0.2",
            description = "Share of each playlist's unique tracks hidden (default ${DEFAULT-VALUE}).")
    double hidden;

    @Option(names = "--min-tracks", paramLabel = "N", defaultValue = "20",
            description = "Playlists with fewer unique tracks are no listener (default ${DEFAULT-VALUE}).")
    int minTracks;

    @Option(names = "--max-tracks", paramLabel = "N",
            description = "Playlists with more unique tracks are no listener (default: no limit).")
    Integer maxTracks;

    @Option(names = "--pool", paramLabel = "all|sample:N", defaultValue = "all",
            description = "The pool: 'all' (every catalogue track outside the library, default) or 'sample:N' (the "
                    + "hidden tracks and N others sampled per listener, seeded).")
    String pool;

    PlaylistSplitter splitter() {
        return splitter(hidden, minTracks, maxTracks);
    }

    static PlaylistSplitter splitter(double hidden, int minTracks, Integer maxTracks) {
        if (!(hidden > 0 && hidden < 1)) {
            throw new ConfigException("--hidden must be a share between 0 and 1 (exclusive), got " + hidden
                    + "; for example --hidden 0.5 hides half of each playlist.");
        }
        if (minTracks < 2) {
            throw new ConfigException("--min-tracks must be at least 2 (a listener needs a visible and a hidden "
                    + "track), got " + minTracks + ".");
        }
        if (maxTracks != null && maxTracks < minTracks) {
            throw new ConfigException("--max-tracks (" + maxTracks + ") must be at least --min-tracks (" + minTracks
                    + ").");
        }
        return new PlaylistSplitter(minTracks, maxTracks == null ? Integer.MAX_VALUE : maxTracks, hidden);
    }

    PoolChoice pool() {
        return pool(pool);
    }

    /** Parses {@code all} or {@code sample:N}. */
    static PoolChoice pool(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return PoolChoice.all();
        }
        if (t.startsWith("sample:")) {
            try {
                int n = Integer.parseInt(t.substring("sample:".length()).trim());
                if (n >= 1) {
                    return PoolChoice.sample(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigException("--pool must be 'all' or 'sample:N' with N >= 1 (for example sample:1000), got '"
                + text + "'.");
    }
}
