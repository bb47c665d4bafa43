package org.audiu.core.preference;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.spi.preference.PreferenceSignal;

/**
 * How recently a track was added or played: exponential decay with a half-life, measured from the newest event in
 * the library (not the wall clock, so the same library always scores the same). No data without timestamps.
 */
public final class RecencySignal implements PreferenceSignal {
    private final double halfLifeDays;

    public RecencySignal(double halfLifeDays) {
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("halfLifeDays must be > 0, got " + halfLifeDays);
        }
        this.halfLifeDays = halfLifeDays;
    }

    @Override
    public Optional<Map<String, Double>> score(ListenerLibrary library) {
        Map<String, Instant> latest = new HashMap<>();
        library.savedTracks().forEach(s -> latest.merge(s.track().id(), s.addedAt(), RecencySignal::later));
        library.playlists().forEach(p -> p.items().forEach(i -> i.addedAt()
                .ifPresent(at -> latest.merge(i.track().id(), at, RecencySignal::later))));
        library.recentlyPlayed().forEach(p -> latest.merge(p.track().id(), p.playedAt(), RecencySignal::later));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Instant now = latest.values().stream().max(Instant::compareTo).orElseThrow();
        Map<String, Double> out = new HashMap<>();
        latest.forEach((id, at) -> {
            double ageDays = Duration.between(at, now).toMillis() / 86_400_000.0;
            out.put(id, Math.pow(0.5, ageDays / halfLifeDays));
        });
        return Optional.of(out);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
