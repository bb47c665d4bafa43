package org.audiu.cli.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.catalogue.CatalogueArtist;
import org.audiu.core.catalogue.CataloguePlaylist;

/** The JSON bodies of the API (documented in SERVE.md). Numbers that are unknown (NaN) are written as null. */
final class ApiViews {
    private ApiViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrackView(String id, String name, List<String> artists, String album, String genre, Integer year) {
        static TrackView of(Track t) {
            return new TrackView(t.id(), t.name(), t.artists(), t.album().isEmpty() ? null : t.album(),
                    t.genre().orElse(null), t.releaseYear().isPresent() ? t.releaseYear().getAsInt() : null);
        }
    }

    record ArtistView(String name, int tracks) {
        static ArtistView of(CatalogueArtist a) {
            return new ArtistView(a.name(), a.trackIds().size());
        }
    }

    record PlaylistView(String id, String name, int tracks) {
        static PlaylistView of(CataloguePlaylist p) {
            return new PlaylistView(p.id(), p.name(), p.trackIds().size());
        }
    }

    record SearchView(String query, List<TrackView> tracks, List<ArtistView> artists, List<PlaylistView> playlists) {
    }

    record PlaylistsView(int total, List<PlaylistView> playlists) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeedsView(List<TrackView> tracks, List<ArtistView> artists, PlaylistView playlist) {
    }

    record RecommendationView(int rank, TrackView track, double score, double rankingScore, List<String> reasons,
                              Map<String, Double> features) {
    }

    /** Averages of the chart's features (0..1 scales) over the seeds' tracks and over the recommendations. */
    record ChartView(List<String> features, Map<String, Double> seeds, Map<String, Double> recommendations) {
    }

    /**
     * How the seeds were ranked: {@code method} "neighbours" (no model: trainer and the example counts are null),
     * "ranker" (the two-stage ranker without a model of the seeds, too few of them: the same nulls) or "model"; {@code holdoutAuc} is null unless enough seeds were held out to measure it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelView(String method, String trainer, Integer likedExamples, Integer negativeExamples,
                     Double holdoutAuc) {
    }

    /** {@code engine}: which engine ranked, "two-stage (ranker FILE, sha256 ...; ...)" or "single-stage (...)". */
    record RecommendationsView(SeedsView seeds, int seedTracks, int limit, List<RecommendationView> recommendations,
                               ChartView chart, ModelView model, long poolSize, long tookMs, String engine) {
    }

    record ProbabilityView(String genre, double probability) {
    }

    record GenreModelView(String trainer, Map<String, String> parameters, int trainingTracks, int heldOutTracks,
                          Double heldOutAccuracy, List<String> genres) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GenreView(TrackView track, String actualGenre, String predictedGenre, Boolean correct, boolean heldOut,
                     List<ProbabilityView> probabilities, GenreModelView model) {
    }

    record LimitsView(int maxSeeds, int maxArtists, int maxLimit, int defaultLimit, int maxQueryLength,
                      int maxSearchLimit, int defaultSearchLimit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InfoView(String name, String catalogue, int tracks, int artists, int playlists, List<String> genres,
                    String recommendModel, int modelMinSeeds, GenreModelView genreModel, List<String> chartFeatures,
                    LimitsView limits, String engine) {
    }

    /** A finite number, or null. */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The named features of a vector (null where missing), in the given order. */
    static Map<String, Double> features(FeatureVector v, List<String> names) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, number(v.get(n)));
        }
        return out;
    }
}
