package org.audiu.cli.serve;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
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

    @Option(names = "--upload-per-minute", paramLabel = "N", defaultValue = "20",
            description = "Uploads one client address may send per minute (0: no limit; 429 past it). Default: "
                    + "${DEFAULT-VALUE}.")
    int uploadPerMinute;

    @Option(names = "--keep-recommenders", paramLabel = "N", arity = "0..1", defaultValue = "0", fallbackValue = "64",
            description = {"Keep the recommenders trained for uploads (and nothing else of an upload) in memory, the "
                + "N most recent (64 when N is left out), keyed by the SHA-256 of the upload: the same upload again "
                + "ranks without training. Default: ${DEFAULT-VALUE} (keep nothing)."})
    int keepRecommenders;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The upload limits given on the command line. */
    UploadLimits uploadLimits() {
        if (keepRecommenders < 0) {
            throw new ServeException("--keep-recommenders must be 0 or more, got " + keepRecommenders);
        }
        if (uploadMaxMb < 1 || uploadMaxMb > 2000) {
            throw new ServeException("--upload-max-mb must be from 1 to 2000, got " + uploadMaxMb);
        }
        return new UploadLimits(uploadMaxMb * UploadLimits.MB, uploadMaxEntries, uploadMaxRatio,
                uploadMaxExpandedMb * UploadLimits.MB, uploadMaxJsonDepth, uploadMaxRecordKb * 1024,
                uploadConcurrency, uploadQueue, uploadQueueWaitSeconds * 1000L, uploadPerMinute);
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
                .withMinModelSeeds(minModelSeeds);
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
                serveOptions.recommendModel(), keepRecommenders), uploadLimits, serveOptions.limits(),
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
                out.println(Json.write(ready).replace("\n", "").replaceAll(" +", " "));
            } else {
                out.printf(Locale.ROOT, "audiU is serving %,d tracks (%s) at %s  (ready in %.1f s; Ctrl+C to stop)%n",
                        backend.catalogue().size(), backend.catalogue().source(), server.url(), seconds);
                backend.genres().ifPresent(g -> out.printf(Locale.ROOT,
                        "genre model %s: accuracy %s on %,d tracks of held-out artists%n", serveOptions.genreModel(),
                        Double.isNaN(g.heldOutAccuracy()) ? "n/a"
                                : String.format(Locale.ROOT, "%.1f%%", 100 * g.heldOutAccuracy()), g.heldOutRows()));
            }
            out.flush();
            stop.await();
        } finally {
            closed.countDown();
        }
        return 0;
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
