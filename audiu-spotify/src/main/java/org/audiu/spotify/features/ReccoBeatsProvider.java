package org.audiu.spotify.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderUnavailableException;
import org.audiu.spotify.api.SpotifyIds;
import org.audiu.spotify.http.HttpStatusException;
import org.audiu.spotify.http.Retrier;

/**
 * Audio features from ReccoBeats ({@code GET {base}/v1/audio-features?ids=}, at most 40 Spotify ids per request),
 * free and available to every app. Its answer {@code {"content":[{id, href, ...}]}} names tracks by ReccoBeats' own
 * {@code id}: the Spotify id is taken from {@code href}. Tracks it does not know are simply left out; there is no
 * {@code time_signature} (and {@code duration_ms} comes from the track itself, filled in by the chain). 429 with
 * {@code Retry-After} is handled by the {@link Retrier}.
 */
public final class ReccoBeatsProvider implements FeatureProvider {
    /** ReccoBeats' public API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.reccobeats.com");
    /** The service's limit of ids per request. */
    public static final int MAX_IDS = 40;
    /** The features ReccoBeats returns, in Spotify's order. */
    public static final FeatureSchema SCHEMA = FeatureSchema.of(AudioFeatures.DANCEABILITY, AudioFeatures.ENERGY,
            AudioFeatures.KEY, AudioFeatures.LOUDNESS, AudioFeatures.MODE, AudioFeatures.SPEECHINESS,
            AudioFeatures.ACOUSTICNESS, AudioFeatures.INSTRUMENTALNESS, AudioFeatures.LIVENESS,
            AudioFeatures.VALENCE, AudioFeatures.TEMPO);
    private static final String SERVICE = "ReccoBeats";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Retrier retrier;
    private final int batchSize;

    /** @param batchSize ids per request, 1..40 */
    public ReccoBeatsProvider(URI baseUrl, HttpClient http, Duration timeout, Retrier retrier, int batchSize) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
        if (batchSize < 1 || batchSize > MAX_IDS) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_IDS + ", got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    public FeatureSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, FeatureVector> lookup(List<Track> tracks) {
        Set<String> ids = new LinkedHashSet<>();
        for (Track t : tracks) {
            if (SpotifyIds.isTrackId(t.id())) {
                ids.add(t.id());
            }
        }
        List<String> all = new ArrayList<>(ids);
        Map<String, FeatureVector> out = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += batchSize) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            URI uri = URI.create(endpoint() + "?ids=" + String.join(",", batch));
            String body = retrier.call(SERVICE, "reading audio features of " + batch.size() + " tracks", true,
                    () -> get(uri));
            parse(body, ids, out);
        }
        return out;
    }

    private String endpoint() {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/audio-features";
    }

    private String get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            // No connection at all (offline, no DNS, a firewall): not worth five retries; the chain hands the
            // tracks to the next provider and skips this one for the rest of the run.
            throw new FeatureProviderUnavailableException(SERVICE + " (" + baseUrl + ") is unreachable ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); tracks only it "
                    + "knows are left without features. Check the network, or leave 'reccobeats' out of 'features'.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for " + SERVICE);
        }
        if (response.statusCode() == 404) {
            return "{\"content\":[]}"; // none of the ids is known
        }
        if (response.statusCode() / 100 != 2) {
            throw HttpStatusException.from(SERVICE, response);
        }
        return response.body();
    }

    private static void parse(String body, Set<String> asked, Map<String, FeatureVector> out) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new DataException("ReccoBeats sent unreadable JSON: " + e.getMessage(), e);
        }
        for (JsonNode item : root.path("content")) {
            Optional<String> id = SpotifyIds.fromLink(item.path("href").asText(null));
            if (id.isEmpty() || !asked.contains(id.get())) {
                continue;
            }
            double[] v = new double[SCHEMA.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode n = item.get(SCHEMA.names().get(i));
                v[i] = n != null && n.isNumber() ? n.asDouble() : Double.NaN;
            }
            int key = SCHEMA.indexOf(AudioFeatures.KEY);
            if (v[key] < 0) {
                v[key] = Double.NaN;
            }
            out.put(id.get(), new FeatureVector(SCHEMA, v));
        }
    }

    @Override
    public String toString() {
        return "ReccoBeatsProvider[" + baseUrl + "]";
    }
}
