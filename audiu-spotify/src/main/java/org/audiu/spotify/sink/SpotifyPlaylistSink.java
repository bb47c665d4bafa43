package org.audiu.spotify.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.spotify.api.AudiuPlaylists;
import org.audiu.spotify.api.JsonRequest;
import org.audiu.spotify.api.Pages;
import org.audiu.spotify.api.SpotifyIds;
import org.audiu.spotify.api.SpotifyWebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes recommendations to a playlist of the listener. In {@link Mode#REPLACE} (the default) a playlist of the same
 * name that audiU wrote before ({@link AudiuPlaylists}: owned by the listener, marked in its description) gets the new
 * tracks in place of its old ones ({@code PUT /v1/playlists/{id}/items} with the first 100, then {@code POST} for the
 * rest), so repeated runs keep one playlist; otherwise, and in {@link Mode#NEW}, a new playlist is created
 * ({@code POST /v1/me/playlists}) and filled 100 per {@code POST /v1/playlists/{id}/items}. Every playlist written
 * carries the marker, so the Spotify library source leaves it out and a run never learns from its own output.
 * Writes are retried only when they surely did not happen (429, 502, 503), so a playlist is never created twice.
 * Recommendations without a Spotify track id (from a dataset without them) are left out and counted in the log. No
 * empty playlist is ever created: an empty list, or one without a single Spotify track id, fails before any request.
 */
public final class SpotifyPlaylistSink implements PlaylistSink {
    /** Spotify's largest batch of items per request. */
    public static final int BATCH = 100;
    /** Spotify's largest page of {@code GET /v1/me/playlists}. */
    private static final int PAGE_SIZE = 50;

    /** What a run does with the playlist an earlier run wrote. */
    public enum Mode {
        /** Replace the items of audiU's playlist of the same name, or create it when there is none. */
        REPLACE,
        /** Create a new playlist every run. */
        NEW
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyPlaylistSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpotifyWebClient client;
    private final boolean isPublic;
    private final String description;
    private final Mode mode;

    /** {@link Mode#REPLACE}. */
    public SpotifyPlaylistSink(SpotifyWebClient client, boolean isPublic, String description) {
        this(client, isPublic, description, Mode.REPLACE);
    }

    /** @param description the playlist's description; {@link AudiuPlaylists#MARKER} is appended */
    public SpotifyPlaylistSink(SpotifyWebClient client, boolean isPublic, String description, Mode mode) {
        this.client = Objects.requireNonNull(client, "client");
        this.isPublic = isPublic;
        this.description = AudiuPlaylists.description(description);
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String write(String name, List<Recommendation> recommendations) {
        if (recommendations.isEmpty()) {
            throw new IllegalArgumentException("No recommendations to write to the Spotify playlist '" + name
                    + "': no playlist was created. Check the run's log for why it recommended nothing.");
        }
        Set<String> uris = new LinkedHashSet<>();
        int skipped = 0;
        for (Recommendation r : recommendations) {
            if (SpotifyIds.isTrackId(r.track().id())) {
                uris.add(SpotifyIds.trackUri(r.track().id()));
            } else {
                skipped++;
            }
        }
        if (uris.isEmpty()) {
            throw new DataException("None of the " + recommendations.size() + " recommendations for the Spotify "
                    + "playlist '" + name + "' has a Spotify track id (e.g. '" + recommendations.get(0).track().id()
                    + "'), so no playlist was created. Recommend from a Spotify candidate source, or from a "
                    + "dataset whose track ids are Spotify ids.");
        }
        if (skipped > 0) {
            LOG.warn("{} of {} recommendations have no Spotify track id and are not added to the playlist", skipped,
                    recommendations.size());
        }
        List<String> all = new ArrayList<>(uris);
        Optional<JsonNode> earlier = mode == Mode.REPLACE ? earlierPlaylist(name) : Optional.empty();
        JsonNode playlist;
        int from;
        if (earlier.isPresent()) {
            playlist = earlier.get();
            String id = playlist.path("id").asText();
            List<String> first = all.subList(0, Math.min(all.size(), BATCH));
            client.call("replacing the tracks of playlist '" + name + "'", true,
                    a -> JsonRequest.to(a, "PUT", "/v1/playlists/{playlist_id}/items")
                            .setPathParameter("playlist_id", id).json(uris(first)).build());
            from = first.size();
        } else {
            playlist = create(name);
            from = 0;
        }
        String id = playlist.path("id").asText("");
        for (; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            int first = from + 1;
            client.call("adding tracks " + first + "-" + (from + batch.size()) + " to playlist '" + name + "'", false,
                    a -> JsonRequest.to(a, "POST", "/v1/playlists/{playlist_id}/items")
                            .setPathParameter("playlist_id", id).json(uris(batch)).build());
        }
        String url = playlist.path("external_urls").path("spotify").asText("");
        LOG.info("{} {} tracks to the Spotify playlist '{}' {}", earlier.isPresent() ? "Replaced the tracks with"
                : "Wrote", all.size(), name, url);
        return url.isEmpty() ? "spotify:playlist:" + id : url;
    }

    private static String uris(List<String> uris) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("uris");
        uris.forEach(list::add);
        return body.toString();
    }

    private JsonNode create(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("description", description);
        body.put("public", isPublic);
        String created = client.call("creating the playlist '" + name + "'", false,
                a -> JsonRequest.to(a, "POST", "/v1/me/playlists").json(body.toString()).build());
        JsonNode playlist = parse(created);
        if (playlist.path("id").asText("").isEmpty()) {
            throw new DataException("Spotify created the playlist '" + name + "' but sent no id back.");
        }
        return playlist;
    }

    /** The listener's playlist of this name that audiU wrote, the first one Spotify lists. */
    private Optional<JsonNode> earlierPlaylist(String name) {
        String me = client.userId();
        List<JsonNode> mine = Pages.allJson("Playlists", offset -> parse(client.execute(
                "looking for audiU's playlist '" + name + "' at offset " + offset,
                a -> JsonRequest.to(a, "GET", "/v1/me/playlists").setQueryParameter("limit",
                        PAGE_SIZE).setQueryParameter("offset", offset).build())));
        for (JsonNode p : mine) {
            if (p != null && name.equals(p.path("name").asText(null)) && !p.path("id").asText("").isEmpty()
                    && AudiuPlaylists.writtenByAudiu(p.path("owner").path("id").asText(null), me,
                    p.path("description").asText(null))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            throw new DataException("Spotify sent unreadable JSON for a new playlist: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SpotifyPlaylistSink[" + client.apiUrl() + ", public=" + isPublic + ", " + mode + "]";
    }
}
