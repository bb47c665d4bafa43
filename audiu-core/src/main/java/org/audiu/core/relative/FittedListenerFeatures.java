package org.audiu.core.relative;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.audiu.core.FeatureSchema;
import org.audiu.core.Track;
import org.audiu.core.spi.ListenerFeature;

/**
 * The listener-relative features fitted to one listener: the model's schema (base features, then the listener
 * columns) and how to extend a base row. Immutable and thread-safe.
 */
public final class FittedListenerFeatures {
    private final FeatureSchema baseSchema;
    private final FeatureSchema schema;
    private final List<ListenerFeature.Fitted> fitted;
    private final int[] offsets;
    private final List<String> used;
    private final List<String> skipped;

    FittedListenerFeatures(FeatureSchema baseSchema, List<ListenerFeature.Fitted> fitted, List<List<String>> columns,
                           List<String> used, List<String> skipped) {
        this.baseSchema = Objects.requireNonNull(baseSchema, "baseSchema");
        this.fitted = List.copyOf(fitted);
        this.used = List.copyOf(used);
        this.skipped = List.copyOf(skipped);
        List<String> names = new ArrayList<>(baseSchema.names());
        this.offsets = new int[fitted.size()];
        for (int i = 0; i < fitted.size(); i++) {
            offsets[i] = names.size();
            names.addAll(columns.get(i));
        }
        this.schema = new FeatureSchema(names);
    }

    /** No listener-relative features: rows stay as they are. */
    public static FittedListenerFeatures none(FeatureSchema baseSchema) {
        return new FittedListenerFeatures(baseSchema, List.of(), List.of(), List.of(), List.of());
    }

    /** The schema the model is trained and scored in: the base features, then the listener columns. */
    public FeatureSchema schema() {
        return schema;
    }

    public FeatureSchema baseSchema() {
        return baseSchema;
    }

    /** Names of the features in use for this listener. */
    public List<String> used() {
        return used;
    }

    /** Names of the configured features left out for this listener (no data), with the reason. */
    public List<String> skipped() {
        return skipped;
    }

    /**
     * The model row of a track: its base row followed by the listener columns.
     *
     * @param inLibrary the track is one of the listener's (a training row), left out of its own statistics
     */
    public double[] extend(Track track, double[] baseRow, boolean inLibrary) {
        if (baseRow.length != baseSchema.size()) {
            throw new IllegalArgumentException("Row of " + track.id() + " has " + baseRow.length
                    + " values, the base schema " + baseSchema + " has " + baseSchema.size());
        }
        if (fitted.isEmpty()) {
            return baseRow;
        }
        double[] out = new double[schema.size()];
        System.arraycopy(baseRow, 0, out, 0, baseRow.length);
        for (int i = 0; i < fitted.size(); i++) {
            fitted.get(i).compute(track, baseRow, inLibrary, out, offsets[i]);
        }
        return out;
    }
}
