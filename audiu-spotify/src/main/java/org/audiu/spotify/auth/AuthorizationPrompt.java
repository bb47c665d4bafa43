package org.audiu.spotify.auth;

import java.awt.Desktop;
import java.net.URI;
import java.util.ServiceLoader;

/**
 * Shows the user Spotify's authorization page: opens a browser, or tells them the URL. A command-line program can
 * register its own (e.g. printing to the terminal) in
 * {@code META-INF/services/org.audiu.spotify.auth.AuthorizationPrompt}; the first one found is used.
 */
@FunctionalInterface
public interface AuthorizationPrompt {
    void show(URI authorizationUrl);

    /** Logs the URL (SLF4J, WARN so that it is visible by default). */
    static AuthorizationPrompt logOnly() {
        return url -> PromptLog.LOG.warn("To let audiU read your Spotify library, open this address in a browser and "
                + "approve: {}", url);
    }

    /** Opens the system browser through {@link Desktop} when the platform supports it, else logs the URL. */
    static AuthorizationPrompt desktopOrLog() {
        return url -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(url);
                    PromptLog.LOG.info("Opened Spotify's login page in your browser; if nothing appeared, open {}", url);
                    return;
                }
            } catch (Exception | LinkageError e) {
                PromptLog.LOG.debug("Could not open a browser: {}", e.toString());
            }
            logOnly().show(url);
        };
    }

    /** The first prompt registered through {@link ServiceLoader}, else {@code fallback}. */
    static AuthorizationPrompt registeredOr(AuthorizationPrompt fallback) {
        return ServiceLoader.load(AuthorizationPrompt.class).findFirst().orElse(fallback);
    }
}
