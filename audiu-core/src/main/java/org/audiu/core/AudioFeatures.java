package org.audiu.core;

import java.util.List;

/** Names of the standard audio features, as Spotify, ReccoBeats and the public datasets spell them. */
public final class AudioFeatures {
    public static final String DANCEABILITY = "danceability";
    public static final String ENERGY = "energy";
    public static final String KEY = "key";
    public static final String LOUDNESS = "loudness";
    public static final String MODE = "mode";
    public static final String SPEECHINESS = "speechiness";
    public static final String ACOUSTICNESS = "acousticness";
    public static final String INSTRUMENTALNESS = "instrumentalness";
    public static final String LIVENESS = "liveness";
    public static final String VALENCE = "valence";
    public static final String TEMPO = "tempo";
    public static final String DURATION_MS = "duration_ms";
    public static final String TIME_SIGNATURE = "time_signature";

    /** The 13 standard audio features, in Spotify's order. */
    public static final FeatureSchema STANDARD = new FeatureSchema(List.of(DANCEABILITY, ENERGY, KEY, LOUDNESS, MODE,
            SPEECHINESS, ACOUSTICNESS, INSTRUMENTALNESS, LIVENESS, VALENCE, TEMPO, DURATION_MS, TIME_SIGNATURE));

    /**
     * The default model features: the standard set without {@code time_signature}, which neither ReccoBeats nor
     * the public datasets provide.
     */
    public static final FeatureSchema DEFAULT_MODEL_FEATURES = new FeatureSchema(List.of(DANCEABILITY, ENERGY, KEY,
            LOUDNESS, MODE, SPEECHINESS, ACOUSTICNESS, INSTRUMENTALNESS, LIVENESS, VALENCE, TEMPO, DURATION_MS));

    /** Features that describe how a track sounds on a 0..1 scale (used for human-readable reasons). */
    public static final List<String> PERCEPTUAL = List.of(DANCEABILITY, ENERGY, SPEECHINESS, ACOUSTICNESS,
            INSTRUMENTALNESS, LIVENESS, VALENCE);

    private AudioFeatures() {
    }
}
