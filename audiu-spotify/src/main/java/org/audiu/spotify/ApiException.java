package org.audiu.spotify;

import org.audiu.core.AudiuException;

/**
 * A web service (Spotify, ReccoBeats) refused or failed a request after audiU's retries. {@link #status()} is the
 * HTTP status, or 0 when no response arrived (a timeout, a refused connection).
 */
public class ApiException extends AudiuException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final int status;

    public ApiException(String service, int status, String message) {
        super(message);
        this.service = service;
        this.status = status;
    }

    public ApiException(String service, int status, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.status = status;
    }

    /** "Spotify", "ReccoBeats", "Spotify accounts". */
    public String service() {
        return service;
    }

    /** The HTTP status, 0 when there was no response. */
    public int status() {
        return status;
    }
}
