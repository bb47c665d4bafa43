package org.audiu.cli.serve;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.audiu.core.Track;

/**
 * The upload load bench ({@code audiu serve --bench-uploads}): against a server on loopback, {@code good} uploads of
 * a generated export of about {@code exportBytes} of account data and {@code hostile} hostile ones (zip bomb,
 * truncated zip, a body past the size limit, binary, deep JSON), shuffled, {@code parallel} at a time. Reports the
 * good uploads' latencies and errors, the hostile ones' statuses and the server JVM's peak heap. Not a test: run by
 * hand (docs/measurements.md).
 */
final class UploadBench {
    /** The figures of one run. */
    record Result(int good, int goodErrors, Map<String, Integer> goodStatuses, double p50Ms, double p95Ms,
                  double p99Ms, double maxMs, double goodPerSecond, int hostile, int hostileNot4xx,
                  Map<String, Map<Integer, Integer>> hostileStatuses, long exportZipBytes, long exportJsonBytes,
                  double peakHeapMb, double heapAfterMb, long maxHeapMb, int cores, double wallSeconds,
                  Map<String, Long> meanServerMs, double cpuSeconds, double gcSeconds) {
    }

    private record Job(String kind, byte[] body, String contentType) {
    }

    private final String url;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    UploadBench(String baseUrl) {
        this.url = baseUrl.replaceAll("/$", "") + UploadApi.PATH + "?charts=none";
    }

    Result run(List<Track> catalogue, int good, int hostile, int parallel, long exportBytes, long maxUploadBytes,
               long seed) throws Exception {
        List<byte[]> exports = new ArrayList<>();
        long jsonBytes = 0;
        for (int i = 0; i < 8; i++) {
            List<SampleExport.File> files = new SampleExport(catalogue, seed + i).files(exportBytes);
            if (i == 0) {
                jsonBytes = files.stream().mapToLong(f -> f.bytes().length).sum();
            }
            exports.add(SampleExport.zip(files));
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < good; i++) {
            jobs.add(new Job("good", exports.get(i % exports.size()), "application/zip"));
        }
        byte[] bomb = bomb();
        byte[] truncated = Arrays.copyOf(exports.get(0), exports.get(0).length / 2);
        byte[] huge = new byte[(int) Math.min(Integer.MAX_VALUE - 16, maxUploadBytes + 6 * UploadLimits.MB)];
        Arrays.fill(huge, (byte) 'a');
        byte[] binary = new byte[1 << 20];
        new Random(seed).nextBytes(binary);
        binary[0] = 0;
        byte[] deep = ("[" + "[".repeat(5000) + "]".repeat(5000) + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String[] kinds = {"zip bomb", "truncated zip", "body past the size limit", "binary", "deep JSON"};
        byte[][] bodies = {bomb, truncated, huge, binary, deep};
        String[] types = {"application/zip", "application/zip", "application/zip", "application/octet-stream",
            "application/json"};
        for (int i = 0; i < hostile; i++) {
            int k = i % kinds.length;
            jobs.add(new Job(kinds[k], bodies[k], types[k]));
        }
        Collections.shuffle(jobs, new Random(seed));
        resetPeaks();
        long cpu0 = processCpuNanos();
        long gc0 = gcMillis();
        List<Double> goodMs = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> goodStatuses = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Long> serverMs = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Map<Integer, Integer>> hostileStatuses = Collections.synchronizedMap(new TreeMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (Job job : jobs) {
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                String status = send(job, job.kind().equals("good") ? serverMs : null);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (job.kind().equals("good")) {
                    goodMs.add(ms);
                    goodStatuses.merge(status, 1, Integer::sum);
                } else {
                    int code = status.matches("\\d+") ? Integer.parseInt(status) : -1;
                    hostileStatuses.computeIfAbsent(job.kind(), k -> new TreeMap<>()).merge(code, 1, Integer::sum);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        double gcSeconds = (gcMillis() - gc0) / 1e3;
        pool.shutdown();
        double[] sorted = goodMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int errors = good - goodStatuses.getOrDefault("200", 0);
        int not4xx = 0;
        for (Map<Integer, Integer> m : hostileStatuses.values()) {
            for (Map.Entry<Integer, Integer> e : m.entrySet()) {
                if (e.getKey() < 400 || e.getKey() > 499) {
                    not4xx += e.getValue();
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        double after = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        return new Result(good, errors, new TreeMap<>(goodStatuses), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], good / wall, hostile, not4xx,
                new TreeMap<>(hostileStatuses), exports.get(0).length, jsonBytes, peakHeapMb(), after,
                rt.maxMemory() / 1048576, rt.availableProcessors(), wall, means(serverMs, goodStatuses.getOrDefault(
                "200", 0)), cpuSeconds, gcSeconds);
    }

    /**
     * CPU time of this whole JVM (server, client and collector together): on a machine shared with other work, the
     * figure that does not depend on how much of the cores the load got. -1 where the JVM does not say.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Milliseconds the collectors spent (pauses, and for G1 its concurrent cycles) since the JVM started. */
    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static Map<String, Long> means(Map<String, Long> sums, int n) {
        Map<String, Long> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k, n == 0 ? 0 : v / n));
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** Sends one upload; for a good one, adds the server's own timings (took, model, engine stages) to {@code ms}. */
    private String send(Job job, Map<String, Long> ms) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", job.contentType()).timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(job.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (ms != null && r.statusCode() == 200) {
                var body = JSON.readTree(r.body());
                ms.merge("took", body.get("tookMs").asLong(), Long::sum);
                ms.merge("read-match-rank", body.get("model").get("millis").asLong(), Long::sum);
                body.get("model").get("stageMillis").fields().forEachRemaining(e ->
                        ms.merge("engine " + e.getKey(), e.getValue().asLong(), Long::sum));
            }
            return Integer.toString(r.statusCode());
        } catch (java.io.IOException e) {
            return "io:" + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** 200 MB of zeros in one entry: about 200 kB zipped, a ratio of about 1000. */
    private static byte[] bomb() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("StreamingHistory_music_0.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the load began (an upper bound of the heap's peak). */
    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }

    static Map<String, Object> asMap(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goodUploads", r.good());
        m.put("goodErrors", r.goodErrors());
        m.put("goodStatuses", r.goodStatuses());
        m.put("p50Ms", Math.round(r.p50Ms()));
        m.put("p95Ms", Math.round(r.p95Ms()));
        m.put("p99Ms", Math.round(r.p99Ms()));
        m.put("maxMs", Math.round(r.maxMs()));
        m.put("goodPerSecond", Math.round(r.goodPerSecond() * 100) / 100.0);
        m.put("hostileUploads", r.hostile());
        m.put("hostileNot4xx", r.hostileNot4xx());
        m.put("hostileStatuses", r.hostileStatuses());
        m.put("exportZipBytes", r.exportZipBytes());
        m.put("exportJsonBytes", r.exportJsonBytes());
        m.put("peakHeapMb", Math.round(r.peakHeapMb()));
        m.put("heapAfterMb", Math.round(r.heapAfterMb()));
        m.put("maxHeapMb", r.maxHeapMb());
        m.put("cores", r.cores());
        m.put("wallSeconds", Math.round(r.wallSeconds() * 10) / 10.0);
        m.put("meanServerMs", r.meanServerMs());
        m.put("cpuSeconds", Math.round(r.cpuSeconds() * 10) / 10.0);
        m.put("cpuMsPerGoodUpload", Math.round(r.cpuSeconds() * 1000 / Math.max(1, r.good())));
        m.put("gcSeconds", Math.round(r.gcSeconds() * 10) / 10.0);
        return m;
    }
}
