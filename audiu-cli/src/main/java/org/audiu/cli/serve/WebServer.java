package org.audiu.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.audiu.core.AudiuException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the page (static files from the classpath) and the JSON API on Javalin. Every API error is a JSON
 * body with a 4xx or 5xx status, never a stack trace; every response carries a strict Content-Security-Policy (no
 * inline script, nothing from other origins). Close it to stop.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Where the page's files live on the classpath. */
    static final String WEB_ROOT = "/org/audiu/cli/serve/web";
    static final String JSON = "application/json; charset=utf-8";
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();
    static final List<String> ENDPOINTS = List.of("/api/info", "/api/search", "/api/playlists",
            "/api/recommendations", "/api/genre", "/api/health");

    private static final java.util.regex.Pattern BAD_PERCENT = java.util.regex.Pattern.compile(
            "%(?![0-9A-Fa-f]{2})");

    private final Javalin app;
    private final String host;

    private WebServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                + "data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        return Map.copyOf(h);
    }

    /**
     * Starts serving {@code api} on {@code host:port} (port 0: any free port).
     *
     * @throws ServeException when the port cannot be bound
     */
    public static WebServer start(ServeApi api, String host, int port) {
        return start(api, null, host, port);
    }

    /**
     * Starts serving {@code api} and, when {@code uploads} is not null, the upload endpoint
     * ({@code POST /api/recommendations/upload}) on {@code host:port} (port 0: any free port).
     *
     * @throws ServeException when the port cannot be bound
     */
    public static WebServer start(ServeApi api, UploadApi uploads, String host, int port) {
        Objects.requireNonNull(api, "api");
        ObjectMapper mapper = new ObjectMapper();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = WEB_ROOT;
                files.location = Location.CLASSPATH;
                Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
                headers.put("Cache-Control", "no-cache");
                files.headers = headers;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            if (uploads != null) {
                // Every part of a multipart upload stays in memory (never a temporary file).
                int max = (int) uploads.limits().maxBytes();
                config.jetty.multipartConfig.maxInMemoryFileSize(max, io.javalin.config.SizeUnit.BYTES);
                config.jetty.multipartConfig.maxFileSize(max, io.javalin.config.SizeUnit.BYTES);
                config.jetty.multipartConfig.maxTotalRequestSize(max, io.javalin.config.SizeUnit.BYTES);
                config.http.maxRequestSize = max;
            }
            config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
            config.routes.before("/api/*", ctx -> checkQueryString(ctx.queryString()));
            config.routes.get("/api/info", ctx -> json(ctx, mapper, 200, api.info(ctx.queryParamMap())));
            config.routes.get("/api/health", ctx -> json(ctx, mapper, 200, Map.of("status", "ok")));
            config.routes.get("/api/search", ctx -> json(ctx, mapper, 200, api.search(ctx.queryParamMap())));
            config.routes.get("/api/playlists", ctx -> json(ctx, mapper, 200, api.playlists(ctx.queryParamMap())));
            config.routes.get("/api/recommendations",
                    ctx -> json(ctx, mapper, 200, api.recommendations(ctx.queryParamMap())));
            config.routes.get("/api/genre", ctx -> json(ctx, mapper, 200, api.genre(ctx.queryParamMap())));
            if (uploads != null) {
                config.routes.get(UploadApi.PATH, ctx -> json(ctx, mapper, 200, uploads.describe()));
                config.routes.post(UploadApi.PATH, ctx -> UploadHandler.handle(ctx, uploads, mapper));
            }
            config.routes.get("/api/*", ctx -> {
                throw WebApiException.notFound("No API endpoint " + QueryParams.echo(ctx.path()) + ". Endpoints: "
                        + ENDPOINTS + " (see SERVE.md).", Map.of("endpoints", ENDPOINTS));
            });
            Function<String, io.javalin.http.Handler> readOnly = method -> ctx -> {
                throw new WebApiException(405, "Method " + method + " is not allowed: the API is read-only, use GET "
                        + "(only " + UploadApi.PATH + " takes a POST: an upload).", Map.of("allowed", List.of("GET")));
            };
            config.routes.post("/api/*", readOnly.apply("POST"));
            config.routes.put("/api/*", readOnly.apply("PUT"));
            config.routes.patch("/api/*", readOnly.apply("PATCH"));
            config.routes.delete("/api/*", readOnly.apply("DELETE"));
            config.routes.options("/api/*", readOnly.apply("OPTIONS"));
            config.routes.exception(WebApiException.class, (e, ctx) -> {
                Object retry = e.body().get("retryAfterSeconds");
                if (retry != null && (e.status() == 503 || e.status() == 429)) {
                    ctx.header("Retry-After", retry.toString());
                }
                json(ctx, mapper, e.status(), e.body());
            });
            config.routes.exception(AudiuException.class, (e, ctx) -> json(ctx, mapper, 422,
                    Map.of("error", e.getMessage(), "status", 422)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                json(ctx, mapper, 500, Map.of("error", "Internal error; the server log has the details.",
                        "status", 500));
            });
            config.requestLogger.http((ctx, ms) -> LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(),
                    ctx.statusCode(), ms));
        });
        try {
            if (port != 0) {
                requireFree(host, port);
            }
            app.start(host, port);
        } catch (JavalinBindException e) {
            app.stop();
            throw new ServeException("Cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "). Choose "
                    + "another port with --port, or stop the program that uses it.", e);
        }
        LOG.info("Serving on http://{}:{}/", host, app.port());
        return new WebServer(app, host);
    }

    /**
     * Jetty silently drops a parameter whose percent-encoding is broken ({@code q=%ZZ}); say so instead of answering
     * as if it were missing.
     */
    static void checkQueryString(String query) {
        if (query != null && BAD_PERCENT.matcher(query).find()) {
            throw WebApiException.badRequest("Malformed query string: '%' must be followed by two hexadecimal digits "
                    + "(encode a literal % as %25).", Map.of());
        }
    }

    /** Says clearly when the port is taken (Javalin would log a stack trace first). */
    private static void requireFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new ServeException("Cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "). Choose "
                    + "another port with --port, or stop the program that uses it.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static void json(Context ctx, ObjectMapper mapper, int status, Object body) {
        String text;
        try {
            text = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a JSON response", e);
        }
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(JSON);
        ctx.result(text);
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return app.port();
    }

    public String host() {
        return host;
    }

    /** The page's address. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }
}
