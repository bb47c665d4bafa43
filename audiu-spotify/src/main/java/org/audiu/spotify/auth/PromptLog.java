package org.audiu.spotify.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The logger of {@link AuthorizationPrompt}'s built-in prompts. */
final class PromptLog {
    static final Logger LOG = LoggerFactory.getLogger(AuthorizationPrompt.class);

    private PromptLog() {
    }
}
