package org.audiu.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.audiu.core.config.ConfigException;

/**
 * {@code audiu bench --compare FILE}: each figure of an earlier {@code bench --json} run against this run's: the
 * scoring throughput of every trainer, for every end-to-end model the time to rank the pool after training and
 * the heap's peak, the whole recommend on the 114k catalogue, and the median and 99th-percentile latency of
 * {@code audiu serve} under load. A figure is worse by {@code new / old} for a time or a size and by {@code old / new} for a
 * throughput; more than {@link #TOLERATED} times worse is a regression ({@link #EXIT_REGRESSION}). Figures in only
 * one of the runs are listed, not compared.
 */
record BenchComparison(List<Row> rows, List<String> onlyOld, List<String> onlyNew) {
    /** The exit status of a run with a regression. */
    static final int EXIT_REGRESSION = 3;
    /** How much worse a figure may get before it counts as a regression. */
    static final double TOLERATED = 1.5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One figure in both runs. */
    record Row(String figure, String unit, double oldValue, double newValue, boolean higherIsBetter) {
        /** Above 1 is worse. */
        double worseBy() {
            return higherIsBetter ? oldValue / newValue : newValue / oldValue;
        }

        boolean regressed() {
            return worseBy() > TOLERATED;
        }
    }

    boolean regressed() {
        return rows.stream().anyMatch(Row::regressed);
    }

    /** Reads an earlier {@code bench --json} output, with a clear error when it is not one. */
    static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("--compare " + file + ": cannot read it (" + e.getMessage() + "); give the file "
                    + "an earlier 'audiu bench --json > FILE' wrote.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("--compare " + file + ": not JSON (line " + e.getLocation().getLineNr()
                    + "); give the output of 'audiu bench --json'.");
        }
        if (root == null || !root.isObject() || !(root.has("scoring") || root.has("endToEnd")
                || root.has("recommend114k") || root.has("serveLoad") || root.has("twoStage"))) {
            throw new ConfigException("--compare " + file + ": not a 'bench --json' output (it has none of "
                    + "'scoring', 'endToEnd', 'recommend114k', 'serveLoad'); give the output of 'audiu bench --json'.");
        }
        return root;
    }

    static JsonNode tree(Object report) {
        return JSON.valueToTree(report);
    }

    static BenchComparison of(JsonNode old, JsonNode current) {
        Map<String, Figure> before = figures(old);
        Map<String, Figure> after = figures(current);
        List<Row> rows = new ArrayList<>();
        List<String> onlyOld = new ArrayList<>();
        List<String> onlyNew = new ArrayList<>();
        for (Map.Entry<String, Figure> e : after.entrySet()) {
            Figure was = before.get(e.getKey());
            if (was == null) {
                onlyNew.add(e.getKey());
            } else {
                rows.add(new Row(e.getKey(), e.getValue().unit(), was.value(), e.getValue().value(),
                        e.getValue().higherIsBetter()));
            }
        }
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(onlyOld::add);
        return new BenchComparison(rows, onlyOld, onlyNew);
    }

    private record Figure(double value, String unit, boolean higherIsBetter) {
    }

    private static Map<String, Figure> figures(JsonNode run) {
        Map<String, Figure> out = new LinkedHashMap<>();
        for (JsonNode s : run.path("scoring")) {
            JsonNode rate = s.path("scoring").path("tracksPerSecondMean");
            if (rate.isNumber()) {
                out.put("scoring " + s.path("trainer").asText("?"), new Figure(rate.asDouble(), "tracks/s", true));
            }
        }
        for (JsonNode e : run.path("endToEnd")) {
            String model = e.path("model").asText("?");
            JsonNode rank = e.path("rankAfterTraining").path("secondsMean");
            if (rank.isNumber()) {
                out.put("rank 1 pool, " + model, new Figure(rank.asDouble(), "s", false));
            }
            JsonNode heap = e.path("peakHeapBytes");
            if (heap.isNumber()) {
                out.put("peak heap, " + model, new Figure(heap.asDouble() / 1048576, "MB", false));
            }
        }
        // Absent from runs made before the two-stage part existed: listed as new, not compared.
        JsonNode twoStage = run.path("twoStage");
        if (twoStage.path("rankAfterTraining").path("secondsMean").isNumber()) {
            out.put("two-stage rank 1 pool", new Figure(twoStage.path("rankAfterTraining").path("secondsMean")
                    .asDouble(), "s", false));
        }
        if (twoStage.path("peakHeapBytes").isNumber()) {
            out.put("two-stage peak heap", new Figure(twoStage.path("peakHeapBytes").asDouble() / 1048576, "MB",
                    false));
        }
        JsonNode recommend = run.path("recommend114k").path("secondsMean");
        if (recommend.isNumber()) {
            out.put("recommend on the 114k catalogue", new Figure(recommend.asDouble(), "s", false));
        }
        JsonNode latency = run.path("serveLoad").path("latencyMillis");
        for (String p : new String[] {"p50", "p99"}) {
            if (latency.path(p).isNumber()) {
                out.put("serve latency " + p, new Figure(latency.path(p).asDouble(), "ms", false));
            }
        }
        return out;
    }

    void print(Consumer<String> log) {
        log.accept("Compared with the earlier run (worse: new/old for times and memory, old/new for throughput; "
                + "more than " + TOLERATED + "x worse fails):");
        for (Row r : rows) {
            log.accept(String.format(Locale.ROOT, "  %-40s %14.3f -> %14.3f %-8s worse x%.2f%s", r.figure(),
                    r.oldValue(), r.newValue(), r.unit(), r.worseBy(), r.regressed() ? "  REGRESSION" : ""));
        }
        onlyOld.forEach(f -> log.accept("  " + f + ": only in the earlier run"));
        onlyNew.forEach(f -> log.accept("  " + f + ": only in this run"));
    }

    Map<String, Object> toMap(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("tolerated", TOLERATED);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("figure", r.figure());
            row.put("unit", r.unit());
            row.put("old", r.oldValue());
            row.put("new", r.newValue());
            row.put("worseBy", r.worseBy());
            row.put("regressed", r.regressed());
            list.add(row);
        }
        m.put("figures", list);
        m.put("onlyInOld", onlyOld);
        m.put("onlyInNew", onlyNew);
        m.put("regressed", regressed());
        return m;
    }
}
