package org.audiu.core.archive;

import org.audiu.core.AudiuException;

/** A model file that cannot be used: not an audiU model, corrupt or truncated, from a newer format, or needing a
 * library that is not on the classpath. */
public class ModelFileException extends AudiuException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
