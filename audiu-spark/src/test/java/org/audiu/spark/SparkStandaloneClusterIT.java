package org.audiu.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.AudioFeatures;
import org.audiu.core.Recommendation;
import org.audiu.core.recommender.RecommenderFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job jar on a real Spark standalone cluster on this machine ({@code scripts/spark-cluster.sh}: a master and two
 * one-core workers, each its own JVM, executors launched from the build's SPARK_HOME), submitted through
 * {@code SparkSubmit} with the README's arguments, as a user would. 200,000 generated tracks, 10 listeners. Checks
 * the Parquet and JSON outputs equal {@code local[2]}'s (same job in this JVM) and the local engine's lists, then
 * the same with one worker killed by its PID while the scoring stage runs, a corrupt recommender file failing fast
 * with no output left, and an existing output folder refused. Runs under {@code mvn verify} when
 * {@code AUDIU_SPARK_CLUSTER=1} ({@code .ci/run} sets it); the cluster is stopped however the test ends.
 */
@EnabledIfEnvironmentVariable(named = "AUDIU_SPARK_CLUSTER", matches = "1",
        disabledReason = "the standalone-cluster test runs when AUDIU_SPARK_CLUSTER=1 (as .ci/run sets it)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SparkStandaloneClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(SparkStandaloneClusterIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long TRACKS = 200_000;
    static final int LISTENERS = 10;
    static final int K = 20;
    static final int PARTITIONS = 8;
    private static final Path WORK = Path.of("target", "spark-cluster-it").toAbsolutePath();

    private static StandaloneCluster cluster;
    private static GeneratedWorkload workload;
    private static List<GeneratedWorkload.Listener> listeners;
    private static Map<String, List<Recommendation>> localEngine;
    private static List<String> recommenderArgs;
    private static String catalogue;
    private static Path localOut;
    private static CatalogueScoring.Result localResult;
    private static SparkJobRun cleanRun;
    /** Figures for docs/measurements.md, written to target/spark-cluster-it/measurements.json. */
    private static final Map<String, Object> MEASURED = new LinkedHashMap<>();

    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    static void setUp() throws Exception {
        FileUtils.deleteDirectory(WORK.toFile());
        Files.createDirectories(WORK);
        cluster = new StandaloneCluster(Path.of("..", "scripts", "spark-cluster.sh"), WORK.resolve("cluster"));
        cluster.start();   // first, so the cluster's JVMs start while this one trains

        workload = new GeneratedWorkload(TRACKS, List.of("logistic", "random-forest"), 10_000, K, 42);
        long t0 = System.nanoTime();
        listeners = workload.train(LISTENERS);
        recommenderArgs = new ArrayList<>();
        localEngine = new LinkedHashMap<>();
        for (GeneratedWorkload.Listener l : listeners) {
            Path file = WORK.resolve(l.archive().listener() + ".recommender");
            RecommenderFiles.save(l.recommender(), file);
            recommenderArgs.add("--recommender");
            recommenderArgs.add(l.archive().listener() + "=" + file);
            localEngine.put(l.archive().listener(), workload.rankLocally(l.recommender()));
        }
        SparkSession spark = SharedSpark.session();
        catalogue = WORK.resolve("catalogue.parquet").toString();
        CatalogueParquet.write(spark, workload.candidates(spark, PARTITIONS), AudioFeatures.STANDARD, catalogue);
        LOG.info("trained {} listeners, ranked them with the local engine and wrote {} in {} s", LISTENERS,
                catalogue, seconds(t0));

        // local[2]: the same job, in this JVM, through the classes the job jar holds.
        localOut = WORK.resolve("out-local2");
        List<String> files = recommenderArgs.stream().filter(a -> !a.startsWith("--")).toList();
        localResult = new CatalogueScoring(spark).score(new CatalogueInput(catalogue, "parquet", 0),
                new ListenerSources(spark.sparkContext().hadoopConfiguration()).read(files, List.of()),
                new CatalogueScoring.Settings(K, 4096, 100));
        new RecommendationOutput(spark).write(localResult, localOut.toString(), false);
        LOG.info("local[2] done after {} s", seconds(t0));
        cluster.awaitWorkers();
        LOG.info("cluster ready after {} s", seconds(t0));
    }

    @AfterAll
    static void tearDown() throws IOException {
        try {
            if (!MEASURED.isEmpty()) {
                Files.writeString(WORK.resolve("measurements.json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(MEASURED));
                LOG.info("cluster measurements: {}", MEASURED);
            }
        } finally {
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    /**
     * One task per Parquet file (8 files of ~2 MB, each under the 4 MB a split is padded to), as a user sets the
     * parallelism of a small catalogue; local[2] reads the same files as 2 partitions.
     */
    private static final List<String> SPARK_CONF = List.of("spark.default.parallelism=" + PARTITIONS);

    /** The README's submit arguments: every listener's recommender file, k, the output folder. */
    private static List<String> scoreArgs(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("score", "--catalogue", catalogue));
        args.addAll(recommenderArgs);
        args.addAll(List.of("--limit", Integer.toString(K), "--out", out.toString(), "--json"));
        args.addAll(Arrays.asList(extra));
        return args;
    }

    @Test
    @Order(1)
    void theSubmittedJobGivesLocal2sAndTheLocalEnginesOutput() throws Exception {
        Path out = WORK.resolve("out-cluster");
        cleanRun = cluster.submit("clean", SPARK_CONF, scoreArgs(out), null);
        assertEquals(0, cleanRun.exitCode(), cleanRun.describe());
        assertSameOutput(out, cleanRun);
        MEASURED.put("cleanRunSeconds", cleanRun.seconds());
        MEASURED.put("cleanScoringStageSeconds", cleanRun.events().scoringStageSeconds(PARTITIONS));
    }

    @Test
    @Order(2)
    void aWorkerKilledWhileTheScoringStageRunsLosesNothingAndDoublesNothing() throws Exception {
        Path out = WORK.resolve("out-cluster-killed");
        long workerPid = cluster.workerPids().get(0);
        SparkJobRun run = cluster.submit("killed", SPARK_CONF, scoreArgs(out),
                new SparkJobRun.KillWhenScoring(workerPid, PARTITIONS));
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.killed(), "the worker was killed while the scoring stage ran: " + run.describe());
        assertFalse(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false), "the worker is gone");
        SparkEventLog events = run.events();
        assertTrue(events.executorsRemoved() >= 1, "the driver lost the killed worker's executor: " + events);
        assertTrue(events.retriedTasks() >= 1, "tasks of the lost executor ran again on the other one: " + events);
        assertSameOutput(out, run);
        MEASURED.put("killedRunSeconds", run.seconds());
        MEASURED.put("killedScoringStageSeconds", events.scoringStageSeconds(PARTITIONS));
        MEASURED.put("killedAfterSeconds", run.killedAfterSeconds());
        MEASURED.put("failedTaskAttempts", events.failedTasks());
        MEASURED.put("retriedTaskAttempts", events.retriedTasks());
        if (cleanRun != null) {
            MEASURED.put("secondsLostToTheKilledWorker", run.seconds() - cleanRun.seconds());
        }
        assertEquals(1, cluster.aliveWorkers(), "one worker is left");
    }

    @Test
    @Order(3)
    void aCorruptRecommenderFileFailsFastNamingItAndLeavesNoOutput() throws Exception {
        byte[] bytes = Files.readAllBytes(WORK.resolve("listener-3.recommender"));
        Path corrupt = WORK.resolve("corrupt.recommender");
        Files.write(corrupt, Arrays.copyOf(bytes, bytes.length / 2));
        Path out = WORK.resolve("out-corrupt");
        SparkJobRun run = cluster.submit("corrupt", SPARK_CONF, scoreArgs(out, "--recommender", "broken=" + corrupt),
                null);
        assertNotEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stderr().contains(corrupt.toString()), "names the file: " + run.describe());
        assertFalse(Files.exists(out), "no partial output folder: " + out);
        assertEquals(0, run.events().jobsStarted(), "fails before any Spark job starts: " + run.events());
        MEASURED.put("corruptRunSeconds", run.seconds());
    }

    @Test
    @Order(4)
    void anExistingOutputFolderIsRefusedWithoutOverwrite() throws Exception {
        Path out = WORK.resolve("out-cluster");
        assertTrue(Files.isDirectory(out), "the first test wrote " + out);
        Map<String, Long> before = sizes(out);
        SparkJobRun run = cluster.submit("existing", SPARK_CONF, scoreArgs(out), null);
        assertNotEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stderr().contains(out.toString()) && run.stderr().contains("--overwrite"), run.describe());
        assertEquals(0, run.events().jobsStarted(), "refused before any Spark job starts: " + run.events());
        assertEquals(before, sizes(out), "the earlier results are untouched");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Parquet and JSON equal local[2]'s, row for row; every list equals the local engine's; nothing doubled. */
    private static void assertSameOutput(Path out, SparkJobRun run) throws IOException {
        SparkSession spark = SharedSpark.session();
        for (String name : List.of(RecommendationOutput.PARQUET, RecommendationOutput.JSON)) {
            List<String> cluster = rows(spark, out.resolve(name));
            List<String> local2 = rows(spark, localOut.resolve(name));
            assertEquals(LISTENERS * K, cluster.size(), name + ": one row per listener and rank");
            assertEquals(local2, cluster, name + ": the cluster's rows equal local[2]'s");
        }
        assertEquals(jsonLines(localOut), jsonLines(out), "the JSON files are the same text");
        List<Row> rows = spark.read().parquet(out.resolve(RecommendationOutput.PARQUET).toString())
                .orderBy("listener", "rank").collectAsList();
        Set<String> listenerTracks = new HashSet<>();
        Map<String, List<Row>> byListener = new LinkedHashMap<>();
        for (Row r : rows) {
            assertTrue(listenerTracks.add(r.getAs("listener") + " " + r.getAs("track_id")), "doubled: " + r);
            byListener.computeIfAbsent(r.getAs("listener"), l -> new ArrayList<>()).add(r);
        }
        assertEquals(localEngine.keySet(), byListener.keySet(), "every listener, none missing");
        for (var e : localEngine.entrySet()) {
            List<Row> got = byListener.get(e.getKey());
            assertEquals(K, e.getValue().size(), e.getKey() + ": the local engine fills the list");
            for (int i = 0; i < K; i++) {
                Recommendation want = e.getValue().get(i);
                Row r = got.get(i);
                assertEquals(i + 1, r.<Integer>getAs("rank"), e.getKey());
                assertEquals(want.track().id(), r.getAs("track_id"), e.getKey() + " rank " + (i + 1));
                assertEquals(want.score(), r.<Double>getAs("score"), 0.0, e.getKey() + " score of rank " + (i + 1));
                assertEquals(want.reasons(), r.getList(r.fieldIndex("reasons")), e.getKey() + " reasons");
            }
        }
        JsonNode printed = JSON.readTree(run.stdout());
        assertEquals(TRACKS, printed.get("catalogueRows").asLong(), "every track scored once: " + printed);
        for (int l = 0; l < LISTENERS; l++) {
            CatalogueScoring.ListenerResult want = localResult.listeners().get(l);
            assertEquals(want.scored(), printed.get("listeners").get(l).get("scored").asLong(),
                    "rows scored for " + want.listener());
        }
    }

    private static List<String> rows(SparkSession spark, Path written) {
        var data = written.toString().endsWith("json")
                ? spark.read().schema(RecommendationOutput.SCHEMA).json(written.toString())
                : spark.read().parquet(written.toString());
        return data.orderBy("listener", "rank").collectAsList().stream().map(Row::json).toList();
    }

    private static List<String> jsonLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out.resolve(RecommendationOutput.JSON))) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        return lines;
    }

    private static Map<String, Long> sizes(Path dir) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(p).toString(), Files.size(p));
            }
        }
        return out;
    }
}
