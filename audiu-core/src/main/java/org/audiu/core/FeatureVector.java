package org.audiu.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Values for a {@link FeatureSchema}; {@code NaN} marks a missing value (imputed later by the model's
 * preprocessing, reported when a whole column is missing). Immutable: the array is copied in and out.
 */
public final class FeatureVector {
    private final FeatureSchema schema;
    private final double[] values;

    public FeatureVector(FeatureSchema schema, double[] values) {
        this.schema = Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(values, "values");
        if (values.length != schema.size()) {
            throw new IllegalArgumentException("Feature vector has " + values.length + " values but schema "
                    + schema + " has " + schema.size());
        }
        this.values = values.clone();
    }

    public FeatureSchema schema() {
        return schema;
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    public double get(int index) {
        return values[index];
    }

    /** The value of a named feature; NaN when missing or not in the schema. */
    public double get(String name) {
        int i = schema.indexOf(name);
        return i < 0 ? Double.NaN : values[i];
    }

    public boolean isMissing(int index) {
        return Double.isNaN(values[index]);
    }

    /** Copies this vector's values into {@code target} laid out by {@code targetSchema}; absent names become NaN. */
    public double[] project(FeatureSchema targetSchema) {
        if (targetSchema.equals(schema)) {
            return values.clone();
        }
        int[] idx = targetSchema.indicesIn(schema);
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i] < 0 ? Double.NaN : values[idx[i]];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && schema.equals(other.schema) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FeatureVector{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(schema.names().get(i)).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
