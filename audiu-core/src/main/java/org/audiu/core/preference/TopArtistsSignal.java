package org.audiu.core.preference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.Artist;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.preference.PreferenceSignal;

/** Relevance to the listener's top artists: rank-weighted, best over time ranges. No data without top artists. */
public final class TopArtistsSignal implements PreferenceSignal {
    @Override
    public Optional<Map<String, Double>> score(ListenerLibrary library) {
        Map<String, Double> artistScore = new HashMap<>();
        for (List<Artist> ranked : library.topArtists().values()) {
            for (int i = 0; i < ranked.size(); i++) {
                artistScore.merge(LibraryEvents.normalise(ranked.get(i).name()), LibraryEvents.rankScore(ranked, i),
                        Math::max);
            }
        }
        if (artistScore.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> out = new HashMap<>();
        for (Track t : library.distinctTracks()) {
            double best = t.artists().stream()
                    .mapToDouble(a -> artistScore.getOrDefault(LibraryEvents.normalise(a), 0.0)).max().orElse(0);
            out.put(t.id(), best);
        }
        return Optional.of(out);
    }
}
