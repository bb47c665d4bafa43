package org.audiu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.recommender.LibraryExclusions;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.twostage.ModelScores;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.audiu.core.twostage.TwoStageRecommender;
import org.audiu.core.twostage.TwoStageSettings;
import org.audiu.models.ranking.RankerFile;

/**
 * The two-stage recommender over the configured dataset pool, loaded once: the saved ranker, the pool laid out for
 * retrieval, the configured retrievers. {@code audiu recommend --ranker} and {@code audiu serve --ranker} both rank
 * through {@link #recommend}, so a served list equals the CLI's for the same listener and per-listener model.
 * Immutable and thread-safe.
 */
public final class TwoStageEngine {
    /** The engine line when no ranker is configured. */
    public static final String SINGLE_STAGE = "single-stage (no ranker: '--ranker FILE' or two-stage.ranker-file for "
            + "the two-stage recommender)";

    private final Path rankerFile;
    private final RankerFile.Loaded loaded;
    private final TwoStageSettings settings;
    private final EvaluationCatalogue catalogue;
    private final TwoStageRecommender recommender;

    private TwoStageEngine(Path rankerFile, RankerFile.Loaded loaded, TwoStageSettings settings,
                           EvaluationCatalogue catalogue, TwoStageRecommender recommender) {
        this.rankerFile = rankerFile;
        this.loaded = loaded;
        this.settings = settings;
        this.catalogue = catalogue;
        this.recommender = recommender;
    }

    /** {@code --ranker FILE} when given, else {@code two-stage.ranker-file}, else none (the single-stage engine). */
    public static Optional<Path> rankerFile(AudiuConfig config, Path given) {
        if (given != null) {
            return Optional.of(given);
        }
        return TwoStageSettings.configured(config) ? TwoStageSettings.from(config).rankerFile() : Optional.empty();
    }

    /**
     * Reads the ranker and lays out the configured dataset pool ({@code candidates.path}).
     *
     * @param pool the pool's rows when the caller has read those files already (null: read them)
     * @throws org.audiu.core.archive.ModelFileException when the ranker file is missing, not a ranker or corrupt
     * @throws ConfigException when the ranker reads other columns than the configured retrievers give
     */
    public static TwoStageEngine load(AudiuConfig config, Path rankerFile, TrackDataset pool) {
        Objects.requireNonNull(rankerFile, "rankerFile");
        RankerFile.Loaded loaded = RankerFile.read(rankerFile);
        TwoStageSettings settings = TwoStageSettings.from(config);
        List<Path> files = EvaluateHistoryCommand.candidateFiles(config, null);
        TrackDataset rows = pool != null && pool.sources().equals(files) ? pool
                : new CsvDatasetReader(CsvReadOptions.defaults()).read(files);
        EvaluationCatalogue catalogue = new EvaluationCatalogue(rows);
        TwoStageRecommender recommender;
        try {
            recommender = new TwoStageRecommender(new TwoStageCatalogue(catalogue), settings, loaded.ranker());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (ranker " + rankerFile + ", trained with "
                    + loaded.settings() + ")");
        }
        return new TwoStageEngine(rankerFile, loaded, settings, catalogue, recommender);
    }

    /**
     * Why the ranker does not belong to this pool, if it does not: none of the pool's files has the SHA-256 of the
     * catalogue the ranker was trained on (its provenance's {@code catalogue.sha256}).
     */
    public Optional<String> catalogueMismatch() {
        String trained = loaded.provenance().get("catalogue.sha256");
        if (trained == null) {
            return Optional.of("the ranker " + rankerFile + " records no training catalogue checksum; train it again "
                    + "with './audiu ranker train --catalogue FILE --out FILE'");
        }
        List<String> pool = new ArrayList<>();
        for (Path f : catalogue.dataset().sources()) {
            String sha;
            try {
                sha = RankerFile.sha256(Files.readAllBytes(f));
            } catch (IOException e) {
                return Optional.of("could not read " + f + " to check it against the ranker: " + e);
            }
            if (sha.equals(trained)) {
                return Optional.empty();
            }
            pool.add(f.getFileName() + " sha256 " + sha.substring(0, 16));
        }
        return Optional.of("the ranker " + rankerFile + " was trained on " + loaded.provenance().get("catalogue")
                + " (sha256 " + trained.substring(0, Math.min(16, trained.length())) + "), which is not in the pool "
                + pool + ". Train a ranker on this catalogue: './audiu ranker train --catalogue "
                + catalogue.dataset().sources().get(0) + " --out FILE'");
    }

