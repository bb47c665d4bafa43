package org.audiu.cli.serve;

import org.audiu.core.AudiuException;

/** The server cannot start (a port in use, an address that is not local). */
public final class ServeException extends AudiuException {
    private static final long serialVersionUID = 1L;

    public ServeException(String message) {
        super(message);
    }

    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
