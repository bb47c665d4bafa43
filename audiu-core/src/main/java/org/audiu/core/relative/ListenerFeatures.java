package org.audiu.core.relative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured listener-relative features ({@code listener-features}), in order. Immutable; fit it to each
 * listener with {@link #fit}.
 */
public final class ListenerFeatures {
    /** The built-in features, on by default (config key {@code listener-features}). */
    public static final List<String> DEFAULT_NAMES = List.of(ListenerFeatureFactories.ARTIST_AFFINITY,
            ListenerFeatureFactories.ALBUM_AFFINITY, ListenerFeatureFactories.CO_MEMBERSHIP,
            ListenerFeatureFactories.RELEASE_YEAR, ListenerFeatureFactories.POPULARITY,
            ListenerFeatureFactories.AUDIO_SIMILARITY);
    /** The value of {@code listener-features} that turns them all off. */
    public static final String NONE = "none";

    private static final Logger LOG = LoggerFactory.getLogger(ListenerFeatures.class);

    /** A feature with the name it was configured under. */
    public record Named(String name, ListenerFeature feature) {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(feature, "feature");
        }
    }

    private final List<Named> features;

    /**
     * @throws ConfigException when two features add a column of the same name
     */
    public ListenerFeatures(List<Named> features) {
        this.features = List.copyOf(Objects.requireNonNull(features, "features"));
        Set<String> columns = new HashSet<>();
        for (Named n : this.features) {
            for (String c : n.feature().columns()) {
                if (!columns.add(c)) {
                    throw new ConfigException("Listener feature '" + n.name() + "' adds the column '" + c
                            + "', which another listener feature already adds. Remove one of them from "
                            + "'listener-features'.");
                }
            }
        }
    }

    /** No listener-relative features: the model sees the base features only. */
    public static ListenerFeatures none() {
        return new ListenerFeatures(List.of());
    }

    /** The built-in features with their default parameters. */
    public static ListenerFeatures defaults() {
        return new ListenerFeatures(ListenerFeatureFactories.defaults());
    }

    public List<String> names() {
        return features.stream().map(Named::name).toList();
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }

    /** Fits every feature to a listener; features without data for this listener are left out (logged). */
    public FittedListenerFeatures fit(ListenerContext listener) {
        if (features.isEmpty()) {
            return FittedListenerFeatures.none(listener.baseSchema());
        }
        List<ListenerFeature.Fitted> fitted = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Named n : features) {
            Optional<ListenerFeature.Fitted> f = n.feature().fit(listener);
            if (f.isPresent()) {
                fitted.add(f.get());
                columns.add(n.feature().columns());
                used.add(n.name());
            } else {
                skipped.add(n.name());
            }
        }
        if (!skipped.isEmpty()) {
            LOG.info("Listener features without data for this listener or catalogue, left out: {}", skipped);
        }
        return new FittedListenerFeatures(listener.baseSchema(), fitted, columns, used, skipped);
    }
}
