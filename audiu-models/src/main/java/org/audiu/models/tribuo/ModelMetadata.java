package org.audiu.models.tribuo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.audiu.core.ml.ModelProvenance;
import org.audiu.core.ml.Preprocessor;

/** Writes a model's provenance and preprocessing statistics as a properties file (human-readable, safe to load). */
public final class ModelMetadata {
    public static final String FORMAT_VERSION = "1";

    private ModelMetadata() {
    }

    public static void write(ModelProvenance p, Preprocessor pre, OutputStream out) throws IOException {
        Properties props = new Properties();
        props.setProperty("format.version", FORMAT_VERSION);
        props.setProperty("trainer", p.trainer());
        new TreeMap<>(p.parameters()).forEach((k, v) -> props.setProperty("parameter." + k, v));
        props.setProperty("seed", Long.toString(p.seed()));
        props.setProperty("training.rows", Integer.toString(p.trainingRows()));
        props.setProperty("schema", String.join(",", p.schema().names()));
        props.setProperty("labels", String.join("\u001f", p.labels()));
        props.setProperty("preprocessing", p.preprocessing());
        p.libraryVersions().forEach((k, v) -> props.setProperty("version." + k, v));
        props.setProperty("trained.at", p.trainedAt().toString());
        props.setProperty("preprocessing.standardise", Boolean.toString(pre.standardises()));
        props.setProperty("preprocessing.medians", join(pre.medians()));
        props.setProperty("preprocessing.means", join(pre.means()));
        props.setProperty("preprocessing.stds", join(pre.stds()));
        StringBuilder sb = new StringBuilder();
        try (java.io.StringWriter w = new java.io.StringWriter()) {
            props.store(w, "audiU model metadata");
            sb.append(w);
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }
}
