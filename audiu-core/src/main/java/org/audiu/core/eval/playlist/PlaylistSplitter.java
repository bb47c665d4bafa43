package org.audiu.core.eval.playlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.audiu.core.dataset.DatasetPlaylist;

/**
 * Chooses the listeners (playlists with {@code minTracks} to {@code maxTracks} unique tracks) and hides a seeded share of each
 * playlist's tracks. The split of a playlist depends only on the seed and the playlist id, never on the order or
 * the thread in which playlists are processed.
 *
 * @param minTracks   playlists with fewer unique tracks are no listener (20 in the benchmark)
 * @param maxTracks   playlists with more unique tracks are no listener (no limit in the benchmark)
 * @param hiddenShare share of the unique tracks hidden, rounded, at least one (0.2 in the benchmark)
 */
public record PlaylistSplitter(int minTracks, int maxTracks, double hiddenShare) {
    public PlaylistSplitter {
        if (minTracks < 2) {
            throw new IllegalArgumentException("minTracks must be >= 2, got " + minTracks);
        }
        if (maxTracks < minTracks) {
            throw new IllegalArgumentException("maxTracks must be >= minTracks (" + minTracks + "), got " + maxTracks);
        }
        if (!(hiddenShare > 0 && hiddenShare < 1)) {
            throw new IllegalArgumentException("hiddenShare must be in (0, 1), got " + hiddenShare);
        }
    }

    /** Playlists of at least {@code minTracks} unique tracks, however many more. */
    public PlaylistSplitter(int minTracks, double hiddenShare) {
        this(minTracks, Integer.MAX_VALUE, hiddenShare);
    }

    /** The benchmark's protocol: playlists of at least 20 unique tracks, 20% hidden. */
    public static PlaylistSplitter standard() {
        return new PlaylistSplitter(20, 0.2);
    }

    public boolean eligible(DatasetPlaylist playlist) {
        int unique = new HashSet<>(playlist.trackIds()).size();
        return unique >= minTracks && unique <= maxTracks;
    }

    /** Splits a playlist; the visible tracks keep the playlist's order. */
    public PlaylistSplit split(DatasetPlaylist playlist, long seed) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(playlist.trackIds()));
        int n = unique.size();
        int hiddenCount = (int) Math.max(1, Math.min(n - 1, Math.round(n * hiddenShare)));
        List<String> shuffled = new ArrayList<>(unique);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ playlist.id().hashCode());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String tmp = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, tmp);
        }
        Set<String> hidden = new HashSet<>(shuffled.subList(0, hiddenCount));
        List<String> visible = unique.stream().filter(id -> !hidden.contains(id)).toList();
        List<String> hiddenInOrder = unique.stream().filter(hidden::contains).toList();
        return new PlaylistSplit(playlist.id(), visible, hiddenInOrder);
    }
}
