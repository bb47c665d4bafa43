package org.audiu.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone cluster of {@code scripts/spark-cluster.sh}, driven from a test: started in the background, stopped
 * by {@link #stop()} and, should the test JVM end first, by a shutdown hook (the script's PID file names exactly
 * what it started). Jobs go to it through {@code org.apache.spark.deploy.SparkSubmit} in a JVM of their own, with
 * the SPARK_HOME the workers use, as {@code spark-submit} would run them.
 */
final class StandaloneCluster {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneCluster.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SPARK_HOME = TARGET.resolve("spark-home");

    private final Path script;
    private final Path state;
    private final Thread hook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process starting;
    private Map<String, String> env = Map.of();

    StandaloneCluster(Path script, Path state) {
        this.script = script.toAbsolutePath().normalize();
        this.state = state.toAbsolutePath();
        this.hook = new Thread(this::stopQuietly, "stop the Spark standalone cluster");
    }

    /** Starts the master and workers in the background (see {@link #awaitWorkers()}). */
    void start() throws IOException, InterruptedException {
        if (!Files.isDirectory(SPARK_HOME.resolve("jars")) || jobJar() == null) {
            throw new IllegalStateException("Build audiu-spark first (mvn package): " + SPARK_HOME
                    + "/jars and the job jar are missing");
        }
        run("stop", 60);   // what an earlier, killed test run may have left, by its PID file
        Runtime.getRuntime().addShutdownHook(hook);
        Files.createDirectories(state);
        starting = process("start").redirectOutput(state.resolve("start.out").toFile())
                .redirectError(state.resolve("start.err").toFile()).start();
    }

    /** Waits for the script to report two registered workers; fails with its message (e.g. a port in use). */
    void awaitWorkers() throws IOException, InterruptedException {
        if (!starting.waitFor(120, TimeUnit.SECONDS)) {
            starting.destroy();
            throw new IllegalStateException("The cluster did not start in 120 s: " + Files.readString(
                    state.resolve("start.err")));
        }
        if (starting.exitValue() != 0) {
            throw new IllegalStateException("scripts/spark-cluster.sh start failed: "
                    + Files.readString(state.resolve("start.err")));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(state.resolve("cluster.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        env = values;
        LOG.info("cluster up: {}", env);
    }

    String masterUrl() {
        return env.get("MASTER_URL");
    }

    /** The workers' PIDs, from the script's PID file. */
    List<Long> workerPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve("cluster.pids"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].startsWith("worker-")) {
                pids.add(Long.parseLong(f[1]));
            }
        }
        return pids;
    }

    /** Workers the master reports ALIVE, once the count has settled (a lost worker is dropped on disconnect). */
    int aliveWorkers() throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 60; i++) {
            try {
                JsonNode master = JSON.readTree(get(env.get("MASTER_WEBUI") + "/json/"));
                int alive = 0;
                for (JsonNode w : master.get("workers")) {
                    alive += "ALIVE".equals(w.get("state").asText()) ? 1 : 0;
                }
                if (alive == last) {
                    return alive;
                }
                last = alive;
            } catch (IOException e) {
                LOG.debug("master not answering yet: {}", e.toString());
            }
            Thread.sleep(500);
        }
        return last;
    }

    /**
     * Runs {@code spark-submit --master URL --class SparkScoringCli [--conf C ...] JOB.jar ARGS} and waits for it to
     * end, polling {@code killer} (when given) while it runs.
     */
    SparkJobRun submit(String name, List<String> sparkConf, List<String> args, SparkJobRun.KillWhenScoring killer)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(state.resolve("submit-" + name));
        Path events = Files.createDirectories(dir.resolve("events"));
        int uiPort = freePort();
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "@" + TARGET.resolve("spark-jvm.options"),
                "-cp", SPARK_HOME.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl(), "--deploy-mode", "client", "--class", SparkScoringCli.class.getName(),
                "--name", "audiU cluster test: " + name,
                "--executor-cores", "1", "--executor-memory", "640m",
                "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
                "--conf", "spark.eventLog.compress=false", "--conf", "spark.eventLog.rolling.enabled=false",
                "--conf", "spark.ui.port=" + uiPort,
                "--conf", "spark.port.maxRetries=0", "--conf", "spark.ui.showConsoleProgress=false"));
        for (String c : sparkConf) {
            cmd.addAll(List.of("--conf", c));
        }
        cmd.add(jobJar().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        pb.environment().put("SPARK_HOME", SPARK_HOME.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Files.writeString(dir.resolve("command"), String.join(" ", cmd) + "\n");
        long t0 = System.nanoTime();
        Process p = pb.start();
        double killedAfter = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive()) {
            if (System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + ": the job did not end in 120 s; see " + dir);
            }
            if (killer != null && killedAfter < 0 && killer.poll(http, uiPort)) {
                killedAfter = (System.nanoTime() - t0) / 1e9;
            }
            p.waitFor(killer != null && killedAfter < 0 ? 50 : 500, TimeUnit.MILLISECONDS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        SparkJobRun run = new SparkJobRun(name, p.exitValue(), seconds, Files.readString(dir.resolve("stdout")),
                Files.readString(dir.resolve("stderr")), events, killedAfter >= 0, killedAfter);
        LOG.info("{}: exit {} after {} s (killed a worker after {} s)", name, run.exitCode(), seconds, killedAfter);
        if (run.stderr().contains("BindException") && run.stderr().contains(Integer.toString(uiPort))) {
            throw new IllegalStateException(name + ": the driver could not bind its UI port " + uiPort
                    + " on 127.0.0.1 (another program took it): " + run.describe());
        }
        return run;
    }

    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            if (starting != null && starting.isAlive()) {
                starting.destroyForcibly();
            }
            int rc = run("stop", 60);
            LOG.info("scripts/spark-cluster.sh stop: exit {}", rc);
        } catch (IOException | InterruptedException e) {
            LOG.error("Could not stop the Spark cluster; run AUDIU_SPARK_CLUSTER_DIR={} {} stop", state, script, e);
        }
    }

    private int run(String command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = process(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(script + " " + command + " did not end in " + timeoutSeconds + " s");
        }
        return p.exitValue();
    }

    private ProcessBuilder process(String command) {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), command);
        pb.environment().put("AUDIU_SPARK_CLUSTER_DIR", state.toString());
        return pb;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    static Path jobJar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().matches("audiu-spark-.*-job\\.jar")).findFirst()
                    .orElse(null);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
