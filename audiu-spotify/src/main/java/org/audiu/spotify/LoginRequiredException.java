package org.audiu.spotify;

/**
 * The listener has to log in to Spotify (again): there is no saved login, or Spotify rejected the saved refresh token
 * ({@code invalid_grant}: refresh tokens expire after six months or when the user revokes access).
 */
public final class LoginRequiredException extends SpotifyAuthException {
    private static final long serialVersionUID = 1L;

    public LoginRequiredException(String message) {
        super(message);
    }

    public LoginRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
