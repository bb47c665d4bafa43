package org.audiu.core.preference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.TrackPlays;
import org.audiu.core.spi.preference.PreferenceSignal;

/**
 * A preference signal read from the listener's own listening history ({@link ListenerLibrary#playHistory()}):
 * play count, listening time, completion, skip rate, recency of plays, repeat listening on separate days. Each has
 * no data (and drops out, the other weights renormalised) when the library has no history, or when the history
 * lacks what it needs (Last.fm and ListenBrainz give no listening time, so completion and skips have none there).
 */
public final class PlayHistorySignal implements PreferenceSignal {
    private final String description;
    private final Function<List<TrackPlays>, Optional<Map<String, Double>>> measure;

    private PlayHistorySignal(String description, Function<List<TrackPlays>, Optional<Map<String, Double>>> measure) {
        this.description = Objects.requireNonNull(description, "description");
        this.measure = measure;
    }

    @Override
    public Optional<Map<String, Double>> score(ListenerLibrary library) {
        return library.playHistory().isEmpty() ? Optional.empty() : measure.apply(library.playHistory());
    }

    @Override
    public String toString() {
        return "PlayHistorySignal[" + description + "]";
    }

    /** Plays, log-scaled against the most played track. */
    public static PlayHistorySignal playCount() {
        return new PlayHistorySignal("play count", h -> logScaled(h, p -> (double) p.plays()));
    }

    /** Total listening time, log-scaled against the most listened track; needs timed plays. */
    public static PlayHistorySignal listeningTime() {
        return new PlayHistorySignal("listening time", h -> anyTimed(h)
                ? logScaled(h, p -> p.listenedMs() / 1000.0) : Optional.empty());
    }

    /** Share of timed plays heard to the end or for at least 30 s. */
    public static PlayHistorySignal completion() {
        return new PlayHistorySignal("completion", h -> ratio(h, p -> (double) p.completedPlays() / p.timedPlays()));
    }

    /** One minus the share of timed plays skipped (high: rarely skipped). */
    public static PlayHistorySignal skipRate() {
        return new PlayHistorySignal("skip rate", h -> ratio(h, p -> 1.0 - (double) p.skippedPlays() / p.timedPlays()));
    }

    /**
     * How recently a track was last played: halves every {@code halfLifeDays}, measured from the history's newest
     * play (not the wall clock, so the same history always scores the same).
     */
    public static PlayHistorySignal playRecency(double halfLifeDays) {
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("halfLifeDays must be > 0, got " + halfLifeDays);
        }
        return new PlayHistorySignal("play recency", h -> {
            long newest = h.stream().mapToLong(TrackPlays::lastPlayedMs).max().orElseThrow();
            Map<String, Double> out = new HashMap<>();
            for (TrackPlays p : h) {
                double ageDays = (newest - p.lastPlayedMs()) / 86_400_000.0;
                out.merge(p.track().id(), Math.pow(0.5, ageDays / halfLifeDays), Math::max);
            }
            return Optional.of(out);
        });
    }

    /** Separate days with plays beyond the first, log-scaled; no data when no track was played on two days. */
    public static PlayHistorySignal repeatDays() {
        return new PlayHistorySignal("repeat days", h -> h.stream().anyMatch(p -> p.distinctDays() > 1)
                ? logScaled(h, p -> p.distinctDays() - 1.0) : Optional.empty());
    }

    private static boolean anyTimed(List<TrackPlays> h) {
        return h.stream().anyMatch(p -> p.timedPlays() > 0);
    }

    private static Optional<Map<String, Double>> logScaled(List<TrackPlays> h, Function<TrackPlays, Double> value) {
        double max = h.stream().mapToDouble(p -> Math.log1p(value.apply(p))).max().orElse(0);
        if (!(max > 0)) {
            return Optional.empty();
        }
        Map<String, Double> out = new HashMap<>();
        for (TrackPlays p : h) {
            out.merge(p.track().id(), Math.log1p(value.apply(p)) / max, Math::max);
        }
        return Optional.of(out);
    }

    /** A per-track ratio over timed plays; tracks without timed plays are absent (0). */
    private static Optional<Map<String, Double>> ratio(List<TrackPlays> h, Function<TrackPlays, Double> value) {
        if (!anyTimed(h)) {
            return Optional.empty();
        }
        Map<String, Double> out = new HashMap<>();
        for (TrackPlays p : h) {
            if (p.timedPlays() > 0) {
                out.merge(p.track().id(), Math.max(0, Math.min(1, value.apply(p))), Math::max);
            }
        }
        return Optional.of(out);
    }
}
