package org.audiu.spotify.plugin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.auth.AccessTokenSource;
import org.audiu.spotify.auth.AuthorizationPrompt;
import org.audiu.spotify.auth.ClientCredentialsTokenSource;
import org.audiu.spotify.auth.LoginFlow;
import org.audiu.spotify.auth.LoopbackLogin;
import org.audiu.spotify.auth.TokenCache;
import org.audiu.spotify.auth.TokenClient;
import org.audiu.spotify.auth.UserTokenSource;
import org.audiu.spotify.http.JdkHttpManager;
import org.audiu.spotify.http.Retrier;

/** Builds the Spotify client of a component from its {@link SpotifySettings}. Nothing here touches the network. */
public final class SpotifyClients {
    private SpotifyClients() {
    }

    /**
     * A client with real sleeps between retries, jitter seeded with {@code seed}.
     *
     * @param clientIdHint how to set the client id, for messages ("set library.client-id")
     */
    public static SpotifyWebClient webClient(SpotifySettings s, long seed, String clientIdHint) {
        Retrier retrier = Retrier.create(s.retry(), seed);
        TokenClient tokens = new TokenClient(s.accountsUrl(), JdkHttpManager.newClient(s.timeout()), s.timeout(),
                retrier, Clock.systemUTC());
        return new SpotifyWebClient(s.apiUrl(), JdkHttpManager.create(s.timeout(), SpotifyWebClient.SERVICE),
                tokenSource(s, tokens, clientIdHint), retrier);
    }

    /** The user's tokens (cache, refresh, browser login) or app tokens, as configured. */
    public static AccessTokenSource tokenSource(SpotifySettings s, TokenClient tokens, String clientIdHint) {
        if (s.auth() == SpotifySettings.Auth.CLIENT_CREDENTIALS) {
            return new ClientCredentialsTokenSource(s.clientId().orElseThrow(), s.clientSecret().orElseThrow(),
                    tokens, UserTokenSource.DEFAULT_MARGIN);
        }
        Optional<LoginFlow> login = Optional.empty();
        if (s.login() && s.clientId().isPresent()) {
            AuthorizationPrompt prompt = AuthorizationPrompt.registeredOr(s.openBrowser()
                    ? AuthorizationPrompt.desktopOrLog() : AuthorizationPrompt.logOnly());
            login = Optional.of(new LoopbackLogin(s.clientId().get(), s.redirectUri(), tokens, prompt,
                    s.loginTimeout(), new SecureRandom()));
        }
        return new UserTokenSource(s.clientId().orElse(null), new TokenCache(s.tokenCache()), tokens, login,
                UserTokenSource.DEFAULT_MARGIN, clientIdHint);
    }
}
