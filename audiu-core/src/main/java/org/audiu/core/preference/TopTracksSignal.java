package org.audiu.core.preference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.preference.PreferenceSignal;

/** Relevance to the listener's top tracks: rank-weighted, best over time ranges. No data without top tracks. */
public final class TopTracksSignal implements PreferenceSignal {
    @Override
    public Optional<Map<String, Double>> score(ListenerLibrary library) {
        Map<String, Double> out = new HashMap<>();
        for (List<Track> ranked : library.topTracks().values()) {
            for (int i = 0; i < ranked.size(); i++) {
                out.merge(ranked.get(i).id(), LibraryEvents.rankScore(ranked, i), Math::max);
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
}
