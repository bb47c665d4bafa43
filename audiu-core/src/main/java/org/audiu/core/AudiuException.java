package org.audiu.core;

/**
 * Base of audiU's errors. Messages say what went wrong, where, and how to fix it; the CLI prints them without a
 * stack trace.
 */
public class AudiuException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AudiuException(String message) {
        super(message);
    }

    public AudiuException(String message, Throwable cause) {
        super(message, cause);
    }
}
