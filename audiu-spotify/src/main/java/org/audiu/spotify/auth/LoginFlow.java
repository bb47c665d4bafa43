package org.audiu.spotify.auth;

/** An interactive login that yields user tokens (the browser flow, or a stub in tests). */
@FunctionalInterface
public interface LoginFlow {
    Tokens login();
}
