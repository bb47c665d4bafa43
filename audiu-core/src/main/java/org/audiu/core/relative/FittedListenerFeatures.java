package org.audiu.core.relative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.audiu.core.FeatureSchema;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.TrackKeys;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * The listener-relative features fitted to one listener: the model's schema (base features, then the listener
 * columns) and how to extend a base row. Immutable and thread-safe.
 */
public final class FittedListenerFeatures {
    private final FeatureSchema baseSchema;
    /** Every column the fitted features compute: the base features, then each feature's columns. */
    private final FeatureSchema computed;
    /** The columns kept, as positions in {@code computed}; null when all are kept. */
    private final int[] kept;
    private final FeatureSchema schema;
    private final List<ListenerFeature.Fitted> fitted;
    private final List<List<String>> columns;
    private final int[] offsets;
    private final List<String> used;
    private final List<String> skipped;
    private final List<String> dropped;

    FittedListenerFeatures(FeatureSchema baseSchema, List<ListenerFeature.Fitted> fitted, List<List<String>> columns,
                           List<String> used, List<String> skipped) {
        this.baseSchema = Objects.requireNonNull(baseSchema, "baseSchema");
        this.fitted = List.copyOf(fitted);
        this.columns = columns.stream().map(List::copyOf).toList();
        this.used = List.copyOf(used);
        this.skipped = List.copyOf(skipped);
        if (used.size() != fitted.size() || columns.size() != fitted.size()) {
            throw new IllegalArgumentException(fitted.size() + " fitted features but " + used.size() + " names and "
                    + columns.size() + " column lists");
        }
        List<String> names = new ArrayList<>(baseSchema.names());
        this.offsets = new int[fitted.size()];
        for (int i = 0; i < fitted.size(); i++) {
            offsets[i] = names.size();
            names.addAll(columns.get(i));
        }
        this.computed = new FeatureSchema(names);
        this.schema = computed;
        this.kept = null;
        this.dropped = List.of();
    }

