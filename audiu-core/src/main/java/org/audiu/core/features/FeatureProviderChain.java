package org.audiu.core.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProviderUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks providers in order; the first that knows a track wins, later ones are asked only for what is still missing.
 * Vectors are projected onto the target schema by feature name; metadata features ({@link TrackMetadataFeatures})
 * are filled from the track where the provider left them missing. A provider that reports itself unavailable (HTTP
 * 403 for audio features) is skipped for the rest of the run, said once in the log. Tracks no provider knows are
 * reported in {@link FeatureLookup#missingIds()}, never dropped silently.
 *
 * <p>One chain serves one run; it remembers which providers turned out unavailable.
 */
public final class FeatureProviderChain {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureProviderChain.class);

    private final List<NamedFeatureProvider> providers;
    private final FeatureSchema target;
    private final Set<String> unavailable = new HashSet<>();

    /** The last projection onto the target schema: candidates of one source share their schema. */
    private volatile Projection lastProjection;
    /** The target columns that are metadata features, filled from the track when a provider leaves them missing. */
    private final int[] metadataColumns;
    /** The last source schema found equal to the target (the same instance comes with every candidate). */
    private volatile FeatureSchema lastSameAsTarget;

    /** Where each target column sits in a provider's schema (-1: absent). */
    private record Projection(FeatureSchema from, int[] indices) {
    }

    public FeatureProviderChain(List<NamedFeatureProvider> providers, FeatureSchema target) {
        this.providers = List.copyOf(Objects.requireNonNull(providers, "providers"));
        this.target = Objects.requireNonNull(target, "target");
        this.metadataColumns = java.util.stream.IntStream.range(0, target.size())
                .filter(i -> TrackMetadataFeatures.isMetadata(target.names().get(i))).toArray();
    }

    public FeatureSchema targetSchema() {
        return target;
    }

    public List<String> providerNames() {
        return providers.stream().map(NamedFeatureProvider::name).toList();
    }

    /** Looks up features of {@code tracks} (duplicates by id are looked up once). */
    public synchronized FeatureLookup lookup(List<Track> tracks) {
        Map<String, Track> pending = new LinkedHashMap<>();
        tracks.forEach(t -> pending.putIfAbsent(t.id(), t));
        Map<String, FeatureVector> found = new LinkedHashMap<>();
        Map<String, Integer> byProvider = new LinkedHashMap<>();
        for (NamedFeatureProvider named : providers) {
            if (pending.isEmpty()) {
                break;
            }
            if (unavailable.contains(named.name())) {
                continue;
            }
            Map<String, FeatureVector> result;
            try {
                result = named.provider().lookup(List.copyOf(pending.values()));
            } catch (FeatureProviderUnavailableException e) {
                unavailable.add(named.name());
                LOG.warn("Feature provider '{}' is unavailable, using the next one in the chain: {}", named.name(),
                        e.getMessage());
                continue;
            }
            int count = 0;
            for (Map.Entry<String, FeatureVector> e : result.entrySet()) {
                Track track = pending.remove(e.getKey());
                if (track == null) {
                    continue; // a provider answered for a track nobody asked about, or twice: ignore
                }
                found.put(track.id(), toTarget(track, e.getValue()));
                count++;
            }
            byProvider.put(named.name(), count);
        }
        return new FeatureLookup(found, new ArrayList<>(pending.keySet()), byProvider);
    }

    /** Projects a provider's vector onto the target schema and fills metadata features from the track. */
    public FeatureVector toTarget(Track track, FeatureVector vector) {
        return new FeatureVector(target, targetValues(track, vector));
    }

    /**
     * {@link #toTarget}'s values as a new array, the only one made: the pool passes call this for every candidate
     * that brings its own features, so the projection's indices are computed once per source schema.
     */
    public double[] targetValues(Track track, FeatureVector vector) {
        double[] values;
        FeatureSchema from = vector.schema();
        boolean same = from == lastSameAsTarget;
        if (!same && from.equals(target)) {
            lastSameAsTarget = from;
            same = true;
        }
        if (same) {
            values = vector.values();
        } else {
            Projection p = lastProjection;
            if (p == null || !p.from().equals(vector.schema())) {
                p = new Projection(vector.schema(), target.indicesIn(vector.schema()));
                lastProjection = p;
            }
            int[] idx = p.indices();
            values = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                values[i] = idx[i] < 0 ? Double.NaN : vector.get(idx[i]);
            }
        }
        List<String> names = target.names();
        for (int i : metadataColumns) {
            if (Double.isNaN(values[i])) {
                values[i] = TrackMetadataFeatures.valueOf(track, names.get(i));
            }
        }
        return values;
    }
}
