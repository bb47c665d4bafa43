package org.audiu.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one application's Spark event log (JSON lines, {@code spark.eventLog.dir}) says happened: jobs started,
 * executors removed, task attempts that failed or ran again, and the stages with their times.
 */
record SparkEventLog(int jobsStarted, int executorsRemoved, int failedTasks, int retriedTasks, List<JsonNode> stages) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SparkEventLog read(Path dir) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        if (logs.size() != 1) {
            throw new IllegalStateException("Expected one event log in " + dir + ", found " + logs);
        }
        int jobs = 0;
        int removed = 0;
        int failed = 0;
        int retried = 0;
        List<JsonNode> stages = new ArrayList<>();
        for (String line : Files.readAllLines(logs.get(0))) {
            JsonNode e = JSON.readTree(line);
            switch (e.get("Event").asText()) {
                case "SparkListenerJobStart" -> jobs++;
                case "SparkListenerExecutorRemoved" -> removed++;
                case "SparkListenerTaskEnd" -> {
                    String reason = e.path("Task End Reason").path("Reason").asText();
                    failed += "Success".equals(reason) ? 0 : 1;
                    // a task run again: a later attempt in its task set, or any task of a resubmitted stage
                    retried += e.path("Task Info").path("Attempt").asInt() > 0
                            || e.path("Stage Attempt ID").asInt() > 0 ? 1 : 0;
                }
                case "SparkListenerStageCompleted" -> stages.add(e.get("Stage Info"));
                default -> { }
            }
        }
        return new SparkEventLog(jobs, removed, failed, retried, List.copyOf(stages));
    }

    /** From the first start to the last end of the scoring stage's attempts (treeReduce, one task a partition). */
    double scoringStageSeconds(int partitions) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (JsonNode s : stages) {
            if (s.get("Stage Name").asText().contains("treeReduce") && s.get("Number of Tasks").asInt() == partitions) {
                from = Math.min(from, s.get("Submission Time").asLong());
                to = Math.max(to, s.get("Completion Time").asLong());
            }
        }
        return from == Long.MAX_VALUE ? Double.NaN : (to - from) / 1000.0;
    }

    @Override
    public String toString() {
        return "events: " + jobsStarted + " job(s), " + executorsRemoved + " executor(s) removed, " + failedTasks
                + " failed and " + retriedTasks + " retried task attempt(s), " + stages.size() + " stage(s) completed";
    }
}
