package org.audiu.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job submitted to the standalone cluster: its exit status, wall time, output, event log folder, and when (if
 * asked to) it killed a worker.
 */
record SparkJobRun(String name, int exitCode, double seconds, String stdout, String stderr, Path eventDir,
                   boolean killed, double killedAfterSeconds) {
    String describe() {
        String tail = stderr.length() > 4000 ? "..." + stderr.substring(stderr.length() - 4000) : stderr;
        return name + ": exit " + exitCode + " after " + seconds + " s; stderr:\n" + tail;
    }

    SparkEventLog events() throws IOException {
        return SparkEventLog.read(eventDir);
    }

    /**
     * Kills a worker JVM by its PID once the scoring stage (the {@code treeReduce} stage with one task per catalogue
     * partition) has finished a task and is running others, as the driver's REST API reports it.
     */
    static final class KillWhenScoring {
        private static final Logger LOG = LoggerFactory.getLogger(KillWhenScoring.class);
        private static final ObjectMapper JSON = new ObjectMapper();
        private final long pid;
        private final int partitions;

        KillWhenScoring(long pid, int partitions) {
            this.pid = pid;
            this.partitions = partitions;
        }

        /** @return true once the worker is killed */
        boolean poll(HttpClient http, int uiPort) {
            try {
                String base = "http://127.0.0.1:" + uiPort + "/api/v1/applications";
                JsonNode apps = JSON.readTree(get(http, base));
                if (!apps.isArray() || apps.isEmpty()) {
                    return false;
                }
                String app = apps.get(0).get("id").asText();
                for (JsonNode stage : JSON.readTree(get(http, base + "/" + app + "/stages?status=active"))) {
                    if (stage.get("name").asText().contains("treeReduce") && stage.get("numTasks").asInt() == partitions
                            && stage.get("numCompleteTasks").asInt() >= 1 && stage.get("numActiveTasks").asInt() >= 1) {
                        ProcessHandle worker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                                "The worker PID " + pid + " is not running"));
                        LOG.info("killing worker PID {} while stage {} runs ({} of {} tasks done, {} running)", pid,
                                stage.get("stageId"), stage.get("numCompleteTasks"), partitions,
                                stage.get("numActiveTasks"));
                        worker.destroyForcibly();
                        return true;
                    }
                }
            } catch (IOException e) {
                LOG.debug("driver UI not answering yet: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private static String get(HttpClient http, String url) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(url + ": HTTP " + r.statusCode());
            }
            return r.body();
        }
    }
}
