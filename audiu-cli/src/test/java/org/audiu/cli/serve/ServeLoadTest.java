package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.config.AudiuConfig;
import org.junit.jupiter.api.Test;

/**
 * Load on loopback: 1,200 requests, 16 at a time, against the embedded demo catalogue, mixed the way the page
 * produces them: 70% type-ahead searches, 20% genre predictions, 10% recommendations from random seeds (so nearly
 * every recommendation misses the cache and runs the engine: train a forest on the seeds, score all 6,000 tracks).
 * Asserts no error and reports the median and 99th-percentile latency, overall and per endpoint, in the log and in
 * {@code target/serve-load.json}.
 */
class ServeLoadTest {
    static final int REQUESTS = 1_200;
    static final int CONCURRENCY = 16;
    static final int WARMUP = 24;
    static final Duration TIME_LIMIT = Duration.ofSeconds(150);

    /** One request of the mix and what happened to it. */
    private record Sample(String endpoint, int status, double millis, String failure) {
    }

    private record Planned(String endpoint, String pathAndQuery) {
    }

    @Test
    void mixedLoadWithoutErrors() throws Exception {
        ServeOptions options = TestServer.fastOptions();
        try (TestServer server = TestServer.start(AudiuConfig.defaults(), options)) {
            List<Planned> plan = plan(server.backend(), REQUESTS + WARMUP, new Random(42));
            for (Planned p : plan.subList(0, WARMUP)) {
                run(server, p); // JIT warm-up, not counted
            }
            List<Planned> measured = plan.subList(WARMUP, plan.size());
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            try {
                assertTimeoutPreemptively(TIME_LIMIT, () -> {
                    List<Future<Sample>> futures = new ArrayList<>();
                    for (Planned p : measured) {
                        futures.add(pool.submit(() -> run(server, p)));
                    }
                    for (Future<Sample> f : futures) {
                        samples.add(f.get());
                    }
                }, "the load must finish within " + TIME_LIMIT);
            } finally {
                pool.shutdownNow();
            }
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            List<Sample> failures = samples.stream().filter(s -> s.failure() != null).toList();
            Map<String, Object> report = report(samples, failures.size(), wallSeconds, server, options);
            Path out = Path.of("target", "serve-load.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, TestServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report),
                    StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "serve load: %d requests, %d in parallel, %d errors in %.1f s "
                            + "(%.0f req/s); latency median %.1f ms, p99 %.1f ms; by endpoint %s -> %s%n",
                    samples.size(), CONCURRENCY, failures.size(), wallSeconds, samples.size() / wallSeconds,
                    percentile(samples, 50), percentile(samples, 99), report.get("byEndpoint"), out.toAbsolutePath());
            assertEquals(REQUESTS, samples.size());
            assertTrue(failures.isEmpty(), failures.size() + " failed requests, first: "
                    + failures.stream().limit(5).toList());
        }
    }

    /** A seeded mix: search prefixes of real titles and artists, genres and recommendations of random tracks. */
    private static List<Planned> plan(ServeBackend backend, int n, Random random) {
        List<CatalogueTrack> tracks = new ArrayList<>(backend.catalogue().tracks());
        List<Planned> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CatalogueTrack t = tracks.get(random.nextInt(tracks.size()));
            switch (i % 10) {
                case 0, 1, 2, 3, 4, 5, 6 -> {
                    String text = random.nextBoolean() ? t.track().name() : t.track().mainArtist();
                    String word = text.split(" ")[random.nextInt(text.split(" ").length)];
                    String q = word.substring(0, Math.min(word.length(), 2 + random.nextInt(5)));
                    out.add(new Planned("search", "/api/search?q=" + TestServer.enc(q) + "&limit=8"));
                }
                case 7, 8 -> out.add(new Planned("genre", "/api/genre?track=" + TestServer.enc(t.id())));
                default -> {
                    List<String> seeds = new ArrayList<>(List.of(t.id()));
                    int extra = random.nextInt(3);
                    for (int k = 0; k < extra; k++) {
                        seeds.add(tracks.get(random.nextInt(tracks.size())).id());
                    }
                    out.add(new Planned("recommendations", "/api/recommendations?seeds="
                            + TestServer.enc(String.join(",", seeds)) + "&limit=10"));
                }
            }
        }
        return out;
    }

    private static Sample run(TestServer server, Planned p) {
        long t0 = System.nanoTime();
        try {
            TestServer.Reply r = server.getRaw(p.pathAndQuery());
            double ms = (System.nanoTime() - t0) / 1e6;
            String failure = null;
            if (r.status() != 200) {
                failure = p.pathAndQuery() + " -> " + r.status() + " " + r.body();
            } else if (!r.json().isObject()) {
                failure = p.pathAndQuery() + " -> not a JSON object";
            }
            return new Sample(p.endpoint(), r.status(), ms, failure);
        } catch (Exception e) {
            return new Sample(p.endpoint(), -1, (System.nanoTime() - t0) / 1e6, p.pathAndQuery() + " -> " + e);
        }
    }

    private static double percentile(List<Sample> samples, double p) {
        double[] ms = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
        if (ms.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * ms.length);
        return ms[Math.max(0, Math.min(ms.length - 1, rank - 1))];
    }

    private static Map<String, Object> report(List<Sample> samples, int errors, double wallSeconds, TestServer server,
                                              ServeOptions options) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("test", "ServeLoadTest (mvn -B -q -pl audiu-cli -am verify -Dtest=ServeLoadTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false)");
        r.put("requests", samples.size());
        r.put("concurrency", CONCURRENCY);
        r.put("warmupRequestsNotCounted", WARMUP);
        r.put("errors", errors);
        r.put("wallSeconds", round(wallSeconds));
        r.put("requestsPerSecond", round(samples.size() / wallSeconds));
        r.put("latencyMs", Map.of("median", round(percentile(samples, 50)), "p99", round(percentile(samples, 99)),
                "max", round(percentile(samples, 100))));
        Map<String, List<Sample>> byEndpoint = samples.stream().collect(Collectors.groupingBy(Sample::endpoint,
                TreeMap::new, Collectors.toList()));
        Map<String, Object> endpoints = new LinkedHashMap<>();
        byEndpoint.forEach((name, list) -> endpoints.put(name, Map.of("count", list.size(),
                "medianMs", round(percentile(list, 50)), "p99Ms", round(percentile(list, 99)))));
        r.put("byEndpoint", endpoints);
        r.put("catalogue", server.backend().catalogue().source() + ", " + server.backend().catalogue().size()
                + " tracks");
        r.put("recommendModel", options.recommendModel().toString());
        r.put("genreModel", options.genreModel().toString());
        r.put("recommendationSlots", options.maxConcurrent());
        r.put("cacheSize", options.cacheSize());
        r.put("cpus", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        r.put("statusCounts", samples.stream().collect(Collectors.groupingBy(s -> String.valueOf(s.status()),
                TreeMap::new, Collectors.counting())));
        return r;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Test
    void percentilesUseNearestRank() {
        List<Sample> s = Arrays.stream(new double[] {5, 1, 3, 2, 4}).mapToObj(v -> new Sample("x", 200, v, null))
                .toList();
        assertEquals(3, percentile(s, 50));
        assertEquals(5, percentile(s, 99));
        assertEquals(1, percentile(s, 1));
    }
}
