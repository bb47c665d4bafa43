package org.audiu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's speed table, written from one {@code audiu bench --json} run ({@code docs/bench-baseline.json}), so
 * that no figure in the README can differ from the measured run: scoring throughput per trainer, ranking a streamed
 * pool after training, the whole recommend on the 114k catalogue, and the load on {@code audiu serve}, each with its
 * goal. {@code BenchBaselineReadmeTest} fails when the README's table is not what this class writes from the file.
 */
final class BenchBaselineTable {
    /** The lines that enclose the generated table in the README. */
    static final String BEGIN = "<!-- speed table: generated from docs/bench-baseline.json (see CONTRIBUTING.md) -->";
    static final String END = "<!-- end of the speed table -->";

    private BenchBaselineTable() {
    }

    /** The table, header included, one row per part the run measured. */
    static String markdown(JsonNode run) {
        List<String> rows = new ArrayList<>();
        rows.add("| what | measured | goal | command |");
        rows.add("| --- | --- | --- | --- |");
        JsonNode scoring = run.path("scoring");
        if (scoring.isArray() && !scoring.isEmpty()) {
            List<String> rates = new ArrayList<>();
            List<String> goals = new ArrayList<>();
            for (JsonNode s : scoring) {
                JsonNode rate = s.path("scoring").path("tracksPerSecondMean");
                if (!rate.isNumber()) {
                    continue;
                }
                String name = s.path("trainer").asText("?");
                rates.add(name + " " + millions(rate.asDouble()));
                if (s.path("goalTracksPerSecond").isNumber()) {
                    goals.add(name + " " + millions(s.path("goalTracksPerSecond").asDouble())
                            + met(s.path("goalMet")));
                }
            }
            rows.add(String.format(Locale.ROOT, "| scoring throughput, %s generated tracks, tracks/s | %s | %s | "
                    + "`./audiu bench --skip-e2e --skip-recommend --skip-serve` |", count(run.path("pool")),
                    String.join(", ", rates), goals.isEmpty() ? "-" : String.join(", ", goals)));
        }
        JsonNode e2e = run.path("endToEnd");
        if (e2e.isArray() && !e2e.isEmpty()) {
            List<String> figures = new ArrayList<>();
            List<String> goals = new ArrayList<>();
            for (JsonNode e : e2e) {
                JsonNode rank = e.path("rankAfterTraining");
                if (!rank.path("secondsMean").isNumber()) {
                    continue;
                }
                String model = e.path("model").asText("?");
                figures.add(String.format(Locale.ROOT, "%s %.2f s, heap peak %.0f MB", model,
                        rank.path("secondsMean").asDouble(), e.path("peakHeapBytes").asDouble() / 1048576));
                goals.add(String.format(Locale.ROOT, "%s %.1f s%s", model, rank.path("goalSeconds").asDouble(),
                        met(rank.path("goalMet"))));
            }
            JsonNode first = e2e.get(0);
            if (first.path("goalHeapBytes").isNumber()) {
                goals.add(String.format(Locale.ROOT, "heap %.0f MB", first.path("goalHeapBytes").asDouble()
                        / 1048576));
            }
            rows.add(String.format(Locale.ROOT, "| ranking a streamed %s-track pool after training (JVM %s) | %s | "
                    + "%s | `./audiu bench --skip-scoring --skip-recommend --skip-serve` |", count(run.path("pool")),
                    first.path("jvm").asText("?"), String.join("; ", figures), String.join(", ", goals)));
        }
        JsonNode twoStage = run.path("twoStage");
        if (twoStage.path("rankAfterTraining").path("secondsMean").isNumber()) {
            JsonNode rank = twoStage.path("rankAfterTraining");
            rows.add(String.format(Locale.ROOT, "| two-stage ranking of a generated %s-track playlist catalogue held in "
                            + "memory, after training (JVM %s) | %.2f s, heap peak %.0f MB (resident catalogue %.0f MB) "
                            + "| %.1f s%s, heap %.0f MB%s | `./audiu bench --skip-scoring --skip-e2e --skip-recommend "
                            + "--skip-serve --skip-genre-predict` |", count(twoStage.path("pool")),
                    twoStage.path("jvm").asText("?"), rank.path("secondsMean").asDouble(),
                    twoStage.path("peakHeapBytes").asDouble() / 1048576,
                    twoStage.path("residentHeapBytes").asDouble() / 1048576, rank.path("goalSeconds").asDouble(),
                    met(rank.path("goalMet")), twoStage.path("goalHeapBytes").asDouble() / 1048576,
                    met(twoStage.path("heapGoalMet"))));
        }
        JsonNode recommend = run.path("recommend114k");
        if (recommend.path("secondsMean").isNumber()) {
            rows.add(String.format(Locale.ROOT, "| the whole `recommend` on spotify_tracks_114k.csv "
                            + "(account-data-music's plays), after the JVM starts | %.2f s (mean of %d runs, %d "
                            + "recommendations) | %.1f s%s | `./audiu bench --skip-scoring --skip-e2e --skip-serve` |",
                    recommend.path("secondsMean").asDouble(), recommend.path("runs").asInt(),
                    recommend.path("recommendations").asInt(), recommend.path("goalSeconds").asDouble(),
                    met(recommend.path("goalMet"))));
        }
        JsonNode serve = run.path("serveLoad");
        if (serve.path("latencyMillis").isObject()) {
            JsonNode l = serve.path("latencyMillis");
            rows.add(String.format(Locale.ROOT, "| `audiu serve` on %s: %d distinct recommendation requests (%d by "
                            + "playlist, %d by 3-8 seeds), %d at a time | p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; %d "
                            + "errors | p99 %.0f ms, no error%s | `./audiu bench --skip-scoring --skip-e2e "
                            + "--skip-recommend` |", fileName(serve.path("config").asText("?")),
                    serve.path("requests").asInt(), serve.path("byPlaylist").asInt(), serve.path("bySeeds").asInt(),
                    serve.path("concurrency").asInt(), l.path("p50").asDouble(), l.path("p95").asDouble(),
                    l.path("p99").asDouble(), serve.path("errors").asInt(), serve.path("goalP99Millis").asDouble(),
                    met(serve.path("goalMet"))));
        }
        String measured = String.format(Locale.ROOT, "Measured by one `./audiu bench --json` run on %d cores, Java "
                + "%s%s.", run.path("cores").asInt(), run.path("java").asText("?"),
                run.path("measured").isTextual() ? ", " + run.path("measured").asText() : "");
        return measured + "\n\n" + String.join("\n", rows) + "\n";
    }

    /** The README with its speed table replaced by the one written from {@code run}. */
    static String replaceIn(String readme, JsonNode run) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README has no speed table between '" + BEGIN + "' and '" + END
                    + "'");
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + markdown(run) + readme.substring(end);
    }

    private static String met(JsonNode goalMet) {
        return goalMet.isBoolean() ? (goalMet.asBoolean() ? " (met)" : " (**not met**)") : "";
    }

    private static String millions(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", perSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }

    private static String count(JsonNode n) {
        long v = n.asLong();
        return v % 1_000_000 == 0 ? v / 1_000_000 + " M" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return "`" + (slash < 0 ? path : path.substring(slash + 1)) + "`";
    }
}
