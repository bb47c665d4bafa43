package org.audiu.cli.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.audiu.cli.TwoStageEngine;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.engine.RunReport;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.history.CatalogueMatcher;
import org.audiu.core.history.ListeningHistory;
import org.audiu.core.history.LoadedHistory;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.RecommenderProvenance;
import org.audiu.core.recommender.TrainedRecommender;

/**
 * Recommends from an uploaded export: matches it to the catalogue with the CLI's matcher ({@code recommend
 * --history}), keeps what matched (so nothing of the export's own names reaches the engine or its log), and runs the
 * configured engine (scorer, listener features, skipped-play negatives, artist cap) with serve's per-request trainer
 * over the catalogue. Optionally keeps the trained recommenders, and only them, by a hash of the upload.
 * Thread-safe.
 */
final class UploadRecommender {
    /** What the engine made of one upload. */
    record Run(LoadedHistory loaded, ListenerLibrary library, RecommendationResult result, boolean reused,
               long millis, String engine) {
    }

    private final Catalogue catalogue;
    private final CatalogueMatcher matcher;
    private final RecommendationEngine engine;
    private final LruCache<String, TrainedRecommender> kept;
    private final Optional<TwoStageEngine> twoStage;

    /**
     * @param twoStage the server's two-stage recommender over the same catalogue (as {@code recommend --ranker}); empty:
     *                 the single-stage engine ranks
     */
    UploadRecommender(Catalogue catalogue, RecommendationEngine engine, int keepRecommenders,
                      Optional<TwoStageEngine> twoStage) {
        this.twoStage = Objects.requireNonNull(twoStage, "twoStage");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.matcher = new CatalogueMatcher(catalogue.tracks().stream().map(CatalogueTrack::track));
        this.kept = new LruCache<>(keepRecommenders);
    }

    /**
     * The configured engine (its scorer, listener features, settings), trained by {@code model} (serve's small
     * forest by default: it trains for every upload), over the served catalogue.
     */
    static UploadRecommender fromConfig(AudiuConfig config, Plugins plugins, Catalogue catalogue, TrainerChoice model,
                                        int keepRecommenders, Optional<TwoStageEngine> twoStage) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("model", model.name());
        model.parameters().forEach((k, v) -> overrides.put("model." + model.name() + "." + k, v));
        RecommendationEngine configured = RecommendationEngine.fromConfig(config.with(overrides), plugins,
                ProgressReporter.NONE);
        FeatureProviderChain features = new FeatureProviderChain(
                List.of(new NamedFeatureProvider("catalogue", catalogue.asFeatureProvider())),
                configured.settings().schema());
        Map<String, String> names = new LinkedHashMap<>();
        names.put("library.source", "upload");
        names.put("features", "catalogue");
        names.put("candidates.source", "catalogue");
        RecommendationEngine engine = configured.withSources(ListenerLibrary::empty, catalogue.asCandidateSource(),
                features, names);
        return new UploadRecommender(catalogue, engine, keepRecommenders, twoStage);
    }

    Catalogue catalogue() {
        return catalogue;
    }

    /** The configured number of recommendations. */
    int defaultLimit() {
        return engine.settings().recommendations();
    }

    String trainerName() {
        return engine.componentNames().getOrDefault("model", "?");
    }

    int keptRecommenders() {
        return kept.size();
    }

    /**
     * @param hash the upload's hash when recommenders are kept by it
     * @throws DataException when nothing of the export is in the catalogue
     */
    Run recommend(ListeningHistory history, int limit, Optional<String> hash) {
        long start = System.nanoTime();
        LoadedHistory loaded = LoadedHistory.of(history, matcher);
        if (!loaded.anyMatched()) {
            throw new DataException("Nothing of the export (" + loaded.match().songs() + " songs played, "
                    + loaded.libraryMatch().savedTracks() + " saved tracks, " + loaded.libraryMatch().playlistItems()
                    + " playlist tracks) is in this server's catalogue (" + catalogue.size() + " tracks), so audiU has "
                    + "nothing to learn your taste from.");
        }
        ListenerLibrary library = inCatalogue(loaded.library());
        RecommendationEngine run = engine.withLibrary(() -> library, "upload")
                .withSettings(engine.settings().withRecommendations(limit));
        Optional<TrainedRecommender> reuse = hash.flatMap(kept::get);
        RecommendationResult result;
        if (twoStage.isPresent()) {
            // The two-stage recommender reads the listener model's scores, not its list: train it, do not rank.
            TrainedRecommender own = reuse.orElseGet(run::train);
            if (reuse.isEmpty()) {
                hash.ifPresent(h -> kept.put(h, own));
            }
            List<Recommendation> recs = twoStage.get().recommend(own, library, limit);
            RecommenderProvenance p = own.provenance();
            RunReport report = new RunReport(p.components(), p.libraryTracks(), p.likedExamples(), List.of(),
                    p.poolSeen(), 0, p.likedExamples(), p.negativeExamples(), p.holdoutAuc(), Map.of(), List.of(),
                    Map.of(), Map.of());
            result = new RecommendationResult(recs, own, report);
        } else if (reuse.isPresent()) {
            result = run.recommendWith(reuse.get());
        } else {
            result = run.recommend();
            hash.ifPresent(h -> kept.put(h, result.recommender()));
        }
        return new Run(loaded, library, result, reuse.isPresent(), (System.nanoTime() - start) / 1_000_000,
                engine());
    }

    /** Which engine ranks uploads: the two-stage recommender's line, or {@link TwoStageEngine#SINGLE_STAGE}. */
    String engine() {
        return twoStage.map(TwoStageEngine::engine).orElse(TwoStageEngine.SINGLE_STAGE);
    }

    /** The library's tracks that are catalogue tracks (the others have no features and only names of the export). */
    private ListenerLibrary inCatalogue(ListenerLibrary lib) {
        List<SavedTrack> saved = lib.savedTracks().stream().filter(s -> known(s.track())).toList();
        List<Playlist> playlists = new ArrayList<>();
        for (Playlist p : lib.playlists()) {
            List<PlaylistItem> items = p.items().stream().filter(i -> known(i.track())).toList();
            if (!items.isEmpty()) {
                playlists.add(new Playlist(p.id(), p.name(), p.owned(), items));
            }
        }
        List<TrackPlays> plays = lib.playHistory().stream().filter(t -> known(t.track())).toList();
        List<Track> banned = lib.bannedTracks().stream().filter(this::known).toList();
        return new ListenerLibrary(saved, playlists, lib.topArtists(), lib.topTracks(), lib.recentlyPlayed(), plays,
                lib.followedArtists(), banned, lib.bannedArtists());
    }

    private boolean known(Track t) {
        return catalogue.track(t.id()).isPresent();
    }
}
