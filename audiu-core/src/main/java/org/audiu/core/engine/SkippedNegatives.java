package org.audiu.core.engine;

import java.util.HashSet;
import java.util.Set;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.TrackPlays;
import org.audiu.core.config.ComponentConfig;

/**
 * Real negatives from a listening history: tracks the listener played and skipped early again and again. The
 * trainer uses them as "other" examples beside the negatives sampled from the pool (and no longer as liked ones).
 *
 * @param weight   training weight of each, relative to an average liked track ({@code training.skipped.weight},
 *                 default 1; 0 turns them off: such tracks stay ordinary, low-scored library tracks)
 * @param minPlays plays a track needs before its skips count ({@code training.skipped.min-plays}, default 3)
 * @param minRate  share of its timed plays skipped early ({@code training.skipped.min-rate}, default 0.6)
 */
public record SkippedNegatives(double weight, int minPlays, double minRate) {
    public static final SkippedNegatives DEFAULTS = new SkippedNegatives(1.0, 3, 0.6);

    public SkippedNegatives {
        if (!(weight >= 0) || !Double.isFinite(weight) || minPlays < 1 || !(minRate > 0 && minRate <= 1)) {
            throw new IllegalArgumentException("Invalid skipped-negative settings: weight " + weight + ", min plays "
                    + minPlays + ", min rate " + minRate);
        }
    }

    /** Reads {@code training.skipped.*} from the engine's settings section. */
    public static SkippedNegatives from(ComponentConfig c) {
        return new SkippedNegatives(c.getDouble("training.skipped.weight", DEFAULTS.weight, 0, 1000),
                c.getInt("training.skipped.min-plays", DEFAULTS.minPlays, 1, 1_000_000),
                c.getDouble("training.skipped.min-rate", DEFAULTS.minRate, 1e-6, 1));
    }

    /** Whether this history entry is a real negative. */
    public boolean isNegative(TrackPlays p) {
        return weight > 0 && p.timedPlays() >= minPlays && p.earlySkipRate() >= minRate;
    }

    /** Ids of the library's real negatives. */
    public Set<String> of(ListenerLibrary library) {
        Set<String> out = new HashSet<>();
        library.playHistory().stream().filter(this::isNegative).forEach(p -> out.add(p.track().id()));
        return out;
    }
}
