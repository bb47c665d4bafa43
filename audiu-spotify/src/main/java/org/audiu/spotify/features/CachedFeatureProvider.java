package org.audiu.spotify.features;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.features.FeatureProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feature provider in front of a {@link FeatureCache}: known tracks come from disk, the rest from the service in
 * chunks, each chunk saved as soon as it arrives (so an interrupted run resumes there) with progress in the log.
 * Tracks the service did not know are not asked again for {@code missingTtl}.
 */
public final class CachedFeatureProvider implements FeatureProvider {
    private static final Logger LOG = LoggerFactory.getLogger(CachedFeatureProvider.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final String name;
    private final FeatureProvider delegate;
    private final FeatureCache cache;
    private final int chunkSize;
    private final Duration missingTtl;
    private final Clock clock;

    /**
     * @param chunkSize  tracks handed to {@code delegate} at a time (its batch size: each batch is saved)
     * @param missingTtl how long "the service does not know this track" is believed; zero to always ask again
     */
    public CachedFeatureProvider(String name, FeatureProvider delegate, FeatureCache cache, int chunkSize,
                                 Duration missingTtl, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1");
        }
        this.chunkSize = chunkSize;
        this.missingTtl = Objects.requireNonNull(missingTtl, "missingTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public FeatureCache cache() {
        return cache;
    }

    @Override
    public FeatureSchema schema() {
        return delegate.schema();
    }

    @Override
    public Map<String, FeatureVector> lookup(List<Track> tracks) {
        FeatureSchema schema = delegate.schema();
        Map<String, FeatureVector> out = new LinkedHashMap<>();
        Map<String, Track> toFetch = new LinkedHashMap<>();
        Instant now = clock.instant();
        int knownMissing = 0;
        Set<String> seen = new HashSet<>();
        for (Track t : tracks) {
            if (!seen.add(t.id())) {
                continue;
            }
            Optional<FeatureCache.Entry> entry = cache.get(t.id());
            if (entry.isPresent() && !entry.get().missing()) {
                out.put(t.id(), vector(schema, entry.get().values()));
            } else if (entry.isPresent() && entry.get().checked().plus(missingTtl).isAfter(now)) {
                knownMissing++;
            } else {
                toFetch.put(t.id(), t);
            }
        }
        int fromCache = out.size();
        if (toFetch.isEmpty()) {
            return out;
        }
        List<Track> pending = new ArrayList<>(toFetch.values());
        Instant lastLog = clock.instant();
        int fetched = 0;
        for (int from = 0; from < pending.size(); from += chunkSize) {
            List<Track> chunk = pending.subList(from, Math.min(pending.size(), from + chunkSize));
            Map<String, FeatureVector> got = delegate.lookup(chunk);
            Map<String, FeatureVector> kept = new LinkedHashMap<>();
            Set<String> missing = new LinkedHashSet<>();
            for (Track t : chunk) {
                FeatureVector v = got.get(t.id());
                if (v != null) {
                    kept.put(t.id(), v);
                } else {
                    missing.add(t.id());
                }
            }
            cache.append(kept, missing, clock.instant());
            out.putAll(kept);
            fetched += chunk.size();
            if (Duration.between(lastLog, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
                lastLog = clock.instant();
                LOG.info("{}: {} of {} tracks fetched (saved to {})", name, fetched, pending.size(), cache.file());
            }
        }
        LOG.info("{}: {} tracks from the cache, {} fetched ({} found){}", name, fromCache, pending.size(),
                out.size() - fromCache, knownMissing > 0 ? ", " + knownMissing + " known to be missing" : "");
        return out;
    }

    private static FeatureVector vector(FeatureSchema schema, Map<String, Double> values) {
        double[] v = new double[schema.size()];
        for (int i = 0; i < v.length; i++) {
            Double d = values.get(schema.names().get(i));
            v[i] = d == null ? Double.NaN : d;
        }
        return new FeatureVector(schema, v);
    }

    @Override
    public String toString() {
        return "CachedFeatureProvider[" + name + ", " + cache.file() + "]";
    }
}
