package org.audiu.spotify.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * App tokens from the client-credentials grant, for catalogue-only requests (search, audio features) without a
 * listener. Kept in memory, renewed before expiry and after a 401. Thread-safe.
 */
public final class ClientCredentialsTokenSource implements AccessTokenSource {
    private final String clientId;
    private final Secret clientSecret;
    private final TokenClient client;
    private final Duration margin;
    private Tokens current;

    public ClientCredentialsTokenSource(String clientId, Secret clientSecret, TokenClient client, Duration margin) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.client = Objects.requireNonNull(client, "client");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    @Override
    public synchronized String accessToken() {
        if (current == null || current.expiresWithin(margin, client.clock().instant())) {
            current = client.clientCredentials(clientId, clientSecret);
        }
        return current.accessToken();
    }

    @Override
    public synchronized String refreshAfterRejection(String rejected) {
        if (current != null && !current.accessToken().equals(rejected)) {
            return current.accessToken();
        }
        current = client.clientCredentials(clientId, clientSecret);
        return current.accessToken();
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokenSource[client=" + clientId + ", secret=******]";
    }
}
