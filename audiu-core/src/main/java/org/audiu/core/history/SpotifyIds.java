package org.audiu.core.history;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spotify track ids from {@code spotify:track:ID} URIs and {@code https://open.spotify.com/track/ID} URLs. */
final class SpotifyIds {
    private static final Pattern ID = Pattern.compile("(?:spotify:track:|open\\.spotify\\.com/track/)([A-Za-z0-9]{22})");
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9]{22}");

    private SpotifyIds() {
    }

    static Optional<String> fromUri(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        return BARE.matcher(text.strip()).matches() ? Optional.of(text.strip()) : Optional.empty();
    }
}
