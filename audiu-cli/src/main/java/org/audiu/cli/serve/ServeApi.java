package org.audiu.cli.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.audiu.cli.serve.ApiViews.ArtistView;
import org.audiu.cli.serve.ApiViews.ChartView;
import org.audiu.cli.serve.ApiViews.GenreModelView;
import org.audiu.cli.serve.ApiViews.GenreView;
import org.audiu.cli.serve.ApiViews.InfoView;
import org.audiu.cli.serve.ApiViews.LimitsView;
import org.audiu.cli.serve.ApiViews.ModelView;
import org.audiu.cli.serve.ApiViews.PlaylistView;
import org.audiu.cli.serve.ApiViews.PlaylistsView;
import org.audiu.cli.serve.ApiViews.ProbabilityView;
import org.audiu.cli.serve.ApiViews.RecommendationView;
import org.audiu.cli.serve.ApiViews.RecommendationsView;
import org.audiu.cli.serve.ApiViews.SearchView;
import org.audiu.cli.serve.ApiViews.SeedsView;
import org.audiu.cli.serve.ApiViews.TrackView;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureVector;
import org.audiu.core.Recommendation;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueArtist;
import org.audiu.core.catalogue.CataloguePlaylist;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.catalogue.TrackSearch;
import org.audiu.models.genre.GenreModel;

/**
 * The JSON API, independent of the HTTP server: each endpoint takes the request's query parameters, validates every
 * one of them ({@link WebApiException} with a 4xx status for anything wrong) and returns the response body.
 * Thread-safe: the backend is immutable, the cache is synchronised and a semaphore bounds how many recommendation runs
 * share the CPU at once.
 */
public final class ServeApi {
    static final Set<String> SEARCH_PARAMS = Set.of("q", "limit");
    static final Set<String> PLAYLISTS_PARAMS = Set.of("limit");
    static final Set<String> RECOMMENDATION_PARAMS = Set.of("seeds", "artist", "playlist", "limit");
    static final Set<String> GENRE_PARAMS = Set.of("track");
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_PLAYLISTS = 1000;

    private final ServeBackend backend;
    private final ApiLimits limits;
    private final List<String> chartFeatures;
    private final LruCache<String, RecommendationsView> cache;
    private final Semaphore slots;
    private final long busyTimeoutMillis;

