package org.audiu.core.preference;

import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.preference.PreferenceSignal;
import org.audiu.core.spi.preference.PreferenceSignalFactory;

/** Factories of the built-in preference signals, registered in META-INF/services. */
public final class PreferenceSignalFactories {
    private PreferenceSignalFactories() {
    }

    /** {@code popularity}: global popularity. */
    public static final class Popularity implements PreferenceSignalFactory {
        @Override public String name() { return "popularity"; }
        @Override public String description() { return "global popularity 0..100 (absent for new Spotify apps)"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return new PopularitySignal(); }
    }

    /** {@code frequency}: recurrence of track and artist. Parameter {@code artist-share} (0..1, default 0.4). */
    public static final class Frequency implements PreferenceSignalFactory {
        @Override public String name() { return "frequency"; }
        @Override public String description() { return "how often track and artist recur across the library"; }
        @Override public PreferenceSignal create(ComponentConfig config) {
            return new FrequencySignal(config.getDouble("artist-share", 0.4, 0, 1));
        }
    }

    /** {@code top-artists}: relevance to the listener's top artists. */
    public static final class TopArtists implements PreferenceSignalFactory {
        @Override public String name() { return "top-artists"; }
        @Override public String description() { return "artist rank in the listener's top artists"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return new TopArtistsSignal(); }
    }

    /** {@code top-tracks}: relevance to the listener's top tracks. */
    public static final class TopTracks implements PreferenceSignalFactory {
        @Override public String name() { return "top-tracks"; }
        @Override public String description() { return "track rank in the listener's top tracks"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return new TopTracksSignal(); }
    }

    /** {@code recency}: recency of adding or playing. Parameter {@code half-life-days} (default 90). */
    public static final class Recency implements PreferenceSignalFactory {
        @Override public String name() { return "recency"; }
        @Override public String description() { return "how recently a track was added or played"; }
        @Override public PreferenceSignal create(ComponentConfig config) {
            return new RecencySignal(config.getDouble("half-life-days", 90, 1e-3, 1e6));
        }
    }

    /** {@code play-count}: plays in the listener's listening history, log-scaled. */
    public static final class PlayCount implements PreferenceSignalFactory {
        @Override public String name() { return "play-count"; }
        @Override public String description() { return "plays in the listening history (log-scaled)"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return PlayHistorySignal.playCount(); }
    }

    /** {@code listening-time}: total listening time in the history, log-scaled. */
    public static final class ListeningTime implements PreferenceSignalFactory {
        @Override public String name() { return "listening-time"; }
        @Override public String description() { return "total listening time in the history (log-scaled)"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return PlayHistorySignal.listeningTime(); }
    }

    /** {@code completion}: share of plays heard to the end or for 30 s. */
    public static final class Completion implements PreferenceSignalFactory {
        @Override public String name() { return "completion"; }
        @Override public String description() { return "share of plays heard to the end or for at least 30 s"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return PlayHistorySignal.completion(); }
    }

    /** {@code skip-rate}: one minus the share of plays skipped. */
    public static final class SkipRate implements PreferenceSignalFactory {
        @Override public String name() { return "skip-rate"; }
        @Override public String description() { return "one minus the share of plays skipped"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return PlayHistorySignal.skipRate(); }
    }

    /** {@code play-recency}: how recently a track was played. Parameter {@code half-life-days} (default 180). */
    public static final class PlayRecency implements PreferenceSignalFactory {
        @Override public String name() { return "play-recency"; }
        @Override public String description() { return "how recently a track was last played (decaying)"; }
        @Override public PreferenceSignal create(ComponentConfig config) {
            return PlayHistorySignal.playRecency(config.getDouble("half-life-days", 180, 1e-3, 1e6));
        }
    }

    /** {@code repeat-days}: listening to a track again on separate days. */
    public static final class RepeatDays implements PreferenceSignalFactory {
        @Override public String name() { return "repeat-days"; }
        @Override public String description() { return "separate days a track was played on (log-scaled)"; }
        @Override public PreferenceSignal create(ComponentConfig config) { return PlayHistorySignal.repeatDays(); }
    }
}
