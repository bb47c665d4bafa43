package org.audiu.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ordered names of numeric features. The 13 standard audio features are {@link AudioFeatures#STANDARD}, but any
 * numeric feature set fits (a CSV with other columns, metadata features such as {@code release_year}).
 */
public record FeatureSchema(List<String> names) {
    public FeatureSchema {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("A feature schema needs at least one feature name");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("Duplicate feature names in schema " + names);
        }
    }

    public static FeatureSchema of(String... names) {
        return new FeatureSchema(List.of(names));
    }

    public int size() {
        return names.size();
    }

    /** Index of a feature, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /** For each of this schema's names, its index in {@code other}, or -1 when {@code other} lacks it. */
    public int[] indicesIn(FeatureSchema other) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < other.names.size(); i++) {
            positions.put(other.names.get(i), i);
        }
        int[] indices = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            indices[i] = positions.getOrDefault(names.get(i), -1);
        }
        return indices;
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
