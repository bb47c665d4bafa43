package org.audiu.models;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.spi.training.ModelProvenance;

/**
 * Provenance as model-file metadata: {@code trainer}, {@code parameter.*}, {@code seed}, {@code training.rows},
 * {@code schema.N}, {@code label.N}, {@code preprocessing}, {@code version.*}, {@code trained.at}. Human-readable.
 */
public final class ModelMetadata {
    private ModelMetadata() {
    }

    public static void write(ModelProvenance p, Properties out) {
        out.setProperty("trainer", p.trainer());
        new TreeMap<>(p.parameters()).forEach((k, v) -> out.setProperty("parameter." + k, v));
        out.setProperty("seed", Long.toString(p.seed()));
        out.setProperty("training.rows", Integer.toString(p.trainingRows()));
        ModelArchive.putList(out, "schema", p.schema().names());
        ModelArchive.putList(out, "label", p.labels());
        out.setProperty("preprocessing", p.preprocessing());
        new TreeMap<>(p.libraryVersions()).forEach((k, v) -> out.setProperty("version." + k, v));
        out.setProperty("trained.at", p.trainedAt().toString());
    }

    /**
     * Reads provenance written by {@link #write}.
     *
     * @throws ModelFileException naming the missing or malformed key
     */
    public static ModelProvenance read(ModelArchive a) {
        Properties m = a.meta();
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(m.stringPropertyNames())) {
            if (key.startsWith("parameter.")) {
                parameters.put(key.substring("parameter.".length()), m.getProperty(key));
            } else if (key.startsWith("version.")) {
                versions.put(key.substring("version.".length()), m.getProperty(key));
            }
        }
        long seed;
        try {
            seed = Long.parseLong(a.require("seed").trim());
        } catch (NumberFormatException e) {
            throw a.corrupt("its seed is not a number", e);
        }
        int rows = a.requireInt("training.rows", 0, Integer.MAX_VALUE);
        List<String> schema = a.requireList("schema");
        List<String> labels = a.requireList("label");
        Instant trainedAt;
        try {
            trainedAt = Instant.parse(a.require("trained.at").trim());
        } catch (DateTimeParseException e) {
            throw a.corrupt("its trained.at is not a timestamp", e);
        }
        try {
            return new ModelProvenance(a.require("trainer"), parameters, seed, rows, new FeatureSchema(schema),
                    labels, m.getProperty("preprocessing", ""), versions, trainedAt);
        } catch (IllegalArgumentException e) {
            throw a.corrupt(e.getMessage(), e);
        }
    }

    /** Versions of the libraries every audiU model uses. */
    public static Map<String, String> baseVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("audiu", ModelProvenance.versionOf(ModelMetadata.class));
        v.put("java", System.getProperty("java.version"));
        return v;
    }
}
