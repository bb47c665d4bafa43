package org.audiu.spotify.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A non-2xx HTTP answer, with what audiU needs to decide about it: the status, {@code Retry-After}, Spotify's
 * {@code reason} (e.g. {@code QUOTA_EXCEEDED}) and OAuth {@code error} code. An {@link IOException} so that it passes
 * unchanged through spotify-web-api-java's {@code execute()}. The detail comes from the error body's message field
 * only, never the raw body (which could echo request data).
 */
public final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    private final String service;
    private final int status;
    private final long retryAfterSeconds;
    private final String reason;
    private final String errorCode;
    private final String detail;

    public HttpStatusException(String service, int status, long retryAfterSeconds, String reason, String errorCode,
                               String detail) {
        super(service + " answered HTTP " + status + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.service = service;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.reason = reason;
        this.errorCode = errorCode;
        this.detail = detail == null ? "" : detail;
    }

    /** Reads status, headers and the error body of a response. */
    public static HttpStatusException from(String service, HttpResponse<String> response) {
        long retryAfter = response.headers().firstValue("Retry-After").map(HttpStatusException::parseRetryAfter)
                .orElse(-1L);
        String reason = null;
        String errorCode = null;
        String detail = null;
        String body = response.body();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode root = JSON.readTree(body);
                JsonNode error = root.path("error");
                if (error.isObject()) {
                    detail = text(error.path("message"));
                    reason = text(error.path("reason"));
                } else if (error.isTextual()) {
                    errorCode = error.asText();
                    detail = text(root.path("error_description"));
                    if (detail == null) {
                        detail = errorCode;
                    }
                }
                if (reason == null) {
                    reason = text(root.path("reason"));
                }
                if (detail == null) {
                    detail = text(root.path("message"));
                }
            } catch (IOException | RuntimeException notJson) {
                detail = null;
            }
        }
        return new HttpStatusException(service, response.statusCode(), retryAfter, reason, errorCode,
                truncate(detail));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "...";
    }

    /** Seconds from a {@code Retry-After} header; HTTP dates and junk count as absent (-1). */
    static long parseRetryAfter(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? -1 : seconds;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The {@code Retry-After} header in seconds, when present. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    /** Spotify's {@code reason} field, e.g. {@code QUOTA_EXCEEDED}. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The OAuth {@code error} code of an accounts-service answer, e.g. {@code invalid_grant}. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The service's own short explanation, possibly empty. */
    public String detail() {
        return detail;
    }
}
