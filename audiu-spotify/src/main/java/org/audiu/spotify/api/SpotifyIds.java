package org.audiu.spotify.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spotify track ids: 22 base-62 characters; found in {@code href}s, URIs and open.spotify.com links. */
public final class SpotifyIds {
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{22}");
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?:open\\.spotify\\.com/(?:intl-[a-z-]+/)?track/|spotify:track:|/v1/tracks/)([0-9A-Za-z]{22})");

    private SpotifyIds() {
    }

    /** Whether {@code id} has the shape of a Spotify id (dataset or demo ids do not). */
    public static boolean isTrackId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The track id inside a link, URI or API href. */
    public static Optional<String> fromLink(String link) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(link);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static String trackUri(String id) {
        return "spotify:track:" + id;
    }
}
