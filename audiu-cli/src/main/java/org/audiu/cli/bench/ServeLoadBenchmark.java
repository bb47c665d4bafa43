package org.audiu.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.audiu.cli.serve.ServeApi;
import org.audiu.cli.serve.ServeBackend;
import org.audiu.cli.serve.ServeOptions;
import org.audiu.cli.serve.TrainerChoice;
import org.audiu.cli.serve.WebServer;
import org.audiu.core.catalogue.CataloguePlaylist;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;

/**
 * Load on {@code audiu serve} over loopback HTTP, the way issue 29 sets its goal: distinct recommendation requests
 * (by default 300 by playlist and 100 by 3-8 seed tracks, so every one misses the response and recommender caches),
 * a fixed number in flight at a time, against the server {@code audiu serve --config FILE} starts with its own
 * defaults (the per-request model, the caches, the seed path). The genre model, which recommendations never use,
 * is the fast logistic one so the server is up in seconds. A warm-up of other distinct requests runs first and is
 * not counted. Reports the latency percentiles, overall and by kind, the errors, and whether the p99 goal is met.
 */
public final class ServeLoadBenchmark {
    /** Goal of issue 29: the 99th percentile of the recommendation latency, with no error. */
    static final double GOAL_P99_MILLIS = 500;

    /**
     * @param config      the served configuration, e.g. {@code audiu-examples/config/spotify-songs-playlist.properties}
     * @param byPlaylist  measured requests by playlist
     * @param bySeeds     measured requests by 3-8 seed tracks
     * @param concurrency requests in flight at a time
     * @param warmups     requests before measuring (distinct from the measured ones)
     * @param seed        the choice of playlists and seeds
     */
    public record Options(AudiuConfig config, String configName, int byPlaylist, int bySeeds, int concurrency,
                          int warmups, long seed) {
        public Options {
            if (byPlaylist < 0 || bySeeds < 0 || byPlaylist + bySeeds < 1 || concurrency < 1 || warmups < 0) {
                throw new ConfigException("serve load: give at least one request (--serve-playlists, --serve-seeds "
                        + "at least 0, together at least 1), --serve-concurrency at least 1 and a warm-up of 0 or "
                        + "more.");
            }
        }
    }

    private record Planned(String kind, String pathAndQuery) {
    }

    private record Sample(String kind, double millis, String failure) {
    }

    private final Options options;
    private final Consumer<String> log;

    public ServeLoadBenchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    public Map<String, Object> run(Plugins plugins) throws InterruptedException {
        ServeOptions serveOptions = ServeOptions.defaults().withGenreModel(TrainerChoice.of("logistic", Map.of(),
                ServeOptions.GENRE_DEFAULTS, "--genre-param "));
        long t0 = System.nanoTime();
        ServeBackend backend = ServeBackend.fromConfig(options.config(), plugins, serveOptions);
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        List<Planned> plan = plan(backend);
        int measuredCount = options.byPlaylist() + options.bySeeds();
        List<Planned> warm = plan.subList(0, plan.size() - measuredCount);
        List<Planned> measured = plan.subList(plan.size() - measuredCount, plan.size());
        log.accept(String.format(Locale.ROOT, "  server up in %.1f s (%,d tracks, %,d playlists); %d warm-up and "
                        + "%d measured requests, %d at a time", startSeconds, backend.catalogue().size(),
                backend.catalogue().playlists().size(), warm.size(), measured.size(), options.concurrency()));
        try (WebServer server = WebServer.start(new ServeApi(backend, serveOptions), "127.0.0.1", 0)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + server.port();
            load(client, base, warm);
            long start = System.nanoTime();
            List<Sample> samples = load(client, base, measured);
            double wall = (System.nanoTime() - start) / 1e9;
            return report(samples, wall, startSeconds, backend, serveOptions);
        }
    }