    /** What ranks: "two-stage (ranker FILE, sha256 ...; N candidates at most from [retrievers])". */
    public String engine() {
        return String.format(Locale.ROOT, "two-stage (ranker %s, sha256 %s; %d candidates at most from %s)",
                rankerFile.getFileName(), loaded.checksum().substring(0, 16), settings.candidates(),
                settings.retrieverNames());
    }

    /**
     * Builds what the retrievers keep per pool (the audio kernel) with one query, so that the first listener does
     * not wait for it.
     */
    public void warmUp() {
        if (catalogue.size() > 0) {
            ListenerLibrary one = new ListenerLibrary(List.of(), List.of(new Playlist("warm-up", "warm-up", true,
                    List.of(org.audiu.core.PlaylistItem.of(catalogue.track(0))))), java.util.Map.of(),
                    java.util.Map.of(), List.of());
            recommendWithoutModel(one, List.of(), 1, 1);
        }
    }

    /**
     * By pool position, the tracks the listener's model ({@code own}) or, without one, its library's exclusions
     * exclude: asked with each pool row's keys computed once with the pool, not per listener.
     */
    public static boolean[] excluded(EvaluationCatalogue catalogue, TrainedRecommender own,
                                     LibraryExclusions exclusions) {
        boolean[] excluded = new boolean[catalogue.size()];
        java.util.Iterator<org.audiu.core.spi.candidates.Candidate> rows = catalogue.candidates().iterator();
        for (int i = 0; i < excluded.length; i++) {
            org.audiu.core.spi.candidates.Candidate c = rows.next();
            excluded[i] = own != null ? own.excludes(c) : exclusions.excludes(c);
        }
        return excluded;
    }

    /** The full SHA-256 of the ranker file. */
    public String rankerChecksum() {
        return loaded.checksum();
    }

    /** The pool it ranks. */
    public EvaluationCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The best {@code k} pool tracks for a listener whose own model is {@code own}: every pool track it does not
     * exclude is scored by it (the ranker's model columns), the retrievers propose candidates, the ranker orders
     * them under {@code own}'s artist cap.
     */
    public List<Recommendation> recommend(TrainedRecommender own, ListenerLibrary library, int k) {
        return recommend(own, library.distinctTracks().stream().map(Track::id).toList(),
                library.playlists().stream().map(Playlist::id).toList(), k, own.perArtist(Math.max(1, k)));
    }

    /**
     * The same for a listener known by ids, with its model.
     *
     * @param trackIds    the listener's tracks, in library order
     * @param playlistIds the listener's playlists, left out of co-membership when the pool holds them
     */
    public List<Recommendation> recommend(TrainedRecommender own, List<String> trackIds, List<String> playlistIds,
                                          int k, int perArtist) {
        return recommend(own, null, trackIds, playlistIds, k, perArtist);
    }

    /**
     * For a listener without a model of its own (a few seeds): the ranker reads the model columns as missing, and
     * the library's tracks (and the same songs) are excluded.
     */
    public List<Recommendation> recommendWithoutModel(ListenerLibrary library, List<String> playlistIds, int k,
                                                      int perArtist) {
        return recommend(null, LibraryExclusions.of(library),
                library.distinctTracks().stream().map(Track::id).toList(), playlistIds, k, perArtist);
    }

    private List<Recommendation> recommend(TrainedRecommender own, LibraryExclusions exclusions,
                                           List<String> trackIds, List<String> playlistIds, int k, int perArtist) {
        if (own == null && exclusions == null) {
            throw new IllegalArgumentException("A listener without a model needs its library for the exclusions");
        }
        boolean[] excluded = excluded(catalogue, own, exclusions);
        double[] modelScores = own == null ? null : ModelScores.of(own, catalogue, excluded);
        return recommender.recommend(trackIds, playlistIds, modelScores, excluded, Math.max(1, k), perArtist);
    }
}
