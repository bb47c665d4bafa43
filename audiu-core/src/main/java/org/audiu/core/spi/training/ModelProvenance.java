package org.audiu.core.spi.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.audiu.core.FeatureSchema;

/**
 * How a model was made: which trainer with which parameters and seed, on how much data, with which features,
 * preprocessing and library versions. Saved with the model.
 */
public record ModelProvenance(String trainer, Map<String, String> parameters, long seed, int trainingRows,
                              FeatureSchema schema, List<String> labels, String preprocessing,
                              Map<String, String> libraryVersions, Instant trainedAt) {
    public ModelProvenance {
        Objects.requireNonNull(trainer, "trainer");
        parameters = Map.copyOf(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
        Objects.requireNonNull(schema, "schema");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        preprocessing = preprocessing == null ? "" : preprocessing;
        libraryVersions = Map.copyOf(Objects.requireNonNull(libraryVersions, "libraryVersions"));
        Objects.requireNonNull(trainedAt, "trainedAt");
    }

    /** The version of the jar that holds {@code type}, or "unknown" (for provenance records). */
    public static String versionOf(Class<?> type) {
        Package p = type.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
