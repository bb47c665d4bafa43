package org.audiu.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeated timings of one task after warm-up, with mean and spread.
 *
 * @param seconds wall time of each measured run
 * @param units   work done per run (tracks), for throughput
 */
public record Measurement(List<Double> seconds, long units) {
    public Measurement {
        seconds = List.copyOf(seconds);
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("no measured run");
        }
    }

    /** A task to time. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** Runs {@code warmups} untimed runs, then {@code runs} timed ones. */
    public static Measurement of(int warmups, int runs, long units, Task task) throws Exception {
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        return new Measurement(times, units);
    }

    public double meanSeconds() {
        return seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    public double sdSeconds() {
        return sd(seconds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Throughput of each run, units per second. */
    public double[] rates() {
        return seconds.stream().mapToDouble(s -> units / s).toArray();
    }

    public double meanRate() {
        double[] r = rates();
        double sum = 0;
        for (double v : r) {
            sum += v;
        }
        return sum / r.length;
    }

    public double sdRate() {
        return sd(rates());
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** For JSON: seconds (mean, sd, runs) and, with units, tracks per second (mean, sd). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", seconds.size());
        m.put("secondsMean", meanSeconds());
        m.put("secondsSd", sdSeconds());
        m.put("seconds", seconds);
        if (units > 0) {
            m.put("tracks", units);
            m.put("tracksPerSecondMean", meanRate());
            m.put("tracksPerSecondSd", sdRate());
        }
        return m;
    }
}
