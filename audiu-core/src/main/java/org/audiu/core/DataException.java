package org.audiu.core;

/** Bad or insufficient data: an empty library, a CSV without usable columns, a feature missing everywhere. */
public class DataException extends AudiuException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
