package org.audiu.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.AudiuException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.testkit.PlaylistTestData;
import org.audiu.core.twostage.ModelScores;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.audiu.core.twostage.TwoStageRecommender;
import org.audiu.core.twostage.TwoStageSettings;
import org.audiu.models.ranking.RankerFile;
import org.audiu.models.ranking.RankerTraining;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark score} with the two-stage ranker (issue 24): a small generated playlist catalogue, a ranker trained
 * on it through {@code audiu ranker train}'s code path ({@link RankerTraining}), two listeners (playlists of the
 * catalogue) trained on the driver. The Spark job's lists equal the library API's ({@link TwoStageRecommender},
 * what {@code recommend --ranker} calls) track for track, score for score; without a ranker the single-stage job
 * runs as before and says so; bad ranker files fail naming the file.
 */
class TwoStageScoringTest {
    private static final int K = 5;
    private static final List<String> LISTENERS = List.of("pl3", "pl7");

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Path songs;
    private static Path ranker;
    private static String rankerSha;
    private static AudiuConfig twoStage;
    private static Map<String, Path> configs = new HashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        spark = SharedSpark.session();
        PlaylistTestData.dataset(dir, "songs", 160, PlaylistTestData.playlists(5, 160, 12, 24));
        songs = dir.resolve("songs.csv");
        twoStage = new AudiuConfig(Map.of("seed", "42", "model", "logistic", "two-stage.ranker.rounds", "20"), dir,
                "test two-stage settings");
        ranker = dir.resolve("ranker.zip");
        rankerSha = RankerTraining.train(songs, twoStage, PlaylistSplitter.standard(), 2).save(ranker);
        for (String playlist : LISTENERS) {
            Path config = dir.resolve(playlist + ".properties");
            Files.writeString(config, String.join("\n", "seed = 42", "library.source = csv-playlist",
                    "library.path = songs.csv", "library.playlist = " + playlist, "features = dataset",
                    "features.dataset.path = songs.csv", "candidates.source = dataset", "candidates.path = songs.csv",
                    "model = logistic", "recommendations = " + K, "two-stage.ranker.rounds = 20", ""));
            configs.put(playlist, config);
        }
    }

    private static List<ListenerArchive> archives() {
        return new ListenerSources(spark.sparkContext().hadoopConfiguration()).read(List.of(),
                LISTENERS.stream().map(l -> l + "=" + configs.get(l)).toList());
    }

    /** What {@code recommend --ranker} computes for the listener (TwoStageCli.recommend), with its recommender. */
    private static List<Recommendation> libraryApi(TrainedRecommender own, ListenerLibrary library) {
        EvaluationCatalogue catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults())
                .read(songs));
        TwoStageRecommender recommender = new TwoStageRecommender(new TwoStageCatalogue(catalogue),
                TwoStageSettings.from(twoStage), RankerFile.read(ranker).ranker());
        boolean[] excluded = new boolean[catalogue.size()];
        for (int i = 0; i < excluded.length; i++) {
            excluded[i] = own.excludes(catalogue.track(i));
        }
        return recommender.recommend(library, ModelScores.of(own, catalogue, excluded), excluded, K,
                own.perArtist(K));
    }

    private static ListenerLibrary library(String listener) {
        return RecommendationEngine.fromConfig(AudiuConfig.load(configs.get(listener)), Plugins.fromClasspath(),
                ProgressReporter.NONE).prepare().library();
    }

    @Test
    void theSparkJobRanksAsTheLibraryApiAndSaysTheTwoStageEngineRan() {
        List<ListenerArchive> archives = archives();
        CatalogueScoring.Result result = new TwoStageScoring(spark).score(songs.toString(), ranker.toString(),
                twoStage, archives, K);
        assertTrue(result.engine().startsWith("two-stage (ranker ranker.zip, sha256 " + rankerSha.substring(0, 16)),
                result.engine());
        assertEquals(LISTENERS, result.listeners().stream().map(CatalogueScoring.ListenerResult::listener).toList());
        for (int l = 0; l < archives.size(); l++) {
            CatalogueScoring.ListenerResult got = result.listeners().get(l);
            TrainedRecommender own = RecommenderFiles.fromBytes(archives.get(l).bytes(), "test",
                    getClass().getClassLoader());
            ListenerLibrary library = library(got.listener());
            List<Recommendation> expected = libraryApi(own, library);
            assertEquals(K, expected.size(), got.listener() + ": the library API fills the list");
            assertEquals(ids(expected), ids(got.recommendations()), got.listener() + ": same tracks, same order");
            for (int i = 0; i < K; i++) {
                assertEquals(expected.get(i).score(), got.recommendations().get(i).score(), 1e-12,
                        got.listener() + ": score of rank " + (i + 1));
                assertEquals(expected.get(i).reasons(), got.recommendations().get(i).reasons(),
                        got.listener() + ": reasons of rank " + (i + 1));
                assertTrue(got.recommendations().get(i).reasons().get(0).startsWith("found by "),
                        "a two-stage reason names its retrievers: " + got.recommendations().get(i).reasons());
            }
            for (Recommendation r : got.recommendations()) {
                assertFalse(library.tracksById().containsKey(r.track().id()), r.track().id() + " is in the library");
            }
        }
        assertTrue(!ids(result.listeners().get(0).recommendations())
                .equals(ids(result.listeners().get(1).recommendations())), "two listeners, two lists");
    }

    @Test
    void aSavedRecommenderFileListenerIsRetrievedFromItsExcludedTracks() throws Exception {
        ListenerArchive trained = archives().get(0);
        Path file = dir.resolve("pl3.recommender");
        Files.write(file, trained.bytes());
        List<ListenerArchive> fromFile = new ListenerSources(spark.sparkContext().hadoopConfiguration())
                .read(List.of("saved=" + file), List.of());
        assertEquals(null, fromFile.get(0).libraryTrackIds(), "a recommender file carries no library");
        CatalogueScoring.Result result = new TwoStageScoring(spark).score(songs.toString(), ranker.toString(),
                twoStage, fromFile, K);
        ListenerLibrary library = library("pl3");
        List<Recommendation> got = result.listeners().get(0).recommendations();
        assertEquals(K, got.size());
        for (Recommendation r : got) {
            assertFalse(library.tracksById().containsKey(r.track().id()), r.track().id() + " is in the library");
        }
        // pl3 is in the catalogue: the trained listener leaves its own playlist out of co-membership, the file
        // listener (ids only) cannot, so their lists may differ; both are two-stage lists of the same model
        assertTrue(got.get(0).reasons().get(0).startsWith("found by "), got.get(0).reasons().toString());
    }

    @Test
    void withoutARankerTheSingleStageJobRunsAsBeforeAndSaysSo() {
        List<ListenerArchive> archives = archives();
        CatalogueScoring.Result result = new CatalogueScoring(spark).score(new CatalogueInput(songs.toString(),
                "csv", 3), archives, new CatalogueScoring.Settings(K, 64, 10));
        assertEquals(CatalogueScoring.SINGLE_STAGE, result.engine());
        TrackDataset dataset = new CsvDatasetReader(CsvReadOptions.defaults()).read(songs);
        for (int l = 0; l < archives.size(); l++) {
            TrainedRecommender own = RecommenderFiles.fromBytes(archives.get(l).bytes(), "test",
                    getClass().getClassLoader());
            List<Recommendation> local = new org.audiu.core.engine.PoolRanking(
                    new org.audiu.core.dataset.DatasetFactories.DatasetCandidateSource(dataset),
                    new org.audiu.core.engine.CandidateFeatures(new org.audiu.core.features.FeatureProviderChain(
                            List.of(), own.baseSchema())), TrainedRecommender.DEFAULT_BATCH, ProgressReporter.NONE)
                    .rank(own, K, -1).recommendations();
            List<Recommendation> got = result.listeners().get(l).recommendations();
            assertEquals(ids(local), ids(got), LISTENERS.get(l) + ": the single-stage list is the local engine's");
            assertEquals(local.get(0).reasons(), got.get(0).reasons());
        }
    }

    @Test
    void aMissingOrCorruptRankerFileFailsNamingTheFileAndWhatToDo() throws Exception {
        List<ListenerArchive> archives = archives();
        Path missing = dir.resolve("no-such-ranker.zip");
        AudiuException e = assertThrows(AudiuException.class, () -> new TwoStageScoring(spark)
                .score(songs.toString(), missing.toString(), twoStage, archives, K));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("ranker train"),
                e.getMessage());

        byte[] bytes = Files.readAllBytes(ranker);
        Path truncated = dir.resolve("truncated-ranker.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(AudiuException.class, () -> new TwoStageScoring(spark)
                .score(songs.toString(), truncated.toString(), twoStage, archives, K));
        assertTrue(e.getMessage().contains(truncated.toString()) && e.getMessage().contains("ranker train"),
                e.getMessage());

        // one byte changed inside the archive: its entry checksums no longer match
        Path flipped = dir.resolve("flipped-ranker.zip");
        byte[] changed = bytes.clone();
        changed[bytes.length / 2] ^= 0x5a;
        Files.write(flipped, changed);
        e = assertThrows(AudiuException.class, () -> new TwoStageScoring(spark)
                .score(songs.toString(), flipped.toString(), twoStage, archives, K));
        assertTrue(e.getMessage().contains(flipped.toString()) && e.getMessage().contains("ranker train"),
                e.getMessage());

        // a recommender file is not a ranker
        Path recommender = dir.resolve("listener.recommender");
        Files.write(recommender, archives.get(0).bytes());
        e = assertThrows(AudiuException.class, () -> new TwoStageScoring(spark)
                .score(songs.toString(), recommender.toString(), twoStage, archives, K));
        assertTrue(e.getMessage().contains(recommender.toString()) && e.getMessage().contains("not a ranker"),
                e.getMessage());
    }

    @Test
    void theCliRefusesARankerWithAParquetCatalogueBeforeStartingSpark() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = SparkScoringCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("score", "--master", "local[1]", "--catalogue", dir.resolve("songs.parquet")
                .toString(), "--ranker", ranker.toString(), "--train", configs.get("pl3").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("needs the playlist catalogue as one audiU CSV file"), err.toString());
    }

    private static List<String> ids(List<Recommendation> recs) {
        return recs.stream().map(r -> r.track().id()).toList();
    }
}