    public ServeApi(ServeBackend backend, ServeOptions options) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.limits = options.limits();
        this.chartFeatures = AudioFeatures.PERCEPTUAL.stream().filter(backend.catalogue().schema()::contains)
                .toList();
        this.cache = new LruCache<>(options.cacheSize());
        this.slots = new Semaphore(options.maxConcurrent(), true);
        this.busyTimeoutMillis = options.busyTimeoutMillis();
    }

    public ServeBackend backend() {
        return backend;
    }

    /** {@code GET /api/info}: what the server holds and its limits. */
    public InfoView info(Map<String, List<String>> query) {
        new QueryParams(query).allowOnly(Set.of());
        Catalogue c = backend.catalogue();
        return new InfoView("audiU", c.source(), c.size(), c.artists().size(), c.playlists().size(), c.genres(),
                backend.recommender().trainerName(), backend.recommender().minModelSeeds(), backend.genres().map(this::genreModel).orElse(null),
                chartFeatures, new LimitsView(limits.maxSeeds(), limits.maxArtists(), limits.maxLimit(),
                limits.defaultLimit(), limits.maxQueryLength(), limits.maxSearchLimit(), limits.defaultSearchLimit()),
                backend.recommender().engine());
    }

    /** {@code GET /api/search?q=&limit=}: tracks, artists and playlists matching {@code q}. */
    public SearchView search(Map<String, List<String>> query) {
        QueryParams p = new QueryParams(query).allowOnly(SEARCH_PARAMS);
        String q = p.requiredText("q", limits.maxQueryLength());
        int limit = p.integer("limit", limits.defaultSearchLimit(), 1, limits.maxSearchLimit());
        TrackSearch.Result r = backend.search().search(q, limit);
        return new SearchView(q, r.tracks().stream().map(t -> TrackView.of(t.track())).toList(),
                r.artists().stream().map(ArtistView::of).toList(),
                r.playlists().stream().map(PlaylistView::of).toList());
    }

    /** {@code GET /api/playlists?limit=}: the playlists a visitor can start from. */
    public PlaylistsView playlists(Map<String, List<String>> query) {
        QueryParams p = new QueryParams(query).allowOnly(PLAYLISTS_PARAMS);
        int limit = p.integer("limit", 200, 1, MAX_PLAYLISTS);
        var all = backend.catalogue().playlists();
        return new PlaylistsView(all.size(), all.stream().limit(limit).map(PlaylistView::of).toList());
    }

    /** {@code GET /api/recommendations?seeds=ID,ID&artist=NAME&playlist=ID&limit=N}. */
    public RecommendationsView recommendations(Map<String, List<String>> query) {
        QueryParams p = new QueryParams(query).allowOnly(RECOMMENDATION_PARAMS);
        int limit = p.integer("limit", limits.defaultLimit(), 1, limits.maxLimit());
        List<String> ids = trackIds(p.optionalText("seeds", limits.maxSeeds() * (MAX_ID_LENGTH + 1)));
        List<String> artistNames = p.repeatedText("artist", limits.maxQueryLength(), limits.maxArtists());
        Optional<String> playlistId = p.optionalText("playlist", MAX_ID_LENGTH);
        if (ids.isEmpty() && artistNames.isEmpty() && playlistId.isEmpty()) {
            throw WebApiException.badRequest("Give at least one seed: seeds=TRACK_ID,TRACK_ID, artist=NAME or"
                    + " playlist=ID.", Map.of("parameter", "seeds"));
        }
        Seeds seeds = resolve(ids, artistNames, playlistId);
        String key = seeds.key() + "|" + limit;
        Optional<RecommendationsView> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        SeedRecommender.Run run = withSlot(() -> backend.recommender().recommend(seeds, limit));
        RecommendationsView view = view(run, limit);
        cache.put(key, view);
        return view;
    }

    /** {@code GET /api/genre?track=ID}: the genre model's class probabilities for a catalogue track. */
    public GenreView genre(Map<String, List<String>> query) {
        QueryParams p = new QueryParams(query).allowOnly(GENRE_PARAMS);
        String id = checkId("track", p.requiredText("track", MAX_ID_LENGTH));
        GenreModel model = backend.genres().orElseThrow(() -> WebApiException.notFound("No genre model: the"
                + " catalogue (" + backend.catalogue().source() + ") has fewer than two genre labels.", Map.of()));
        CatalogueTrack track = backend.catalogue().track(id).orElseThrow(() -> WebApiException.notFound(
                "Unknown track id '" + QueryParams.echo(id) + "'.", Map.of("parameter", "track",
                        "value", QueryParams.echo(id))));
        GenreModel.Prediction prediction = model.predict(track.features());
        double[] probabilities = prediction.probabilities();
        List<ProbabilityView> ranked = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            ranked.add(new ProbabilityView(prediction.labels().get(i), probabilities[i]));
        }
        ranked.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        String actual = track.track().genre().filter(g -> !g.isBlank()).orElse(null);
        return new GenreView(TrackView.of(track.track()), actual, prediction.predicted(),
                actual == null ? null : actual.equals(prediction.predicted()), model.isHeldOut(id), ranked,
                genreModel(model));
    }

    private GenreModelView genreModel(GenreModel g) {
        return new GenreModelView(g.trainer(), new java.util.TreeMap<>(g.parameters()), g.trainingRows(),
                g.heldOutRows(), ApiViews.number(g.heldOutAccuracy()), g.labels());
    }

    private List<String> trackIds(Optional<String> raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : raw.get().split(",", -1)) {
            String id = part.strip();
            if (id.isEmpty()) {
                throw WebApiException.badRequest("Parameter 'seeds' has an empty track id; separate ids with single"
                        + " commas.", Map.of("parameter", "seeds"));
            }
            checkId("seeds", id);
            if (!out.contains(id)) {
                out.add(id);
            }
            if (out.size() > limits.maxSeeds()) {
                throw WebApiException.badRequest("Too many seed tracks (at most " + limits.maxSeeds() + ").",
                        Map.of("parameter", "seeds", "max", limits.maxSeeds()));
            }
        }
        return out;
    }

    /** A track id is 1 to 128 characters without spaces, commas or control characters. */
    private static String checkId(String parameter, String id) {
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c) || c == ',')) {
            throw WebApiException.badRequest("Malformed track id '" + QueryParams.echo(id) + "' in '" + parameter
                    + "': ids have 1 to " + MAX_ID_LENGTH + " characters, without spaces or commas.",
                    Map.of("parameter", parameter, "value", QueryParams.echo(id)));
        }
        return id;
    }

    private Seeds resolve(List<String> ids, List<String> artistNames, Optional<String> playlistId) {
        Catalogue c = backend.catalogue();
        List<CatalogueTrack> tracks = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            c.track(id).ifPresentOrElse(tracks::add, () -> unknown.add(QueryParams.echo(id)));
        }
        if (!unknown.isEmpty()) {
            throw WebApiException.notFound("Unknown track id" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + " in 'seeds'. Find ids with /api/search.", Map.of("parameter", "seeds", "unknown", unknown));
        }
        List<CatalogueArtist> artists = new ArrayList<>();
        for (String name : artistNames) {
            CatalogueArtist a = c.artist(name).orElseThrow(() -> WebApiException.notFound("Unknown artist '"
                    + QueryParams.echo(name) + "'. Find artists with /api/search.", Map.of("parameter", "artist",
                    "value", QueryParams.echo(name))));
            if (!artists.contains(a)) {
                artists.add(a);
            }
        }
        Optional<CataloguePlaylist> playlist = Optional.empty();
        if (playlistId.isPresent()) {
            String id = checkId("playlist", playlistId.get());
            playlist = Optional.of(c.playlist(id).orElseThrow(() -> WebApiException.notFound("Unknown playlist '"
                    + QueryParams.echo(id) + "'. List playlists with /api/playlists.", Map.of("parameter",
                    "playlist", "value", QueryParams.echo(id)))));
        }
        return new Seeds(tracks, artists, playlist);
    }

    private <T> T withSlot(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(busyTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebApiException(503, "The server is shutting down.", Map.of());
        }
        if (!acquired) {
            throw new WebApiException(503, "The server is busy; try again in a moment.",
                    Map.of("retryAfterSeconds", 1));
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private RecommendationsView view(SeedRecommender.Run run, int limit) {
        Catalogue c = backend.catalogue();
        List<RecommendationView> recs = new ArrayList<>();
        List<FeatureVector> recVectors = new ArrayList<>();
        int rank = 1;
        for (Recommendation r : run.recommendations()) {
            FeatureVector v = c.track(r.track().id()).map(CatalogueTrack::features).orElseThrow();
            recVectors.add(v);
            recs.add(new RecommendationView(rank++, TrackView.of(r.track()), r.score(), r.rankingScore(), r.reasons(),
                    ApiViews.features(v, chartFeatures)));
        }
        List<FeatureVector> seedVectors = run.library().stream().map(CatalogueTrack::features).toList();
        ChartView chart = new ChartView(chartFeatures, means(seedVectors), means(recVectors));
        Seeds s = run.seeds();
        SeedsView seeds = new SeedsView(s.tracks().stream().map(t -> TrackView.of(t.track())).toList(),
                s.artists().stream().map(ArtistView::of).toList(), s.playlist().map(PlaylistView::of).orElse(null));
        SeedRecommender.Method m = run.method();
        ModelView model = m.isModel() ? new ModelView(m.name(), m.trainer(), m.likedExamples(), m.negativeExamples(),
                ApiViews.number(m.holdoutAuc())) : new ModelView(m.name(), null, null, null, null);
        return new RecommendationsView(seeds, run.library().size(), limit, recs, chart, model, run.poolSize(),
                run.millis(), run.engine());
    }

    private Map<String, Double> means(List<FeatureVector> vectors) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String f : chartFeatures) {
            double sum = 0;
            int n = 0;
            for (FeatureVector v : vectors) {
                double x = v.get(f);
                if (Double.isFinite(x)) {
                    sum += x;
                    n++;
                }
            }
            out.put(f, n == 0 ? null : sum / n);
        }
        return out;
    }
}
