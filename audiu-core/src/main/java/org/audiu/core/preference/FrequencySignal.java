package org.audiu.core.preference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.preference.PreferenceSignal;

/**
 * How often a track and its artists recur across the library: saved, in playlists, top tracks, recent plays.
 * Log-scaled and normalised by the library's maximum; {@code artistShare} sets how much the artist part counts.
 */
public final class FrequencySignal implements PreferenceSignal {
    private final double artistShare;

    public FrequencySignal(double artistShare) {
        if (artistShare < 0 || artistShare > 1) {
            throw new IllegalArgumentException("artistShare must be within [0, 1], got " + artistShare);
        }
        this.artistShare = artistShare;
    }

    @Override
    public Optional<Map<String, Double>> score(ListenerLibrary library) {
        Map<String, Integer> trackCounts = LibraryEvents.trackOccurrences(library);
        if (trackCounts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> artistCounts = LibraryEvents.artistTrackCounts(library);
        double maxTrack = Math.log1p(LibraryEvents.max(trackCounts));
        double maxArtist = Math.log1p(artistCounts.isEmpty() ? 1 : LibraryEvents.max(artistCounts));
        Map<String, Double> out = new HashMap<>();
        for (Track t : library.distinctTracks()) {
            double track = Math.log1p(trackCounts.getOrDefault(t.id(), 0)) / maxTrack;
            double artist = t.artists().stream()
                    .mapToDouble(a -> Math.log1p(artistCounts.getOrDefault(LibraryEvents.normalise(a), 0)) / maxArtist)
                    .max().orElse(0);
            out.put(t.id(), (1 - artistShare) * track + artistShare * artist);
        }
        return Optional.of(out);
    }
}
