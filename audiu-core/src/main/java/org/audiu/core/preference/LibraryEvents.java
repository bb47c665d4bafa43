package org.audiu.core.preference;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;

/** Counting helpers shared by the built-in signals. */
final class LibraryEvents {
    private LibraryEvents() {
    }

    /** How many times each track id occurs across saved tracks, playlists, top tracks and recent plays. */
    static Map<String, Integer> trackOccurrences(ListenerLibrary library) {
        Map<String, Integer> counts = new HashMap<>();
        library.savedTracks().forEach(s -> counts.merge(s.track().id(), 1, Integer::sum));
        library.playlists().forEach(p -> p.items().forEach(i -> counts.merge(i.track().id(), 1, Integer::sum)));
        library.topTracks().values().forEach(l -> l.forEach(t -> counts.merge(t.id(), 1, Integer::sum)));
        library.recentlyPlayed().forEach(p -> counts.merge(p.track().id(), 1, Integer::sum));
        return counts;
    }

    /** How many distinct library tracks each (normalised) artist name has. */
    static Map<String, Integer> artistTrackCounts(ListenerLibrary library) {
        Map<String, Integer> counts = new HashMap<>();
        for (Track t : library.distinctTracks()) {
            for (String a : t.artists()) {
                counts.merge(normalise(a), 1, Integer::sum);
            }
        }
        return counts;
    }

    static String normalise(String artist) {
        return artist.trim().toLowerCase(Locale.ROOT);
    }

    static double max(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    static <T> double rankScore(List<T> ranked, int index) {
        return ranked.size() <= 1 ? 1.0 : 1.0 - (double) index / ranked.size();
    }
}
