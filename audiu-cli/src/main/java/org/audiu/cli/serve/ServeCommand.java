package org.audiu.cli.serve;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.audiu.cli.CommonOptions;
import org.audiu.cli.Json;
import org.audiu.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu serve}: the web page and JSON API on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start a web page and JSON API that recommend from the configured catalogue.",
            "Visitors search tracks, artists or playlists, pick seeds and get recommendations with reasons and a "
                + "chart; a second view predicts genres. API: see audiu-cli/SERVE.md."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "7070",
            description = "TCP port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--recommend-model", paramLabel = "NAME", defaultValue = ServeOptions.DEFAULT_RECOMMEND_MODEL,
            description = "Trainer of the per-request model (trained for every request, keep it fast). Default: "
                    + "${DEFAULT-VALUE} with 20 trees of depth <= 8.")
    String recommendModel;

    @Option(names = "--recommend-param", paramLabel = "KEY=VALUE",
            description = "A parameter of --recommend-model, e.g. trees=40 (repeatable; replaces the small defaults).")
    Map<String, String> recommendParams = new LinkedHashMap<>();

    @Option(names = "--genre-model", paramLabel = "NAME", defaultValue = ServeOptions.DEFAULT_GENRE_MODEL,
            description = "Trainer of the genre classifier, trained once at startup. Default: ${DEFAULT-VALUE} with "
                    + "30 trees of depth <= 10.")
    String genreModel;

    @Option(names = "--genre-param", paramLabel = "KEY=VALUE",
            description = "A parameter of --genre-model, e.g. trees=100 (repeatable; replaces the small defaults).")
    Map<String, String> genreParams = new LinkedHashMap<>();

    @Option(names = "--cache", paramLabel = "N", defaultValue = "256",
            description = "Recommendation responses kept in memory (0: none). Default: ${DEFAULT-VALUE}.")
    int cacheSize;

    @Option(names = "--recommender-cache", paramLabel = "N", defaultValue = "64",
            description = {"Trained recommenders kept by seeds (0: none): a request with the same seeds and another "
                + "limit ranks with the kept one instead of training again. Default: ${DEFAULT-VALUE}."})
    int recommenderCacheSize;

    @Option(names = "--model-min-seeds", paramLabel = "N", defaultValue = "" + SeedRecommender.DEFAULT_MIN_MODEL_SEEDS,
            description = {"Seeds standing for fewer tracks than N (a few tracks, one artist) are ranked by audio and "
                + "artist neighbours and playlist co-membership; from N tracks on, a model is trained on them "
                + "(1: always a model). Default: ${DEFAULT-VALUE}."})
    int minModelSeeds;

    @Option(names = "--ranker", paramLabel = "FILE",
            description = {"Rank with the two-stage recommender, as 'recommend --ranker FILE': the retrievers "
                + "(two-stage.retrievers) propose candidates from the catalogue (candidates.path) and this ranker, saved "
                + "by 'audiu ranker train', orders them, with the model trained on the seeds as its per-listener column "
                + "(default: two-stage.ranker-file; without either, the single-stage engine ranks). Checked at start: "
                + "the file, its checksums, and that it was trained on this catalogue."})
    java.nio.file.Path rankerFile;

    @Option(names = "--upload-max-mb", paramLabel = "MB", defaultValue = "64",
            description = "Uploads: the largest body (the export's zip or its files together). Default: ${DEFAULT-VALUE}.")
    int uploadMaxMb;

    @Option(names = "--upload-max-entries", paramLabel = "N", defaultValue = "500",
            description = "Uploads: files in a zip. Default: ${DEFAULT-VALUE}.")
    int uploadMaxEntries;

    @Option(names = "--upload-max-ratio", paramLabel = "X", defaultValue = "100",
            description = {"Uploads: how many times its compressed size a zip entry may expand (zip bombs are refused "
                + "by their declared sizes before expanding, and stopped while expanding). Default: ${DEFAULT-VALUE}."})
    long uploadMaxRatio;

    @Option(names = "--upload-max-expanded-mb", paramLabel = "MB", defaultValue = "1024",
            description = "Uploads: bytes a zip's files may expand to together. Default: ${DEFAULT-VALUE}.")
    long uploadMaxExpandedMb;

    @Option(names = "--upload-max-json-depth", paramLabel = "N", defaultValue = "32",
            description = "Uploads: nesting of a JSON file. Default: ${DEFAULT-VALUE}.")
    int uploadMaxJsonDepth;

    @Option(names = "--upload-max-record-kb", paramLabel = "KB", defaultValue = "8192",
            description = {"Uploads: one JSON record (a play, a playlist, a line of JSON lines). Default: "
                + "${DEFAULT-VALUE}."})
    long uploadMaxRecordKb;

    @Option(names = "--upload-concurrency", paramLabel = "N", defaultValue = "2",
            description = "Uploads read and ranked at once. Default: ${DEFAULT-VALUE}.")
    int uploadConcurrency;

    @Option(names = "--upload-queue", paramLabel = "N", defaultValue = "16",
            description = {"Uploads that may wait for a slot; more get 503 with Retry-After at once. Default: "
                + "${DEFAULT-VALUE}."})
    int uploadQueue;

    @Option(names = "--upload-queue-wait-s", paramLabel = "S", defaultValue = "30",
            description = "How long a waiting upload waits before a 503. Default: ${DEFAULT-VALUE}.")
    int uploadQueueWaitSeconds;

    @Option(names = "--upload-per-minute", paramLabel = "N",
            description = "Uploads one client address may send per minute (0: no limit; 429 past it). Default: 20.")
    Integer uploadPerMinute;

    @Option(names = "--keep-recommenders", paramLabel = "N", arity = "0..1", defaultValue = "0", fallbackValue = "64",
            description = {"Keep the recommenders trained for uploads (and nothing else of an upload) in memory, the "
                + "N most recent (64 when N is left out), keyed by the SHA-256 of the upload: the same upload again "
                + "ranks without training. Default: ${DEFAULT-VALUE} (keep nothing)."})
    int keepRecommenders;

    @Option(names = "--bench-uploads", description = {"Bench mode: start on loopback, send the upload load (good and "
        + "hostile uploads, see --bench-*), print the figures and stop. The per-address rate limit is off (every "
        + "request comes from 127.0.0.1) unless --upload-per-minute is given."})
    boolean benchUploads;

    @Option(names = "--bench-good", paramLabel = "N", defaultValue = "200",
            description = "Bench: good uploads. Default: ${DEFAULT-VALUE}.")
    int benchGood;

    @Option(names = "--bench-hostile", paramLabel = "N", defaultValue = "50",
            description = "Bench: hostile uploads (zip bomb, truncated zip, too large, binary, deep JSON). Default: "
                    + "${DEFAULT-VALUE}.")
    int benchHostile;

    @Option(names = "--bench-parallel", paramLabel = "N", defaultValue = "8",
            description = "Bench: uploads in flight at once. Default: ${DEFAULT-VALUE}.")
    int benchParallel;

    @Option(names = "--bench-export-mb", paramLabel = "MB", defaultValue = "5",
            description = "Bench: account data in each good export (JSON, zipped to send). Default: ${DEFAULT-VALUE}.")
    int benchExportMb;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The upload limits given on the command line. */
    UploadLimits uploadLimits() {
        if (keepRecommenders < 0) {
            throw new ServeException("--keep-recommenders must be 0 or more, got " + keepRecommenders);
        }
        if (benchUploads && keepRecommenders > 0) {
            throw new ServeException("--bench-uploads measures uploads answered from scratch: leave out "
                    + "--keep-recommenders (the bench sends 8 exports in turn, so kept recommenders would answer most "
                    + "of them without training).");
        }
        if (uploadMaxMb < 1 || uploadMaxMb > 2000) {
            throw new ServeException("--upload-max-mb must be from 1 to 2000, got " + uploadMaxMb);
        }
        return new UploadLimits(uploadMaxMb * UploadLimits.MB, uploadMaxEntries, uploadMaxRatio,
                uploadMaxExpandedMb * UploadLimits.MB, uploadMaxJsonDepth, uploadMaxRecordKb * 1024,
                uploadConcurrency, uploadQueue, uploadQueueWaitSeconds * 1000L,
                uploadPerMinute != null ? uploadPerMinute : benchUploads ? 0 : 20);
    }

    private final CountDownLatch stopped;

    /** Serves until the JVM shuts down (Ctrl+C). */
    public ServeCommand() {
        this(null);
    }

    /** Serves until {@code stop} is counted down (tests), or the JVM shuts down when it is null. */
    ServeCommand(CountDownLatch stop) {
        this.stopped = stop;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ServeException("--port must be from 0 to 65535, got " + port);
        }
        if (cacheSize < 0) {
            throw new ServeException("--cache must be 0 or more, got " + cacheSize);
        }
        if (recommenderCacheSize < 0) {
            throw new ServeException("--recommender-cache must be 0 or more, got " + recommenderCacheSize);
        }
        if (minModelSeeds < 1) {
            throw new ServeException("--model-min-seeds must be 1 or more, got " + minModelSeeds);
        }
        UploadLimits uploadLimits = uploadLimits();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!isLoopback(host)) {
            err.println("warning: listening on " + host + " makes the page reachable from other machines.");
        }
        ServeOptions serveOptions = ServeOptions.defaults()
                .withRecommendModel(TrainerChoice.of(recommendModel, recommendParams, ServeOptions.RECOMMEND_DEFAULTS,
                        "--recommend-param "))
                .withGenreModel(TrainerChoice.of(genreModel, genreParams, ServeOptions.GENRE_DEFAULTS,
                        "--genre-param "))
                .withCacheSize(cacheSize)
                .withRecommenderCacheSize(recommenderCacheSize)
                .withMinModelSeeds(minModelSeeds)
                .withRankerFile(java.util.Optional.ofNullable(rankerFile));
        if (!options.json()) {
            err.println("audiu: loading the catalogue and training the genre model (" + serveOptions.genreModel()
                    + ")...");
            err.flush();
        }
        long start = System.nanoTime();
        var config = options.loadConfig();
        Plugins plugins = Plugins.fromClasspath();
        ServeBackend backend = ServeBackend.fromConfig(config, plugins, serveOptions);
        UploadApi uploads = new UploadApi(UploadRecommender.fromConfig(config, plugins, backend.catalogue(),
                serveOptions.recommendModel(), keepRecommenders, backend.recommender().twoStage()), uploadLimits, serveOptions.limits(),
                keepRecommenders > 0);
        CountDownLatch stop = stopped != null ? stopped : new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (WebServer server = WebServer.start(new ServeApi(backend, serveOptions), uploads, host, port)) {
            if (stopped == null) {
                // Ctrl+C: release the main thread, then give it a moment to stop the server cleanly.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.countDown();
                    try {
                        closed.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "audiu-serve-stop"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (options.json()) {
                Map<String, Object> ready = new LinkedHashMap<>();
                ready.put("url", server.url());
                ready.put("tracks", backend.catalogue().size());
                ready.put("playlists", backend.catalogue().playlists().size());
                ready.put("genreModel", backend.genres().isPresent() ? serveOptions.genreModel().toString() : null);
                ready.put("engine", backend.recommender().engine());
                out.println(Json.write(ready).replace("\n", "").replaceAll(" +", " "));
            } else {
                out.printf(Locale.ROOT, "audiU is serving %,d tracks (%s) at %s  (ready in %.1f s; Ctrl+C to stop)%n",
                        backend.catalogue().size(), backend.catalogue().source(), server.url(), seconds);
                backend.genres().ifPresent(g -> out.printf(Locale.ROOT,
                        "genre model %s: accuracy %s on %,d tracks of held-out artists%n", serveOptions.genreModel(),
                        Double.isNaN(g.heldOutAccuracy()) ? "n/a"
                                : String.format(Locale.ROOT, "%.1f%%", 100 * g.heldOutAccuracy()), g.heldOutRows()));
                out.println("engine: " + backend.recommender().engine());
            }
            out.flush();
            if (benchUploads) {
                return bench(server, backend, uploadLimits, out);
            }
            stop.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private int bench(WebServer server, ServeBackend backend, UploadLimits limits, PrintWriter out) throws InterruptedException {
        if (benchGood < 1 || benchHostile < 0 || benchParallel < 1 || benchExportMb < 1) {
            throw new ServeException("--bench-good, --bench-parallel and --bench-export-mb must be at least 1, "
                    + "--bench-hostile 0 or more");
        }
        List<org.audiu.core.Track> tracks = backend.catalogue().tracks().stream()
                .map(org.audiu.core.catalogue.CatalogueTrack::track).toList();
        UploadBench.Result r;
        try {
            r = new UploadBench(server.url()).run(tracks, benchGood, benchHostile, benchParallel,
                    benchExportMb * UploadLimits.MB, limits.maxBytes(), 42);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new ServeException("The upload bench failed: " + e.getMessage(), e);
        }
        Map<String, Object> figures = UploadBench.asMap(r);
        if (options.json()) {
            out.println(Json.write(figures));
        } else {
            out.printf(Locale.ROOT, "upload bench: %d good uploads of %,d bytes zipped (%,d of JSON) and %d hostile, "
                    + "%d at a time, %d cores, heap max %d MB%n", r.good(), r.exportZipBytes(), r.exportJsonBytes(),
                    r.hostile(), benchParallel, r.cores(), r.maxHeapMb());
            out.printf(Locale.ROOT, "good: %d errors %s; latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; "
                    + "%.2f uploads/s%n", r.goodErrors(), r.goodStatuses(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(),
                    r.goodPerSecond());
            out.printf(Locale.ROOT, "hostile: %d not answered 4xx; statuses %s%n", r.hostileNot4xx(),
                    r.hostileStatuses());
            out.printf(Locale.ROOT, "heap: peak %.0f MB during the load, %.0f MB after it; %.1f s in all%n",
                    r.peakHeapMb(), r.heapAfterMb(), r.wallSeconds());
            out.printf(Locale.ROOT, "server time per good upload (mean ms, a slot held): %s%n", r.meanServerMs());
            out.printf(Locale.ROOT, "cpu: %.1f s of this JVM during the load (server, client, collector), %.0f ms per "
                    + "good upload; collector %.1f s%n", r.cpuSeconds(), r.cpuSeconds() * 1000 / Math.max(1, r.good()),
                    r.gcSeconds());
        }
        out.flush();
        return r.goodErrors() == 0 && r.hostileNot4xx() == 0 ? 0 : 1;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ServeException("Unknown host '" + host + "' (--host): use an address of this machine, e.g. "
                    + "127.0.0.1.", e);
        }
    }
}
