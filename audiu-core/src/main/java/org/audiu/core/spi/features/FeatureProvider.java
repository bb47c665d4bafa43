package org.audiu.core.spi.features;

import java.util.List;
import java.util.Map;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * Looks up numeric features of tracks. Providers form a chain (config key {@code features}): the first provider that
 * knows a track wins, the rest are asked only for the tracks still missing.
 */
public interface FeatureProvider {
    /** The features this provider returns. */
    FeatureSchema schema();

    /**
     * Features of those tracks this provider knows, by track id. Tracks it does not know are simply absent from the
     * result. Implementations batch as their backend needs.
     *
     * @throws FeatureProviderUnavailableException when the provider cannot serve at all (e.g. Spotify answers 403
     *                                             for apps created after 2024-11-27): the chain skips it from then on
     */
    Map<String, FeatureVector> lookup(List<Track> tracks);
}
