package org.audiu.core.spi.features;

import org.audiu.core.AudiuException;

/** A feature provider cannot serve this user at all; the chain hands over to the next provider. */
public class FeatureProviderUnavailableException extends AudiuException {
    private static final long serialVersionUID = 1L;

    public FeatureProviderUnavailableException(String message) {
        super(message);
    }

    public FeatureProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
