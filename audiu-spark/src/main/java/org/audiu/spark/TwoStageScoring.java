package org.audiu.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.twostage.ModelScores;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.audiu.core.twostage.TwoStageRecommender;
import org.audiu.core.twostage.TwoStageSettings;
import org.audiu.models.ranking.RankerFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code spark score} with the two-stage ranker ({@code --ranker FILE} or {@code two-stage.ranker-file}): the same
 * two stages as {@code audiu recommend --ranker}, run for many listeners on Spark.
 *
 * <p>Design, and its limits. Stage 1 (retrieval: co-membership, artists, audio neighbours, the listener's model,
 * popularity) needs the whole catalogue at once, with its playlists, so the two-stage path distributes
 * <em>listeners</em>, not catalogue rows: the catalogue CSV's bytes, the ranker file's bytes (each with its SHA-256)
 * and the listeners' recommender archives are broadcast once; each executor parses the catalogue into a
 * {@link TwoStageCatalogue} and loads the ranker once ({@link Shipped}, loaded on first use and shared by its
 * tasks); each task takes some listeners, scores every catalogue track with the listener's own model
 * ({@link ModelScores}), retrieves at most {@code two-stage.candidates} candidates and ranks them with the ranker
 * under the listener's artist cap ({@link TwoStageRecommender}). Consequences:
 * <ul>
 *   <li>the catalogue must be one audiU playlist CSV file (with {@code playlist_id}), as {@code ranker train
 *       --catalogue} takes; Parquet catalogues and folders of CSV files are refused (they carry no playlists);</li>
 *   <li>every executor holds the whole catalogue in memory (for {@code spotify_songs.csv}, 32,833 rows, some tens of
 *       MB); a catalogue too large for one executor's heap needs the single-stage path;</li>
 *   <li>parallelism is over listeners: one listener is ranked by one task, so a job with few listeners uses few
 *       cores.</li>
 * </ul>
 * For a listener trained from {@code --train CONFIG} the library is known (its track ids and playlist ids are
 * shipped); for a saved {@code --recommender FILE} only its exclusions' track ids are, so none of its playlists is
 * left out of co-membership (that matters only when the catalogue holds the listener's own playlist).
 * The lists equal the library API's ({@link TwoStageRecommender#recommend}) for the same catalogue file, ranker,
 * two-stage settings, recommender and k.
 */
public final class TwoStageScoring {
    private static final Logger LOG = LoggerFactory.getLogger(TwoStageScoring.class);

    private final SparkSession spark;

    public TwoStageScoring(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    /**
     * @param cataloguePath the playlist catalogue CSV (any Hadoop file system)
     * @param rankerPath    the ranker file ({@code ./audiu ranker train --out FILE})
     * @param config        the {@code two-stage.*} settings (retrievers, candidates); the ranker file key is ignored
     * @param k             recommendations per listener
     */
    public CatalogueScoring.Result score(String cataloguePath, String rankerPath, AudiuConfig config,
                                         List<ListenerArchive> archives, int k) {
        if (archives.isEmpty()) {
            throw new IllegalArgumentException("No listener to score: give at least one --recommender FILE or "
                    + "--train CONFIG");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        byte[] rankerBytes = read(hadoop, rankerPath, "ranker", "Train one with './audiu ranker train --catalogue "
                + "FILE --out " + rankerPath + "', or leave out --ranker (and two-stage.ranker-file) for the "
                + "single-stage engine.");
        byte[] catalogueBytes = read(hadoop, cataloguePath, "catalogue", "The two-stage ranker needs the playlist "
                + "catalogue as one audiU CSV file (with playlist_id), the file 'ranker train --catalogue' took.");
        Map<String, String> twoStage = new HashMap<>();
        config.values().forEach((key, v) -> {
            if (key.startsWith("two-stage.") && !key.equals("two-stage.ranker-file")) {
                twoStage.put(key, v);
            }
        });
        Shipped shipped = new Shipped(cataloguePath, catalogueBytes, rankerPath, rankerBytes, twoStage,
                new ArrayList<>(archives));
        // Everything is parsed once on the driver first: a bad file fails here, named, before any task starts.
        Shipped.Loaded loaded = shipped.loaded();
        Set<String> names = new LinkedHashSet<>();
        for (ListenerArchive a : archives) {
            if (!names.add(a.listener())) {
                throw new DataException("Two listeners are named '" + a.listener() + "' (" + a.source() + "); give "
                        + "each a distinct name (--recommender NAME=FILE).");
            }
        }
        String engine = String.format(Locale.ROOT, "two-stage (ranker %s, sha256 %s; %d candidates at most from "
                        + "%s; catalogue %s, sha256 %s, held whole by every executor)", fileName(rankerPath),
                loaded.rankerChecksum().substring(0, 16), loaded.settings().candidates(),
                loaded.settings().retrieverNames(), fileName(cataloguePath),
                RankerFile.sha256(catalogueBytes).substring(0, 16));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Shipped> broadcast = sc.broadcast(shipped);
        List<Ranked> ranked;
        int slices = Math.max(1, Math.min(archives.size(), sc.defaultParallelism()));
        try {
            ranked = new ArrayList<>(sc.parallelize(IntStream.range(0, archives.size()).boxed().toList(), slices)
                    .map(l -> broadcast.value().rank(l, k)).collect());
        } finally {
            broadcast.destroy();
        }
        ranked.sort(Comparator.comparingInt(Ranked::listener));
        List<CatalogueScoring.ListenerResult> results = new ArrayList<>();
        for (Ranked r : ranked) {
            ListenerArchive a = archives.get(r.listener());
            results.add(new CatalogueScoring.ListenerResult(a.listener(), a.source(), r.scored(),
                    r.recommendations().stream().map(RankedTrack::toRecommendation).toList()));
        }
        long rows = loaded.catalogue().size();
        LOG.info("Two-stage: ranked {} listeners over {} catalogue tracks", archives.size(), rows);
        // partitions: the listener slices (each task ranks whole listeners); one pass
        return new CatalogueScoring.Result(results, rows, slices, 1, engine);
    }

    private static String fileName(String path) {
        return new org.apache.hadoop.fs.Path(path).getName();
    }

    private static byte[] read(Configuration hadoop, String path, String what, String fix) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.exists(p)) {
                throw new DataException("The " + what + " file " + path + " does not exist. " + fix);
            }
            if (fs.getFileStatus(p).isDirectory()) {
                throw new DataException("The " + what + " path " + path + " is a folder, not a file. " + fix);
            }
            try (InputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new DataException("Could not read the " + what + " file " + path + ": " + e.getMessage() + ". "
                    + fix, e);
        }
    }

    /**
     * One listener's ranked list as it travels back to the driver; {@code scored}: the catalogue tracks its own
     * model scored (those outside its library), the retrievers' input.
     */
    record Ranked(int listener, long scored, ArrayList<RankedTrack> recommendations) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One recommendation in a serializable form. */
    record RankedTrack(TrackRecord track, double score, double rankingScore, ArrayList<String> reasons)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        static RankedTrack of(Recommendation r) {
            return new RankedTrack(TrackRecord.of(r.track()), r.score(), r.rankingScore(),
                    new ArrayList<>(r.reasons()));
        }

        Recommendation toRecommendation() {
            return new Recommendation(track.toTrack(), score, rankingScore, List.copyOf(reasons));
        }
    }

    /**
     * The broadcast value: the catalogue's and the ranker's bytes, the two-stage settings and the listeners'
     * archives. Spark keeps one deserialised copy per executor, so {@link #loaded()} parses the catalogue, loads the
     * ranker and the recommenders once per executor; the loaded objects are immutable and shared by its tasks.
     */
    static final class Shipped implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String cataloguePath;
        private final byte[] catalogueBytes;
        private final String rankerPath;
        private final byte[] rankerBytes;
        private final HashMap<String, String> twoStage;
        private final ArrayList<ListenerArchive> archives;
        private transient volatile Loaded loaded;

        Shipped(String cataloguePath, byte[] catalogueBytes, String rankerPath, byte[] rankerBytes,
                Map<String, String> twoStage, ArrayList<ListenerArchive> archives) {
            this.cataloguePath = cataloguePath;
            this.catalogueBytes = catalogueBytes;
            this.rankerPath = rankerPath;
            this.rankerBytes = rankerBytes;
            this.twoStage = new HashMap<>(twoStage);
            this.archives = archives;
        }

        record Loaded(TwoStageCatalogue catalogue, TwoStageSettings settings, TwoStageRecommender recommender,
                      String rankerChecksum, List<TrainedRecommender> listeners) {
        }

        Loaded loaded() {
            Loaded result = loaded;
            if (result == null) {
                synchronized (this) {
                    result = loaded;
                    if (result == null) {
                        result = load();
                        loaded = result;
                    }
                }
            }
            return result;
        }

        private Loaded load() {
            RankerFile.Loaded ranker;
            try {
                ranker = RankerFile.fromBytes(rankerBytes, rankerPath);
            } catch (ModelFileException e) {
                throw new ModelFileException(e.getMessage() + " (the ranker file given by --ranker or "
                        + "two-stage.ranker-file: train it again with './audiu ranker train --catalogue FILE --out "
                        + rankerPath + "')", e);
            }
            TwoStageSettings settings = TwoStageSettings.from(new AudiuConfig(twoStage, Path.of("."),
                    "spark score's two-stage settings"));
            EvaluationCatalogue evaluation = new EvaluationCatalogue(parseCatalogue());
            if (evaluation.groupCount() == 0) {
                throw new DataException("The catalogue " + cataloguePath + " names no playlists (no playlist_id "
                        + "column): the two-stage ranker's retrieval needs a playlist catalogue such as "
                        + "spotify_songs.csv, the file 'ranker train --catalogue' took.");
            }
            TwoStageCatalogue catalogue = new TwoStageCatalogue(evaluation);
            TwoStageRecommender recommender;
            try {
                recommender = new TwoStageRecommender(catalogue, settings, ranker.ranker());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage() + " (ranker " + rankerPath + ", trained with "
                        + ranker.settings() + ")");
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = TwoStageScoring.class.getClassLoader();
            }
            List<TrainedRecommender> listeners = new ArrayList<>();
            for (ListenerArchive a : archives) {
                listeners.add(RecommenderFiles.fromBytes(a.bytes(), a.source(), loader));
            }
            return new Loaded(catalogue, settings, recommender, ranker.checksum(), List.copyOf(listeners));
        }

        /** The CSV reader reads files: the bytes go to a temporary file on this machine, read and deleted. */
        private org.audiu.core.dataset.TrackDataset parseCatalogue() {
            try {
                Path tmp = Files.createTempFile("audiu-two-stage-catalogue", ".csv");
                try {
                    Files.write(tmp, catalogueBytes);
                    return new CsvDatasetReader(CsvReadOptions.defaults()).read(tmp);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stage the catalogue " + cataloguePath + " for reading", e);
            } catch (DataException e) {
                throw new DataException("The catalogue " + cataloguePath + " cannot be read as an audiU CSV: "
                        + e.getMessage(), e);
            }
        }

        /** Listener {@code l}'s list: its model over the catalogue, then the two stages, as the library API does. */
        Ranked rank(int l, int k) {
            Loaded in = loaded();
            TwoStageCatalogue catalogue = in.catalogue();
            TrainedRecommender own = in.listeners().get(l);
            ListenerArchive a = archives.get(l);
            boolean[] excluded = new boolean[catalogue.size()];
            long scored = 0;
            for (int i = 0; i < excluded.length; i++) {
                excluded[i] = own.excludes(catalogue.track(i));
                scored += excluded[i] ? 0 : 1;
            }
            double[] modelScores = ModelScores.of(own, catalogue.source(), excluded);
            List<String> library = a.libraryTrackIds() != null ? a.libraryTrackIds() : own.exclusions().trackIds();
            List<String> playlists = a.playlistIds() != null ? a.playlistIds() : List.of();
            List<Recommendation> recs = in.recommender().recommend(library, playlists, modelScores, excluded, k,
                    own.perArtist(k));
            return new Ranked(l, scored, new ArrayList<>(recs.stream().map(RankedTrack::of).toList()));
        }
    }
}
