package org.audiu.core.features;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.FeatureVector;

/**
 * The outcome of a chain lookup: features of the tracks found (in the chain's target schema), the ids no provider
 * knew, and how many tracks each provider supplied.
 */
public record FeatureLookup(Map<String, FeatureVector> found, List<String> missingIds,
                            Map<String, Integer> foundByProvider) {
    public FeatureLookup {
        found = Map.copyOf(Objects.requireNonNull(found, "found"));
        missingIds = List.copyOf(Objects.requireNonNull(missingIds, "missingIds"));
        foundByProvider = Map.copyOf(Objects.requireNonNull(foundByProvider, "foundByProvider"));
    }
}
