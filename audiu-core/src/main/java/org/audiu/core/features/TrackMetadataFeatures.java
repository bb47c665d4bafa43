package org.audiu.core.features;

import org.audiu.core.AudioFeatures;
import org.audiu.core.Track;

/**
 * Features that come from a track's metadata rather than its audio: {@code duration_ms}, {@code popularity},
 * {@code release_year}, {@code explicit}. The chain fills them where providers leave them missing.
 */
public final class TrackMetadataFeatures {
    public static final String POPULARITY = "popularity";
    public static final String RELEASE_YEAR = "release_year";
    public static final String EXPLICIT = "explicit";

    private TrackMetadataFeatures() {
    }

    /** The metadata value of a named feature, or NaN when the track does not know it or it is not metadata. */
    public static double valueOf(Track track, String feature) {
        return switch (feature) {
            case AudioFeatures.DURATION_MS -> track.durationMs() > 0 ? track.durationMs() : Double.NaN;
            case POPULARITY -> track.popularity().orElse(Double.NaN);
            case RELEASE_YEAR -> track.releaseYear().isPresent() ? track.releaseYear().getAsInt() : Double.NaN;
            case EXPLICIT -> track.explicit() ? 1.0 : 0.0;
            default -> Double.NaN;
        };
    }

    public static boolean isMetadata(String feature) {
        return switch (feature) {
            case AudioFeatures.DURATION_MS, POPULARITY, RELEASE_YEAR, EXPLICIT -> true;
            default -> false;
        };
    }
}
