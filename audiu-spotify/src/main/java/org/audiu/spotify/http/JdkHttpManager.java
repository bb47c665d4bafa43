package org.audiu.spotify.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import se.michaelthelin.spotify.IHttpManager;

/**
 * spotify-web-api-java's transport on the JDK's {@link HttpClient}: no response cache, no hidden retries, a
 * per-request timeout, and every non-2xx answer thrown as an {@link HttpStatusException} that keeps the status,
 * {@code Retry-After} and Spotify's {@code reason}, so that audiU's {@link Retrier} decides what happens. The
 * client's own request classes still build every URL and parse every answer.
 */
public final class JdkHttpManager implements IHttpManager {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration timeout;
    private final String service;

    public JdkHttpManager(HttpClient client, Duration timeout, String service) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** A manager with its own HTTP client. */
    public static JdkHttpManager create(Duration timeout, String service) {
        return new JdkHttpManager(newClient(timeout), timeout, service);
    }

    /** An HTTP/1.1 client that never follows redirects, with {@code timeout} to connect. */
    public static HttpClient newClient(Duration timeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String get(URI uri, Header[] headers) throws IOException {
        return send(HttpRequest.newBuilder().GET(), uri, headers, null);
    }

    @Override
    public String post(URI uri, Header[] headers, HttpEntity body) throws IOException {
        return send(HttpRequest.newBuilder().POST(publisher(body)), uri, headers, body);
    }

    @Override
    public String put(URI uri, Header[] headers, HttpEntity body) throws IOException {
        return send(HttpRequest.newBuilder().PUT(publisher(body)), uri, headers, body);
    }

    @Override
    public String delete(URI uri, Header[] headers, HttpEntity body) throws IOException {
        return send(HttpRequest.newBuilder().method("DELETE", publisher(body)), uri, headers, body);
    }

    private static HttpRequest.BodyPublisher publisher(HttpEntity body) throws IOException {
        return body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(EntityUtils.toByteArray(body));
    }

    private String send(HttpRequest.Builder builder, URI uri, Header[] headers, HttpEntity body) throws IOException {
        builder.uri(uri).timeout(timeout);
        boolean contentType = false;
        if (headers != null) {
            for (Header h : headers) {
                String name = h.getName().toLowerCase(Locale.ROOT);
                if (!RESTRICTED.contains(name)) {
                    builder.header(h.getName(), h.getValue());
                    contentType |= name.equals("content-type");
                }
            }
        }
        if (!contentType && body != null && body.getContentType() != null) {
            builder.header("Content-Type", body.getContentType());
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for " + service);
        }
        if (response.statusCode() / 100 == 2) {
            return response.body() == null ? "" : response.body();
        }
        throw HttpStatusException.from(service, response);
    }
}
