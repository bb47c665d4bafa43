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
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.spotify.api.JsonRequest;
import org.audiu.spotify.api.SpotifyIds;
import org.audiu.spotify.api.SpotifyWebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes recommendations to a new playlist of the listener: {@code POST /v1/me/playlists}, then the tracks in
 * order, 100 per {@code POST /v1/playlists/{id}/items}. Writes are retried only when they surely did not happen
 * (429, 502, 503), so a playlist is never created twice. Recommendations without a Spotify track id (from a
 * dataset without them) are left out and counted in the log. No empty playlist is ever created: an empty list, or
 * one without a single Spotify track id, fails before any request.
 */
public final class SpotifyPlaylistSink implements PlaylistSink {
    /** Spotify's largest batch of items per request. */
    public static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyPlaylistSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpotifyWebClient client;
    private final boolean isPublic;
    private final String description;

    public SpotifyPlaylistSink(SpotifyWebClient client, boolean isPublic, String description) {
        this.client = Objects.requireNonNull(client, "client");
        this.isPublic = isPublic;
        this.description = description == null ? "" : description;
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
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("description", description);
        body.put("public", isPublic);
        String created = client.call("creating the playlist '" + name + "'", false,
                a -> JsonRequest.to(a, "POST", "/v1/me/playlists").json(body.toString()).build());
        JsonNode playlist = parse(created);
        String id = playlist.path("id").asText("");
        if (id.isEmpty()) {
            throw new DataException("Spotify created the playlist '" + name + "' but sent no id back.");
        }
        List<String> all = new ArrayList<>(uris);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            ObjectNode add = JSON.createObjectNode();
            ArrayNode list = add.putArray("uris");
            batch.forEach(list::add);
            int first = from + 1;
            client.call("adding tracks " + first + "-" + (from + batch.size()) + " to playlist '" + name + "'", false,
                    a -> JsonRequest.to(a, "POST", "/v1/playlists/{playlist_id}/items")
                            .setPathParameter("playlist_id", id).json(add.toString()).build());
        }
        String url = playlist.path("external_urls").path("spotify").asText("");
        LOG.info("Wrote {} tracks to the Spotify playlist '{}' {}", all.size(), name, url);
        return url.isEmpty() ? "spotify:playlist:" + id : url;
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
        return "SpotifyPlaylistSink[" + client.apiUrl() + ", public=" + isPublic + "]";
    }
}
