package org.audiu.cli.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and the details of the JSON error body
 * ({@code {"error": message, "status": status, ...details}}).
 */
public final class WebApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> details;

    public WebApiException(int status, String message, Map<String, ?> details) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An API error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public static WebApiException badRequest(String message, Map<String, ?> details) {
        return new WebApiException(400, message, details);
    }

    public static WebApiException notFound(String message, Map<String, ?> details) {
        return new WebApiException(404, message, details);
    }

    public int status() {
        return status;
    }

    /** The JSON error body. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.put("status", status);
        body.putAll(new java.util.TreeMap<>(details));
        return body;
    }
}
