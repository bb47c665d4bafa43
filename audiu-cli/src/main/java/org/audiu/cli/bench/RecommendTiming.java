package org.audiu.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.audiu.cli.AudiuCli;

/**
 * The whole {@code audiu recommend} on the 114k catalogue, timed as a user meets it: each run a new JVM, timed from
 * the first line of its {@code main} (so the JVM's own start is left out, class loading and everything audiU does
 * are in) to the printed list. The listener is the shared {@code account-data-music} export, matched to the
 * catalogue that is also the feature source and the candidate pool, with {@code listening-history.properties}, as
 * {@code RankingPinnedTest} runs it. Skipped, with the reason, when the shared data is not beside the repository.
 */
public final class RecommendTiming {
    /** Goal of issue 29: the whole recommend on the 114k catalogue, after the JVM starts. */
    static final double GOAL_SECONDS = 2.0;

    /**
     * @param shared the shared data folder ({@code ../shared/data} of a checkout)
     * @param config {@code audiu-examples/config/listening-history.properties}
     */
    public record Options(Path shared, Path config, int runs, String heap) {
    }

    /** The JVM flags {@code ./audiu recommend} adds (the launcher reads the same resource). */
    static final List<String> LAUNCHER_FLAGS = launcherFlags();

    private final Options options;
    private final Consumer<String> log;

    public RecommendTiming(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /** The recommend arguments, or empty when a file is missing (with the reason in {@code missing}). */
    List<String> arguments(List<String> missing) {
        Path csv = options.shared().resolve("spotify_tracks_114k.csv").toAbsolutePath().normalize();
        Path history = options.shared().resolve("history/account-data-music").toAbsolutePath().normalize();
        for (Path p : List.of(csv, history, options.config())) {
            if (!Files.exists(p)) {
                missing.add(p.toString());
            }
        }
        return List.of("recommend", "--json", "--config", options.config().toString(), "--history",
                history.toString(), "--set", "library.catalogue=" + csv, "--set", "features.dataset.path=" + csv,
                "--set", "candidates.path=" + csv);
    }

    public Map<String, Object> run() throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> args = arguments(missing);
        out.put("command", "audiu " + String.join(" ", args));
        if (!missing.isEmpty()) {
            out.put("skipped", "absent: " + String.join(", ", missing) + " (the shared data sits beside the "
                    + "repository in CI; --shared-data DIR points elsewhere)");
            log.accept("  skipped: " + out.get("skipped"));
            return out;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> seconds = new ArrayList<>();
        List<Double> processSeconds = new ArrayList<>();
        int recommendations = -1;
        for (int run = 0; run < options.runs(); run++) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + options.heap()));
            command.addAll(LAUNCHER_FLAGS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), RecommendTiming.class.getName()));
            command.addAll(args);
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = process.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            String[] fields = text.split("\t");
            if (code != 0 || fields.length != 2) {
                out.put("failed", "exit code " + code + ": " + text);
                log.accept("  failed: " + out.get("failed"));
                return out;
            }
            seconds.add(Double.parseDouble(fields[0]));
            recommendations = Integer.parseInt(fields[1]);
            processSeconds.add(wall);
        }
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        out.put("jvm", String.join(" ", "-Xmx" + options.heap(), String.join(" ", LAUNCHER_FLAGS)).trim());
        out.put("runs", seconds.size());
        out.put("recommendations", recommendations);
        out.put("seconds", seconds);
        out.put("secondsMean", mean);
        out.put("processSeconds", processSeconds);
        out.put("goalSeconds", GOAL_SECONDS);
        out.put("goalMet", mean <= GOAL_SECONDS);
        log.accept(String.format(Locale.ROOT, "  %d runs, %d recommendations: %.2f s after the JVM starts (runs %s; "
                        + "whole process %s), goal <= %.1f s: %s", seconds.size(), recommendations, mean,
                format(seconds), format(processSeconds), GOAL_SECONDS, mean <= GOAL_SECONDS ? "met" : "not met"));
        return out;
    }

    private static List<String> launcherFlags() {
        try (InputStream in = RecommendTiming.class.getResourceAsStream("/org/audiu/cli/recommend-jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("org/audiu/cli/recommend-jvm.options is missing from the classpath "
                        + "(rebuild audiu-cli)");
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+"))
                    .filter(f -> !f.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/audiu/cli/recommend-jvm.options", e);
        }
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }

    /**
     * The child JVM: runs {@code audiu ARGS}, its output discarded but for the number of recommendations, and prints
     * the seconds from this line to the end and that number, tab-separated.
     */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        StringWriter out = new StringWriter();
        PrintWriter err = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int code = AudiuCli.execute(args, new PrintWriter(out, true), err);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            System.out.println("audiu exited with " + code);
            System.exit(code);
        }
        int n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).size();
        System.out.println(String.format(Locale.ROOT, "%.4f\t%d", seconds, n));
    }
}