    private FittedListenerFeatures(FittedListenerFeatures all, List<String> dropped) {
        this.baseSchema = all.baseSchema;
        this.computed = all.computed;
        this.fitted = all.fitted;
        this.columns = all.columns;
        this.offsets = all.offsets;
        this.used = all.used;
        this.skipped = all.skipped;
        this.dropped = List.copyOf(dropped);
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int j = 0; j < computed.size(); j++) {
            String name = computed.names().get(j);
            if (j < baseSchema.size() || !dropped.contains(name)) {
                names.add(name);
                positions.add(j);
            }
        }
        this.schema = new FeatureSchema(names);
        this.kept = positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /** No listener-relative features: rows stay as they are. */
    public static FittedListenerFeatures none(FeatureSchema baseSchema) {
        return new FittedListenerFeatures(baseSchema, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Rebuilds fitted features from their parts (a saved trained recommender): the fitted features with the names
     * and columns they were configured with, the features skipped for this listener and the columns dropped.
     */
    public static FittedListenerFeatures restore(FeatureSchema baseSchema, List<ListenerFeature.Fitted> fitted,
                                                 List<String> names, List<List<String>> columns,
                                                 List<String> skipped, List<String> droppedColumns) {
        return new FittedListenerFeatures(baseSchema, fitted, columns, names, skipped).withoutColumns(droppedColumns);
    }

    /** The fitted features, in column order (their names are {@link #used()}). */
    public List<ListenerFeature.Fitted> fitted() {
        return fitted;
    }

    /** The columns of each fitted feature, in the order of {@link #fitted()}. */
    public List<List<String>> columnsOfFitted() {
        return columns;
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

    /** Names of the configured features left out for this listener (no data). */
    public List<String> skipped() {
        return skipped;
    }

    /** Listener columns left out because they cannot rank this pool ({@link #withoutColumns}). */
    public List<String> droppedColumns() {
        return dropped;
    }

    /** The listener columns (not the base features), in schema order, before any were dropped. */
    public List<String> listenerColumns() {
        return computed.names().subList(baseSchema.size(), computed.size());
    }

    /**
     * The same features without some listener columns: the engine drops those that take one value for every
     * candidate of the pool, which cannot rank anything but would let a tree split on them alone.
     */
    public FittedListenerFeatures withoutColumns(List<String> columns) {
        if (columns.isEmpty() && dropped.isEmpty()) {
            return this;
        }
        for (String c : columns) {
            if (!listenerColumns().contains(c)) {
                throw new IllegalArgumentException("'" + c + "' is not a listener column: " + listenerColumns());
            }
        }
        return new FittedListenerFeatures(this, columns);
    }

    /**
     * An empty tally of each listener column's range over tracks whose base features are all missing: what the
     * engine checks over the candidate pool to drop the columns that take one value for every candidate.
     */
    public ColumnRanges columnRanges() {
        return new ColumnRanges();
    }

    /**
     * The smallest and largest value of each listener column ({@link #listenerColumns()}) over the tracks observed,
     * each computed as {@link #extendInto} computes it from a row of missing base features (NaN values are not
     * counted). A feature whose columns have all taken two different values is not computed again: none of them can
     * be constant any more, which is all {@link #constantColumns()} asks. Not thread-safe: one per pass.
     */
    public final class ColumnRanges {
        private final double[] nanRow = new double[baseSchema.size()];
        private final double[] all = new double[computed.size()];
        private final double[] min = new double[computed.size() - baseSchema.size()];
        private final double[] max = new double[min.length];
        private final boolean[] varied = new boolean[fitted.size()];

        private ColumnRanges() {
            Arrays.fill(nanRow, Double.NaN);
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        /** Tallies one track ({@code keys} as {@link #extendInto} takes them; null: the names are read). */
        public void observe(Track track, TrackKeys keys) {
            int base = baseSchema.size();
            for (int i = 0; i < fitted.size(); i++) {
                if (varied[i]) {
                    continue;
                }
                int from = offsets[i];
                int to = from + columns.get(i).size();
                Arrays.fill(all, from, to, 0.0);
                if (keys == null) {
                    fitted.get(i).compute(track, nanRow, false, all, from);
                } else {
                    fitted.get(i).compute(track, keys, nanRow, false, all, from);
                }
                boolean allVaried = true;
                for (int c = from; c < to; c++) {
                    double v = all[c];
                    int j = c - base;
                    if (!Double.isNaN(v)) {
                        min[j] = Math.min(min[j], v);
                        max[j] = Math.max(max[j], v);
                    }
                    allVaried &= min[j] < max[j];
                }
                varied[i] = allVaried;
            }
        }

        /** The listener columns that took one value for every track observed, in column order. */
        public List<String> constantColumns() {
            List<String> out = new ArrayList<>();
            List<String> names = listenerColumns();
            for (int j = 0; j < min.length; j++) {
                if (min[j] == max[j]) {
                    out.add(names.get(j));
                }
            }
            return out;
        }
    }

    /**
     * {@link #extend} into a row the caller reuses (the ranking pass keeps one per batch slot): {@code out} has
     * {@link #schema()}'s size; {@code scratch}, used only when some computed columns were dropped, has
     * {@link #computedSize()}'s. The values are exactly those {@link #extend} returns.
     */
    public void extendInto(Track track, double[] baseRow, boolean inLibrary, double[] scratch, double[] out) {
        extendInto(track, null, baseRow, inLibrary, scratch, out);
    }

    /**
     * {@link #extendInto(Track, double[], boolean, double[], double[])} with the track's {@link TrackKeys} (its
     * source computed them once), which the features that look names up use; null: none, the names are read.
     */
    public void extendInto(Track track, TrackKeys keys, double[] baseRow, boolean inLibrary, double[] scratch,
                           double[] out) {
        if (baseRow.length != baseSchema.size()) {
            throw new IllegalArgumentException("Row of " + track.id() + " has " + baseRow.length
                    + " values, the base schema " + baseSchema + " has " + baseSchema.size());
        }
        double[] all = kept == null ? out : scratch;
        System.arraycopy(baseRow, 0, all, 0, baseRow.length);
        // A fresh row is zeros: a feature that leaves a column unwritten sees the same here.
        Arrays.fill(all, baseRow.length, computed.size(), 0.0);
        for (int i = 0; i < fitted.size(); i++) {
            if (keys == null) {
                fitted.get(i).compute(track, baseRow, inLibrary, all, offsets[i]);
            } else {
                fitted.get(i).compute(track, keys, baseRow, inLibrary, all, offsets[i]);
            }
        }
        if (kept != null) {
            for (int j = 0; j < kept.length; j++) {
                out[j] = all[kept[j]];
            }
        }
    }

    /** Every column the fitted features compute, before any is dropped: the size of {@link #extendInto}'s scratch. */
    public int computedSize() {
        return computed.size();
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
        double[] out = new double[computed.size()];
        System.arraycopy(baseRow, 0, out, 0, baseRow.length);
        for (int i = 0; i < fitted.size(); i++) {
            fitted.get(i).compute(track, baseRow, inLibrary, out, offsets[i]);
        }
        if (kept == null) {
            return out;
        }
        double[] selected = new double[kept.length];
        for (int j = 0; j < kept.length; j++) {
            selected[j] = out[kept[j]];
        }
        return selected;
    }
}
