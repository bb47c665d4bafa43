package org.audiu.spotify.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderUnavailableException;
import org.audiu.spotify.ApiException;
import org.audiu.spotify.api.SpotifyIds;
import org.audiu.spotify.api.SpotifyWebClient;
import se.michaelthelin.spotify.enums.Modality;

/**
 * Spotify's own audio features ({@code GET /v1/audio-features?ids=}, 100 ids per request), the 13 standard
 * features. Only apps created before 2024-11-27 may still use them: a 403 means "unavailable for this app" and
 * becomes a {@link FeatureProviderUnavailableException}, so the chain moves on to the next provider; the provider
 * then makes no further requests. Tracks without a Spotify-shaped id are not asked for.
 */
public final class SpotifyAudioFeaturesProvider implements FeatureProvider {
    /** Spotify's largest batch for this endpoint. */
    public static final int BATCH = 100;

    private final SpotifyWebClient client;
    private final AtomicBoolean unavailable = new AtomicBoolean();

    public SpotifyAudioFeaturesProvider(SpotifyWebClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public FeatureSchema schema() {
        return AudioFeatures.STANDARD;
    }

    @Override
    public Map<String, FeatureVector> lookup(List<Track> tracks) {
        Set<String> ids = new LinkedHashSet<>();
        for (Track t : tracks) {
            if (SpotifyIds.isTrackId(t.id())) {
                ids.add(t.id());
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (unavailable.get()) {
            throw unavailable(null);
        }
        List<String> all = new ArrayList<>(ids);
        Map<String, FeatureVector> out = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            se.michaelthelin.spotify.model_objects.specification.AudioFeatures[] answer;
            try {
                answer = client.execute("reading audio features of " + batch.size() + " tracks",
                        a -> a.getAudioFeaturesForSeveralTracks(batch.toArray(String[]::new)).build());
            } catch (ApiException e) {
                if (e.status() == 403) {
                    unavailable.set(true);
                    throw unavailable(e);
                }
                throw e;
            }
            if (answer == null) {
                continue;
            }
            for (var f : answer) {
                if (f != null && f.getId() != null && ids.contains(f.getId())) {
                    out.put(f.getId(), vector(f));
                }
            }
        }
        return out;
    }

    private static FeatureProviderUnavailableException unavailable(ApiException cause) {
        return new FeatureProviderUnavailableException("Spotify answers 403 to /v1/audio-features: apps created"
                + " after 2024-11-27 have no access to audio features. Add another provider after it in 'features'"
                + " (e.g. features = spotify-audio-features, reccobeats).", cause);
    }

    private static FeatureVector vector(se.michaelthelin.spotify.model_objects.specification.AudioFeatures f) {
        double[] v = new double[AudioFeatures.STANDARD.size()];
        v[0] = d(f.getDanceability());
        v[1] = d(f.getEnergy());
        v[2] = f.getKey() == null || f.getKey() < 0 ? Double.NaN : f.getKey();
        v[3] = d(f.getLoudness());
        v[4] = f.getMode() == null ? Double.NaN : f.getMode() == Modality.MAJOR ? 1 : 0;
        v[5] = d(f.getSpeechiness());
        v[6] = d(f.getAcousticness());
        v[7] = d(f.getInstrumentalness());
        v[8] = d(f.getLiveness());
        v[9] = d(f.getValence());
        v[10] = d(f.getTempo());
        v[11] = f.getDurationMs() == null ? Double.NaN : f.getDurationMs();
        v[12] = f.getTimeSignature() == null ? Double.NaN : f.getTimeSignature();
        return new FeatureVector(AudioFeatures.STANDARD, v);
    }

    private static double d(Float value) {
        return value == null ? Double.NaN : value;
    }

    @Override
    public String toString() {
        return "SpotifyAudioFeaturesProvider[" + client.apiUrl() + "]";
    }
}
