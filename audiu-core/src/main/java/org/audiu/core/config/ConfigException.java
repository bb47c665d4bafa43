package org.audiu.core.config;

import org.audiu.core.AudiuException;

/** A configuration problem: missing file, unknown key, invalid value, unknown plugin name. */
public class ConfigException extends AudiuException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
