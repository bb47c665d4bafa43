package org.audiu.spotify;

import org.audiu.core.AudiuException;

/** Logging in to Spotify or using its tokens failed. Messages never contain tokens or the client secret. */
public class SpotifyAuthException extends AudiuException {
    private static final long serialVersionUID = 1L;

    public SpotifyAuthException(String message) {
        super(message);
    }

    public SpotifyAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
