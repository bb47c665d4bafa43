package org.audiu.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.plugin.Plugins;

/** A real server on 127.0.0.1 (any free port) with an HTTP client, for tests. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ServeBackend backend;
    private final WebServer server;
    private final HttpClient client;

    /** One HTTP response: status, content type, body. */
    record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private TestServer(ServeBackend backend, WebServer server) {
        this.backend = backend;
        this.server = server;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Test options: a fast logistic genre model; everything else as served by default. */
    static ServeOptions fastOptions() {
        return ServeOptions.defaults().withGenreModel(TrainerChoice.of("logistic", Map.of(), Map.of(),
                "--genre-param "));
    }

    static TestServer start(AudiuConfig config, ServeOptions options) {
        return start(config, options, UploadLimits.defaults(), 0);
    }

    /** A server with the upload endpoint under {@code limits}, keeping {@code keep} trained recommenders. */
    static TestServer start(AudiuConfig config, ServeOptions options, UploadLimits limits, int keep) {
        Plugins plugins = Plugins.fromClasspath();
        ServeBackend backend = ServeBackend.fromConfig(config, plugins, options);
        UploadApi uploads = new UploadApi(UploadRecommender.fromConfig(config, plugins, backend.catalogue(),
                options.recommendModel(), keep, backend.recommender().twoStage()), limits, options.limits(), keep > 0);
        return new TestServer(backend, WebServer.start(new ServeApi(backend, options), uploads, "127.0.0.1", 0));
    }

    /** The CSV test catalogue (hostile names, playlists) written into {@code dir}. */
    static TestServer startTestCatalogue(Path dir) throws IOException {
        return start(AudiuConfig.load(TestCatalogue.write(dir, 8)), fastOptions());
    }

    ServeBackend backend() {
        return backend;
    }

    int port() {
        return server.port();
    }

    String url() {
        return server.url();
    }

    HttpClient client() {
        return client;
    }

    /** GET {@code path} with query parameters encoded (each entry may repeat a name). */
    Reply get(String path, List<Map.Entry<String, String>> params) throws IOException, InterruptedException {
        String query = params.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return getRaw(path + (query.isEmpty() ? "" : "?" + query));
    }

    Reply get(String path, Map<String, String> params) throws IOException, InterruptedException {
        return get(path, List.copyOf(params.entrySet()));
    }

    /** GET an already-encoded path and query. */
    Reply getRaw(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery)).GET());
    }

    Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().map());
    }

    /** POST {@code body} to {@code path} (already encoded) with the given content type. */
    Reply post(String pathAndQuery, byte[] body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POST {@code body} and keep the response's bytes (images, the recommender). */
    HttpResponse<byte[]> postForBytes(String pathAndQuery, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
                .header("Content-Type", "application/zip").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
