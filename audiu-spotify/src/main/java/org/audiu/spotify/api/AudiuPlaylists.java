package org.audiu.spotify.api;

import java.util.Locale;

/**
 * How the playlists audiU writes are recognised: the listener owns them and their description carries
 * {@link #MARKER} (playlists of audiU before the marker carry the sink's old default description,
 * {@link #OLD_DEFAULT_DESCRIPTION}). The library leaves them out, so a run never learns from its own output, and
 * the sink finds the one to update. A marker in the description is what survives the real Web API: it is returned
 * in every playlist listing ({@code GET /v1/me/playlists}), owners edit it rarely, and Spotify's HTML escaping of
 * descriptions leaves it as it is. Stateless.
 */
public final class AudiuPlaylists {
    /** Appended to the description of every playlist audiU writes. */
    public static final String MARKER = "#audiU";
    /** What audiU's sink wrote as description before the marker existed. */
    public static final String OLD_DEFAULT_DESCRIPTION = "Recommended by audiU from your own listening";

    private AudiuPlaylists() {
    }

    /** The description to write: the user's text with the marker. */
    public static String description(String text) {
        String t = text == null ? "" : text.trim();
        if (t.contains(MARKER)) {
            return t;
        }
        return t.isEmpty() ? MARKER : t + " " + MARKER;
    }

    /**
     * True for a playlist audiU wrote.
     *
     * @param ownerId     the playlist owner's user id (may be null)
     * @param userId      the current user's id
     * @param description the description as Spotify returns it (may be null or HTML-escaped)
     */
    public static boolean writtenByAudiu(String ownerId, String userId, String description) {
        if (ownerId == null || !ownerId.equals(userId) || description == null) {
            return false;
        }
        String d = description.trim();
        return d.contains(MARKER) || d.toLowerCase(Locale.ROOT).startsWith(OLD_DEFAULT_DESCRIPTION
                .toLowerCase(Locale.ROOT));
    }
}
