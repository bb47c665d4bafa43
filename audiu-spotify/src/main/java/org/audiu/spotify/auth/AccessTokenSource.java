package org.audiu.spotify.auth;

/** Hands out a valid access token, refreshing it ahead of expiry. Implementations are thread-safe. */
public interface AccessTokenSource {
    /**
     * A token valid for at least the refresh margin.
     *
     * @throws org.audiu.spotify.LoginRequiredException when the user must log in (again)
     */
    String accessToken();

    /**
     * The API answered 401 to {@code rejected}: returns a fresh token (refreshing unless another caller already
     * did).
     */
    String refreshAfterRejection(String rejected);
}
