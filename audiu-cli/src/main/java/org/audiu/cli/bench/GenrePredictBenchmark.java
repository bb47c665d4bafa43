package org.audiu.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.audiu.cli.AudiuCli;

/**
 * {@code audiu genres predict} over a generated feature file of many rows (1 M by default) in a JVM capped at
 * {@link Options#heap()} (256 MB by default): the file is streamed, so it must fit. A model is trained first
 * ({@code genres train} in its own JVM) on a smaller generated file of the same shape (the standard audio features,
 * 8 genres whose means differ); the timed run is the whole predict JVM, from start to its last line, with
 * {@code --json --limit 0} (every row predicted and scored, none printed). The peak heap is the most the garbage
 * collector's log saw in use before a collection (near the cap: the collector lets the heap fill), the peak live heap
 * the most in use right after one (what the run keeps). Both files are written to a temporary folder and deleted.
 */
public final class GenrePredictBenchmark {
    /** Goal of issue 26 part 4. */
    static final String GOAL_HEAP = "256m";

    static final List<String> FEATURES = List.of("danceability", "energy", "key", "loudness", "mode", "speechiness",
            "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms");
    private static final int GENRES = 8;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * @param rows         rows of the predicted file
     * @param trainingRows rows the model is trained on
     * @param model        the trainer ({@code genres train --model})
     * @param heap         the predict JVM's {@code -Xmx}
     * @param seed         seed of the generated rows and the trainer
     */
    public record Options(long rows, int trainingRows, String model, String heap, long seed) {
    }

    private final Options options;
    private final Consumer<String> log;

    public GenrePredictBenchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    public Map<String, Object> run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("audiu-genre-predict-bench");
        try {
            Path train = dir.resolve("train.csv");
            Path data = dir.resolve("predict.csv");
            Path model = dir.resolve("genres.model");
            Path gcLog = dir.resolve("gc.log");
            write(train, options.trainingRows(), options.seed());
            long t0 = System.nanoTime();
            write(data, options.rows(), options.seed() + 1);
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            Child trained = child(List.of("-Xmx1g"), List.of("genres", "train", "--data", train.toString(),
                    "--model", options.model(), "--seed", Long.toString(options.seed()), "--out", model.toString()));
            if (trained.code() != 0) {
                return failed("genres train exited with " + trained.code() + ": " + trained.stderr());
            }
            Child predicted = child(List.of("-Xmx" + options.heap(), "-Xlog:gc:file=" + gcLog),
                    List.of("genres", "predict", "--model", model.toString(), "--data", data.toString(), "--json",
                            "--limit", "0"));
            if (predicted.code() != 0) {
                return failed("genres predict (-Xmx" + options.heap() + ") exited with " + predicted.code() + ": "
                        + predicted.stderr());
            }
            JsonNode result = new ObjectMapper().readTree(predicted.stdout());
            long tracks = result.path("tracks").asLong();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jvm", "-Xmx" + options.heap());
            out.put("model", options.model());
            out.put("rows", tracks);
            out.put("fileBytes", Files.size(data));
            out.put("seconds", round(predicted.seconds()));
            out.put("rowsPerSecond", Math.round(tracks / predicted.seconds()));
            out.put("peakHeapBytes", peakHeapBytes(gcLog, 1));
            out.put("peakLiveHeapBytes", peakHeapBytes(gcLog, 2));
            out.put("maxHeapBytes", parseSize(options.heap()));
            out.put("accuracy", result.path("accuracy").asDouble());
            out.put("writeSeconds", round(writeSeconds));
            log.accept(String.format(Locale.ROOT, "  %,d rows (%,d MB) predicted by %s in %.1f s: %,.0f rows/s; "
                            + "heap at most %.0f MB in use before a collection, %.0f MB after (what is kept), of %s",
                    tracks, Files.size(data) / 1048576, options.model(), predicted.seconds(),
                    tracks / predicted.seconds(), ((Number) out.get("peakHeapBytes")).doubleValue() / 1048576,
                    ((Number) out.get("peakLiveHeapBytes")).doubleValue() / 1048576, options.heap()));
            return out;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * A feature file of {@code rows} tracks: an id, name, artist, the {@link #FEATURES} and a genre out of
     * {@value #GENRES}, each genre shifting the features' means (so a model has something to learn).
     */
    static void write(Path file, long rows, long seed) throws IOException {
        Random random = new Random(seed);
        double[][] shift = new double[GENRES][FEATURES.size()];
        for (double[] s : shift) {
            for (int j = 0; j < s.length; j++) {
                s[j] = random.nextGaussian() * 0.6;
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("track_id,track_name,track_artist," + String.join(",", FEATURES) + ",genre\n");
            StringBuilder line = new StringBuilder(256);
            for (long i = 0; i < rows; i++) {
                int g = random.nextInt(GENRES);
                double[] s = shift[g];
                line.setLength(0);
                line.append('t').append(i).append(",Track ").append(i).append(",Artist ").append(i % 50_000);
                line.append(',').append(unit(random, s[0])).append(',').append(unit(random, s[1]));
                line.append(',').append(Math.floorMod((int) Math.round(random.nextGaussian() * 3 + 5 + 2 * s[2]), 12));
                line.append(',').append(fmt(-8 + 4 * (s[3] + random.nextGaussian())));
                line.append(',').append(random.nextDouble() < 0.5 + 0.3 * Math.tanh(s[4]) ? 1 : 0);
                for (int j = 5; j < 10; j++) {
                    line.append(',').append(unit(random, s[j]));
                }
                line.append(',').append(fmt(120 + 25 * (s[10] + random.nextGaussian())));
                line.append(',').append(Math.max(30_000, Math.round(210_000 + 50_000 * (s[11]
                        + random.nextGaussian()))));
                line.append(",genre").append(g).append('\n');
                w.append(line);
            }
        }
    }

    private static String unit(Random random, double shift) {
        return fmt(1 / (1 + Math.exp(-(shift + random.nextGaussian()))));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private record Child(int code, String stdout, String stderr, double seconds) {
    }

    private static Child child(List<String> jvm, List<String> args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AudiuCli.class.getName()));
        command.addAll(args);
        Path err = Files.createTempFile("audiu-bench-child", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] stdout = p.getInputStream().readAllBytes();
            int code = p.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            return new Child(code, new String(stdout, StandardCharsets.UTF_8),
                    stderr.length() > 2000 ? stderr.substring(stderr.length() - 2000) : stderr, seconds);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * The largest heap in use before ({@code group} 1) or after ({@code group} 2) a collection in a {@code -Xlog:gc}
     * log ("12M->3M(256M)"), in bytes.
     */
    static long peakHeapBytes(Path gcLog, int group) throws IOException {
        long peak = 0;
        if (!Files.exists(gcLog)) {
            return 0;
        }
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = GC_LINE.matcher(line);
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(group)));
            }
        }
        return peak * 1048576;
    }

    private static long parseSize(String heap) {
        String h = heap.trim().toLowerCase(Locale.ROOT);
        long unit = h.endsWith("g") ? 1L << 30 : h.endsWith("m") ? 1L << 20 : h.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(unit == 1 ? h : h.substring(0, h.length() - 1)) * unit;
    }

    private Map<String, Object> failed(String why) {
        log.accept("  failed: " + why);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jvm", "-Xmx" + options.heap());
        out.put("failed", why);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
