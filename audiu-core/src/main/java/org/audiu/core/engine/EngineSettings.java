package org.audiu.core.engine;

import java.util.Collection;
import java.util.List;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.recommender.ArtistCap;

/**
 * The engine's own settings.
 *
 * @param recommendations   how many tracks to recommend ({@code recommendations}, default 20)
 * @param perArtist         at most this many per artist ({@code recommendations.per-artist}, default 2); with
 *                          {@code adaptiveArtistCap}, the least cap
 * @param adaptiveArtistCap let the cap grow with the library's top-artist share
 *                          ({@code recommendations.per-artist.adaptive}, default true; see {@code ArtistCap})
 * @param negativesPerLiked negatives sampled from the pool per liked track ({@code training.negatives-per-liked},
 *                          default 10)
 * @param maxNegatives      cap on sampled negatives ({@code training.max-negatives}, default 20,000)
 * @param holdout           share of training rows held out to measure the model ({@code training.holdout}, 0.2)
 * @param batchSize         candidates per feature lookup and prediction batch ({@code batch-size}, 4,096)
 * @param schema            the model's features ({@code features.columns}, default: 12 standard audio features)
 * @param seed              the global seed
 * @param adaptiveCapMinTracks the fewest library tracks whose top-artist share grows the adaptive cap
 *                          ({@code recommendations.per-artist.adaptive.min-tracks}, default
 *                          {@value ArtistCap#MIN_TRACKS_TO_ADAPT}; smaller libraries keep the fixed cap)
 * @param artistShareWeight the weight of the artist-share prior in a candidate's score
 *                          ({@code recommendations.artist-share-weight}, 0..1, default
 *                          {@value #DEFAULT_ARTIST_SHARE_WEIGHT}; 0: the model's probability alone; see
 *                          {@code TrainedRecommender.of})
 */
public record EngineSettings(int recommendations, int perArtist, double negativesPerLiked, int maxNegatives,
                             double holdout, int batchSize, FeatureSchema schema, long seed,
                             boolean adaptiveArtistCap, int adaptiveCapMinTracks, double artistShareWeight) {
    public EngineSettings {
        if (adaptiveCapMinTracks < 1) {
            throw new IllegalArgumentException("adaptiveCapMinTracks must be >= 1, got " + adaptiveCapMinTracks);
        }
        if (!(artistShareWeight >= 0 && artistShareWeight <= 1)) {
            throw new IllegalArgumentException("artistShareWeight must be in [0, 1], got " + artistShareWeight);
        }
    }

    /** The configuration keys the engine owns (a key covers the keys under it; a trailing dot marks a prefix). */
    public static final List<String> KEYS = List.of("recommendations", "training.", "reasons.", "features.columns",
            "batch-size", "ranker", "two-stage.");

    /**
     * Negatives per liked track by default. Their total weight equals the liked tracks' whatever their number, so more
     * only describe the pool better: on the playlist protocols 10 gave NDCG@10 0.218 against 0.205 for 3 (30: 0.218).
     */
    public static final double DEFAULT_NEGATIVES_PER_LIKED = 10;

    /**
     * The artist-share prior's weight by default. The model is almost equally sure of many candidates at the top; the
     * prior orders them by how much of the library their artist has. On the standard playlist protocol (NDCG@10 /
     * R-precision): 0 gave 0.218 / 0.168, 0.01 0.219 / 0.172, 0.2 0.220 / 0.174, 0.4 0.220 / 0.175.
     */
    public static final double DEFAULT_ARTIST_SHARE_WEIGHT = 0.2;

    public static EngineSettings from(ComponentConfig c) {
        int limit = c.getInt("recommendations", 20, 1, 10_000);
        int perArtist = c.getInt("recommendations.per-artist", 2, 1, 10_000);
        boolean adaptive = c.getBoolean("recommendations.per-artist.adaptive", true);
        double artistShareWeight = c.getDouble("recommendations.artist-share-weight", DEFAULT_ARTIST_SHARE_WEIGHT, 0,
                1);
        int adaptiveMin = c.getInt("recommendations.per-artist.adaptive.min-tracks", ArtistCap.MIN_TRACKS_TO_ADAPT, 1,
                1_000_000);
        double negatives = c.getDouble("training.negatives-per-liked", DEFAULT_NEGATIVES_PER_LIKED, 0.1, 1000);
        int maxNegatives = c.getInt("training.max-negatives", 20_000, 10, 10_000_000);
        double holdout = c.getDouble("training.holdout", 0.2, 0, 0.5);
        int batch = c.getInt("batch-size", 4096, 1, 1_000_000);
        List<String> columns = c.getList("features.columns", AudioFeatures.DEFAULT_MODEL_FEATURES.names());
        return new EngineSettings(limit, perArtist, negatives, maxNegatives, holdout, batch, new FeatureSchema(columns),
                c.seed(), adaptive, adaptiveMin, artistShareWeight);
    }

    public static EngineSettings defaults(long seed) {
        return new EngineSettings(20, 2, DEFAULT_NEGATIVES_PER_LIKED, 20_000, 0.2, 4096,
                AudioFeatures.DEFAULT_MODEL_FEATURES, seed, true, ArtistCap.MIN_TRACKS_TO_ADAPT,
                DEFAULT_ARTIST_SHARE_WEIGHT);
    }

    public EngineSettings withRecommendations(int value) {
        return new EngineSettings(value, perArtist, negativesPerLiked, maxNegatives, holdout, batchSize, schema, seed,
                adaptiveArtistCap, adaptiveCapMinTracks, artistShareWeight);
    }

    /** The same settings with at least {@code value} negatives per liked track. */
    public EngineSettings withNegativesPerLiked(double value) {
        return new EngineSettings(recommendations, perArtist, value, maxNegatives, holdout, batchSize, schema, seed,
                adaptiveArtistCap, adaptiveCapMinTracks, artistShareWeight);
    }

    /** The artist cap of a listener with this library: fixed, or adaptive ({@link ArtistCap#adaptive}). */
    public ArtistCap artistCap(Collection<Track> library) {
        return adaptiveArtistCap ? ArtistCap.adaptive(perArtist, library, adaptiveCapMinTracks)
                : ArtistCap.fixed(perArtist);
    }
}
