package org.audiu.core.preference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.preference.PreferenceSignal;

/** Global popularity (0..100 scaled to 0..1). No data when no track carries popularity (new Spotify apps). */
public final class PopularitySignal implements PreferenceSignal {
    @Override
    public Optional<Map<String, Double>> score(ListenerLibrary library) {
        Map<String, Double> out = new HashMap<>();
        for (Track t : library.distinctTracks()) {
            t.popularity().ifPresent(p -> out.put(t.id(), Math.max(0, Math.min(1, p / 100.0))));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
}
