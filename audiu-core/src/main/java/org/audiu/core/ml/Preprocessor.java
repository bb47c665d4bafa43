package org.audiu.core.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;

/**
 * Column statistics fitted on training rows: missing values (NaN) are imputed with the training median, and values
 * are optionally standardised with the training mean and standard deviation. Immutable; saved with models so
 * prediction applies exactly what training saw.
 */
public final class Preprocessor {
    private final FeatureSchema schema;
    private final double[] medians;
    private final double[] means;
    private final double[] stds;
    private final boolean standardise;

    public Preprocessor(FeatureSchema schema, double[] medians, double[] means, double[] stds, boolean standardise) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.medians = medians.clone();
        this.means = means.clone();
        this.stds = stds.clone();
        this.standardise = standardise;
        if (medians.length != schema.size() || means.length != schema.size() || stds.length != schema.size()) {
            throw new IllegalArgumentException("Preprocessor statistics do not match schema " + schema);
        }
    }

    /**
     * Fits the statistics.
     *
     * @throws DataException when a feature is missing (NaN) in every row, naming the feature
     */
    public static Preprocessor fit(FeatureSchema schema, double[][] rows, boolean standardise) {
        int d = schema.size();
        double[] medians = new double[d];
        double[] means = new double[d];
        double[] stds = new double[d];
        List<String> allMissing = new ArrayList<>();
        double[] column = new double[rows.length];
        for (int j = 0; j < d; j++) {
            int n = 0;
            double sum = 0;
            for (double[] row : rows) {
                double v = row[j];
                if (!Double.isNaN(v)) {
                    if (Double.isInfinite(v)) {
                        throw new DataException("Feature '" + schema.names().get(j) + "' has an infinite value;"
                                + " fix the data source or drop the feature from 'features.columns'.");
                    }
                    column[n++] = v;
                    sum += v;
                }
            }
            if (n == 0) {
                allMissing.add(schema.names().get(j));
                continue;
            }
            double[] present = Arrays.copyOf(column, n);
            Arrays.sort(present);
            medians[j] = n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
            means[j] = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double dv = present[i] - means[j];
                ss += dv * dv;
            }
            double sd = Math.sqrt(ss / n);
            stds[j] = sd > 1e-12 ? sd : 1.0;
        }
        if (!allMissing.isEmpty()) {
            throw new DataException("Feature" + (allMissing.size() > 1 ? "s " : " ") + allMissing
                    + " missing (NaN) in all " + rows.length + " training rows: no provider or dataset column "
                    + "supplied " + (allMissing.size() > 1 ? "them" : "it") + ". Remove "
                    + (allMissing.size() > 1 ? "them" : "it") + " from 'features.columns' or fix the data.");
        }
        return new Preprocessor(schema, medians, means, stds, standardise);
    }

    public FeatureSchema schema() { return schema; }
    public boolean standardises() { return standardise; }
    public double[] medians() { return medians.clone(); }
    public double[] means() { return means.clone(); }
    public double[] stds() { return stds.clone(); }

    /** Imputes and (optionally) standardises one row into a new array. */
    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        applyInto(row, out);
        return out;
    }

    /** Imputes and (optionally) standardises {@code row} into {@code out}. */
    public void applyInto(double[] row, double[] out) {
        if (row.length != medians.length) {
            throw new DataException("Row has " + row.length + " features, the model expects " + medians.length
                    + " " + schema);
        }
        for (int j = 0; j < row.length; j++) {
            double v = Double.isNaN(row[j]) ? medians[j] : row[j];
            out[j] = standardise ? (v - means[j]) / stds[j] : v;
        }
    }

    /** Applies to every row. */
    public double[][] applyAll(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }

    /** A short description for provenance. */
    public String describe() {
        return "impute NaN with training median" + (standardise ? "; standardise (z-score)" : "");
    }
}