    /**
     * Distinct requests: every playlist of the catalogue at most once (in a seeded order), seed sets of 3-8 distinct
     * tracks drawn at random; warm-ups first, from the same draws, so no measured request repeats one of them.
     */
    private List<Planned> plan(ServeBackend backend) {
        Random random = new Random(options.seed());
        List<CataloguePlaylist> playlists = new ArrayList<>(backend.catalogue().playlists());
        java.util.Collections.shuffle(playlists, random);
        List<CatalogueTrack> tracks = new ArrayList<>(backend.catalogue().tracks());
        int total = options.byPlaylist() + options.bySeeds();
        if (options.byPlaylist() > playlists.size()) {
            throw new ConfigException(String.format(Locale.ROOT, "serve load: %d requests by playlist asked "
                    + "(--serve-playlists), but %s has %d playlists; ask for at most %d.", options.byPlaylist(),
                    options.configName(), playlists.size(), playlists.size()));
        }
        if (tracks.size() < 8) {
            throw new ConfigException("serve load: " + options.configName() + " serves " + tracks.size()
                    + " tracks; seed requests need at least 8.");
        }
        // The warm-up has the measured mix, as far as the catalogue has playlists the measured requests leave.
        int playlistWarm = Math.min((int) Math.round(options.warmups() * (double) options.byPlaylist() / total),
                playlists.size() - options.byPlaylist());
        int seedWarm = options.warmups() - playlistWarm;
        List<Planned> warmPlan = new ArrayList<>();
        List<Planned> measuredPlan = new ArrayList<>();
        for (int i = 0; i < playlistWarm + options.byPlaylist(); i++) {
            Planned p = new Planned("playlist", "/api/recommendations?playlist=" + enc(playlists.get(i).id())
                    + "&limit=10");
            (i < playlistWarm ? warmPlan : measuredPlan).add(p);
        }
        Set<String> seen = new HashSet<>();
        List<Planned> seedPlan = new ArrayList<>();
        while (seedPlan.size() < seedWarm + options.bySeeds()) {
            int n = 3 + random.nextInt(6);
            String[] ids = new String[n];
            Set<String> chosen = new HashSet<>();
            for (int k = 0; k < n; k++) {
                String id;
                do {
                    id = tracks.get(random.nextInt(tracks.size())).id();
                } while (!chosen.add(id));
                ids[k] = id;
            }
            String[] sorted = ids.clone();
            Arrays.sort(sorted);
            if (seen.add(String.join(",", sorted))) {
                seedPlan.add(new Planned("seeds", "/api/recommendations?seeds=" + enc(String.join(",", ids))
                        + "&limit=10"));
            }
        }
        warmPlan.addAll(seedPlan.subList(0, seedWarm));
        measuredPlan.addAll(seedPlan.subList(seedWarm, seedPlan.size()));
        // Interleave the kinds as a page's visitors would send them.
        java.util.Collections.shuffle(measuredPlan, random);
        List<Planned> all = new ArrayList<>(warmPlan);
        all.addAll(measuredPlan);
        return all;
    }

    private List<Sample> load(HttpClient client, String base, List<Planned> plan) throws InterruptedException {
        if (plan.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "audiu-serve-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (Planned p : plan) {
                futures.add(pool.submit(() -> send(client, base, p)));
            }
            List<Sample> samples = new ArrayList<>();
            for (Future<Sample> f : futures) {
                try {
                    samples.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    samples.add(new Sample("?", Double.NaN, String.valueOf(e.getCause())));
                }
            }
            return samples;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sample send(HttpClient client, String base, Planned p) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + p.pathAndQuery()))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            String failure = r.statusCode() == 200 && r.body().contains("\"recommendations\"") ? null
                    : p.pathAndQuery() + " -> " + r.statusCode() + " " + abbreviate(r.body());
            return new Sample(p.kind(), ms, failure);
        } catch (IOException e) {
            return new Sample(p.kind(), (System.nanoTime() - t0) / 1e6, p.pathAndQuery() + " -> " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(p.kind(), (System.nanoTime() - t0) / 1e6, p.pathAndQuery() + " -> interrupted");
        }
    }

    private Map<String, Object> report(List<Sample> samples, double wall, double startSeconds, ServeBackend backend,
                                       ServeOptions serveOptions) {
        List<Sample> failures = samples.stream().filter(s -> s.failure() != null).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("config", options.configName());
        out.put("tracks", backend.catalogue().size());
        out.put("recommendModel", serveOptions.recommendModel().toString());
        out.put("serverStartSeconds", startSeconds);
        out.put("requests", samples.size());
        out.put("byPlaylist", options.byPlaylist());
        out.put("bySeeds", options.bySeeds());
        out.put("concurrency", options.concurrency());
        out.put("warmups", options.warmups());
        out.put("errors", failures.size());
        out.put("firstErrors", failures.stream().limit(3).map(Sample::failure).toList());
        out.put("wallSeconds", wall);
        out.put("requestsPerSecond", samples.size() / wall);
        out.put("latencyMillis", percentiles(samples));
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (String kind : List.of("playlist", "seeds")) {
            List<Sample> of = samples.stream().filter(s -> s.kind().equals(kind)).toList();
            if (!of.isEmpty()) {
                byKind.put(kind, percentiles(of));
            }
        }
        out.put("latencyMillisByKind", byKind);
        double p99 = percentile(samples, 99);
        out.put("goalP99Millis", GOAL_P99_MILLIS);
        out.put("goalMet", failures.isEmpty() && p99 <= GOAL_P99_MILLIS);
        log.accept(String.format(Locale.ROOT, "  %d requests, %d errors in %.1f s (%.1f/s); latency p50 %.0f ms, "
                        + "p95 %.0f ms, p99 %.0f ms, max %.0f ms; goal p99 <= %.0f ms with no error: %s",
                samples.size(), failures.size(), wall, samples.size() / wall, percentile(samples, 50),
                percentile(samples, 95), p99, percentile(samples, 100), GOAL_P99_MILLIS,
                (boolean) out.get("goalMet") ? "met" : "not met"));
        failures.stream().limit(3).forEach(f -> log.accept("  error: " + f.failure()));
        return out;
    }

    private static Map<String, Object> percentiles(List<Sample> samples) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", samples.size());
        m.put("p50", percentile(samples, 50));
        m.put("p95", percentile(samples, 95));
        m.put("p99", percentile(samples, 99));
        m.put("max", percentile(samples, 100));
        return m;
    }

    /** The nearest-rank percentile (the value at rank ceil(p/100 n)). */
    static double percentile(List<Sample> samples, double p) {
        double[] ms = samples.stream().mapToDouble(Sample::millis).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (ms.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * ms.length);
        return ms[Math.max(0, Math.min(ms.length - 1, rank - 1))];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
