package org.audiu.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.AudioFeatures;
import org.audiu.core.AudiuException;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in local mode against the local engine on the same catalogue: four demo listeners trained with logistic,
 * random-forest and xgboost, a catalogue in many partitions (CSV files, Parquet), libraries overlapping the
 * catalogue, the written outputs, and the errors for bad recommender files and catalogues.
 */
class CatalogueScoringTest {
    private static final int CSV_FILES = 7;

    @TempDir
    static Path dir;

    private static DemoCatalogueFixture fixture;
    private static SparkSession spark;
    private static String parquet;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new DemoCatalogueFixture(dir, CSV_FILES);
        spark = SharedSpark.session();
        parquet = dir.resolve("catalogue.parquet").toString();
        long rows = CatalogueParquet.convertCsv(spark, fixture.csvFolder.toString(), AudioFeatures.STANDARD, parquet);
        assertEquals(fixture.dataset.tracks().size(), rows, "every CSV track is in the Parquet catalogue");
    }

    private static List<ListenerArchive> archives() {
        List<String> files = fixture.listenerNames.stream()
                .map(n -> n + "=" + fixture.recommenderFiles.get(n)).toList();
        return new ListenerSources(spark.sparkContext().hadoopConfiguration()).read(files, List.of());
    }

    private static CatalogueScoring.Result score(CatalogueInput input, int listenersPerPass) {
        return new CatalogueScoring(spark).score(input, archives(),
                new CatalogueScoring.Settings(DemoCatalogueFixture.K, 500, listenersPerPass));
    }

    /** Same tracks in the same order, scores within 1e-9, the same reasons, for every listener. */
    private static void assertSameAsLocal(CatalogueScoring.Result result) {
        assertEquals(fixture.listenerNames, result.listeners().stream().map(CatalogueScoring.ListenerResult::listener)
                .toList());
        for (CatalogueScoring.ListenerResult l : result.listeners()) {
            List<Recommendation> local = fixture.local.get(l.listener());
            assertEquals(DemoCatalogueFixture.K, local.size(), l.listener() + ": the local engine fills the list");
            assertEquals(ids(local), ids(l.recommendations()), l.listener() + ": the same tracks in the same order");
            for (int i = 0; i < local.size(); i++) {
                assertEquals(local.get(i).score(), l.recommendations().get(i).score(), 1e-9,
                        l.listener() + ": score of rank " + (i + 1));
                assertEquals(local.get(i).reasons(), l.recommendations().get(i).reasons(),
                        l.listener() + ": reasons of rank " + (i + 1));
            }
        }
    }

    private static List<String> ids(List<Recommendation> recs) {
        return recs.stream().map(r -> r.track().id()).toList();
    }

    @Test
    void csvFilesOverManyPartitionsRankAsTheLocalEngine() {
        CatalogueScoring.Result result = score(new CatalogueInput(fixture.csvFolder.toString(), "csv", 0), 100);
        assertEquals(CSV_FILES, result.partitions(), "one partition per CSV file");
        assertEquals(fixture.dataset.tracks().size(), result.catalogueRows());
        assertSameAsLocal(result);
    }

    @Test
    void aParquetCatalogueInSixteenPartitionsRanksAsTheLocalEngine() {
        CatalogueScoring.Result result = score(new CatalogueInput(parquet, "parquet", 16), 100);
        assertEquals(16, result.partitions());
        assertSameAsLocal(result);
    }

    @Test
    void listenersInSeveralPassesOverACachedCatalogueGiveTheSameLists() {
        CatalogueScoring.Result result = score(new CatalogueInput(parquet, "parquet", 4), 3);
        assertEquals(2, result.passes(), "four listeners, three per pass");
        assertSameAsLocal(result);
    }

    @Test
    void tracksOfAListenersLibraryAreNeverRecommended() {
        CatalogueScoring.Result result = score(new CatalogueInput(parquet, "parquet", 8), 100);
        long catalogue = result.catalogueRows();
        for (CatalogueScoring.ListenerResult l : result.listeners()) {
            var r = fixture.recommenders.get(l.listener());
            long inLibrary = fixture.dataset.tracks().values().stream().filter(t -> r.excludes(t.track())).count();
            assertTrue(inLibrary >= 50, l.listener() + ": the library overlaps the catalogue (" + inLibrary + ")");
            assertEquals(catalogue - inLibrary, l.scored(), l.listener() + ": library tracks are not scored");
            assertFalse(l.recommendations().stream().anyMatch(rec -> r.excludes(rec.track())),
                    l.listener() + ": no library track recommended");
        }
    }

    @Test
    void theJobWritesParquetAndJsonLinesWithRanksScoresAndReasons() {
        CatalogueScoring.Result result = score(new CatalogueInput(parquet, "parquet", 0), 100);
        String out = dir.resolve("out").toString();
        RecommendationOutput output = new RecommendationOutput(spark);
        output.write(result, out, false);
        for (String written : List.of(out + "/" + RecommendationOutput.PARQUET, out + "/" + RecommendationOutput.JSON)) {
            List<Row> rows = (written.endsWith("json") ? spark.read().schema(RecommendationOutput.SCHEMA).json(written)
                    : spark.read().parquet(written)).orderBy("listener", "rank").collectAsList();
            assertEquals(fixture.listenerNames.size() * DemoCatalogueFixture.K, rows.size(), written);
            for (Row row : rows) {
                Recommendation local = fixture.local.get(row.<String>getAs("listener"))
                        .get(row.<Integer>getAs("rank") - 1);
                assertEquals(local.track().id(), row.getAs("track_id"), written);
                assertEquals(local.score(), row.<Double>getAs("score"), 1e-9, written);
                assertEquals(local.reasons(), row.getList(row.fieldIndex("reasons")), written);
                assertEquals(local.track().artists(), row.getList(row.fieldIndex("artists")), written);
            }
        }
        DataException again = assertThrows(DataException.class, () -> output.write(result, out, false));
        assertTrue(again.getMessage().contains("--overwrite"), again.getMessage());
        output.write(result, out, true);
    }

    @Test
    void anExistingOutputFolderIsRefusedBeforeScoringEvenWhenEmpty() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("made-by-hand"));
        RecommendationOutput output = new RecommendationOutput(spark);
        DataException e = assertThrows(DataException.class, () -> output.checkTarget(empty.toString(), false));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("--overwrite"),
                e.getMessage());
        output.checkTarget(empty.toString(), true);
        output.checkTarget(dir.resolve("not-there-yet").toString(), false);
        assertFalse(Files.exists(dir.resolve("not-there-yet")), "checking creates nothing");
    }

    @Test
    void aCorruptRecommenderFileFailsNamingIt() throws Exception {
        Path good = fixture.recommenderFiles.get("jazz-logistic");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.recommender");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path flipped = dir.resolve("flipped.recommender");
        byte[] changed = bytes.clone();
        changed[changed.length / 2] ^= 0x5A;
        Files.write(flipped, changed);
        Path notAModel = dir.resolve("notes.recommender");
        Files.writeString(notAModel, "not a model");
        CatalogueInput input = new CatalogueInput(parquet, "parquet", 0);
        for (Path bad : List.of(truncated, flipped, notAModel)) {
            List<ListenerArchive> listeners = new ArrayList<>(archives());
            listeners.addAll(new ListenerSources(spark.sparkContext().hadoopConfiguration())
                    .read(List.of(bad.toString()), List.of()));
            AudiuException e = assertThrows(AudiuException.class, () -> new CatalogueScoring(spark).score(input,
                    listeners, CatalogueScoring.Settings.defaults(5)));
            assertTrue(e.getMessage().contains(bad.toString()), "names the file: " + e.getMessage());
        }
        DataException missing = assertThrows(DataException.class, () -> new ListenerSources(
                spark.sparkContext().hadoopConfiguration()).read(List.of(dir.resolve("nope.recommender").toString()),
                List.of()));
        assertTrue(missing.getMessage().contains("nope.recommender") && missing.getMessage().contains("audiu train"),
                missing.getMessage());
    }

    @Test
    void aCatalogueWithoutTrackIdsOrFeaturesIsRefusedWithItsColumns() {
        String noIds = dir.resolve("no-ids.parquet").toString();
        spark.read().parquet(parquet).drop("track_id").write().parquet(noIds);
        DataException e = assertThrows(DataException.class,
                () -> score(new CatalogueInput(noIds, "parquet", 0), 100));
        assertTrue(e.getMessage().contains("track_id") && e.getMessage().contains("danceability"), e.getMessage());

        String noFeatures = dir.resolve("no-features.parquet").toString();
        spark.read().parquet(parquet).select("track_id", "track_name").write().parquet(noFeatures);
        DataException f = assertThrows(DataException.class,
                () -> score(new CatalogueInput(noFeatures, "parquet", 0), 100));
        assertTrue(f.getMessage().contains("none of the recommenders' features"), f.getMessage());
    }

    @Test
    void twoListenersWithOneNameAreRefused() {
        List<ListenerArchive> twice = new ArrayList<>(archives());
        twice.add(twice.get(0));
        DataException e = assertThrows(DataException.class, () -> new CatalogueScoring(spark).score(
                new CatalogueInput(parquet, "parquet", 0), twice, CatalogueScoring.Settings.defaults(5)));
        assertTrue(e.getMessage().contains("jazz-logistic"), e.getMessage());
        Set<String> names = twice.stream().map(ListenerArchive::listener).collect(Collectors.toSet());
        assertEquals(fixture.listenerNames.size(), names.size());
    }
}
