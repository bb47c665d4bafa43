package org.audiu.models.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelFileException;

/**
 * Fitted preprocessing: turns a raw row in the data's {@link FeatureSchema} (NaN = missing) into the row a model
 * learns from. Output layout: the non-categorical features in schema order (imputed, optionally log-transformed and
 * standardised), then the one-hot columns of each categorical feature, then missing-value indicators. Immutable and
 * thread-safe; saved with the model as properties so prediction applies exactly what training learnt.
 */
public final class FeaturePipeline {
    private static final int MAX_CATEGORIES = 64;
    static final int LOG_NONE = 0;
    static final int LOG1P = 1;
    static final int SIGNED_LOG = 2;

    private final FeatureSchema input;
    private final String impute;
    private final double[] fill;
    private final int[] logMode;
    private final boolean standardise;
    private final int[] numeric;
    private final double[] means;
    private final double[] stds;
    private final int[] oneHot;
    private final double[][] categories;
    private final int[] indicators;
    private final FeatureSchema output;

    FeaturePipeline(FeatureSchema input, String impute, double[] fill, int[] logMode, boolean standardise,
                    int[] numeric, double[] means, double[] stds, int[] oneHot, double[][] categories,
                    int[] indicators) {
        this.input = Objects.requireNonNull(input, "input");
        this.impute = impute;
        this.fill = fill.clone();
        this.logMode = logMode.clone();
        this.standardise = standardise;
        this.numeric = numeric.clone();
        this.means = means.clone();
        this.stds = stds.clone();
        this.oneHot = oneHot.clone();
        this.categories = Arrays.stream(categories).map(double[]::clone).toArray(double[][]::new);
        this.indicators = indicators.clone();
        List<String> names = new ArrayList<>();
        for (int j : numeric) {
            names.add(input.names().get(j));
        }
        for (int k = 0; k < oneHot.length; k++) {
            for (double c : categories[k]) {
                names.add(input.names().get(oneHot[k]) + "=" + formatCategory(c));
            }
        }
        for (int j : indicators) {
            names.add(input.names().get(j) + ":missing");
        }
        this.output = new FeatureSchema(names);
    }

    /**
     * Learns the statistics from training rows.
     *
     * @throws DataException when a feature is missing in every row or infinite, a listed feature is not in the
     *                       schema, or a one-hot feature has too many distinct values
     */
    public static FeaturePipeline fit(FeatureSchema schema, double[][] rows, PreprocessingOptions options) {
        int d = schema.size();
        double[] fill = new double[d];
        boolean[] hasMissing = new boolean[d];
        List<String> allMissing = new ArrayList<>();
        double[][] present = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] column = new double[rows.length];
            int n = 0;
            for (double[] row : rows) {
                double v = row[j];
                if (Double.isNaN(v)) {
                    hasMissing[j] = true;
                } else if (Double.isInfinite(v)) {
                    throw new DataException("Feature '" + schema.names().get(j) + "' has an infinite value; fix the "
                            + "data or leave the feature out.");
                } else {
                    column[n++] = v;
                }
            }
            if (n == 0) {
                allMissing.add(schema.names().get(j));
                continue;
            }
            present[j] = Arrays.copyOf(column, n);
            Arrays.sort(present[j]);
            fill[j] = options.impute().equals("mean") ? Arrays.stream(present[j]).average().orElse(0)
                    : median(present[j]);
        }
        if (!allMissing.isEmpty()) {
            throw new DataException("Feature" + (allMissing.size() > 1 ? "s " : " ") + allMissing + " missing (NaN) in"
                    + " all " + rows.length + " training rows. Leave " + (allMissing.size() > 1 ? "them" : "it")
                    + " out of the feature columns or fix the data.");
        }
        List<Integer> oneHotList = resolveOneHot(schema, options.oneHot(), present);
        int[] logMode = new int[d];
        List<Integer> numericList = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            if (!oneHotList.contains(j)) {
                numericList.add(j);
            }
        }
        if (options.log().equals(PreprocessingOptions.AUTO)) {
            for (int j : numericList) {
                if (present[j][0] >= 0 && skewness(present[j]) > 1.0) {
                    logMode[j] = LOG1P;
                }
            }
        } else {
            for (String name : options.log()) {
                int j = requireFeature(schema, name, "log");
                logMode[j] = present[j][0] >= 0 ? LOG1P : SIGNED_LOG;
            }
        }
        int[] numeric = numericList.stream().mapToInt(Integer::intValue).toArray();
        double[] means = new double[numeric.length];
        double[] stds = new double[numeric.length];
        Arrays.fill(stds, 1.0);
        if (options.standardise()) {
            for (int k = 0; k < numeric.length; k++) {
                int j = numeric[k];
                double sum = 0;
                for (double[] row : rows) {
                    sum += transform(impute(row[j], fill[j]), logMode[j]);
                }
                means[k] = sum / rows.length;
                double ss = 0;
                for (double[] row : rows) {
                    double dv = transform(impute(row[j], fill[j]), logMode[j]) - means[k];
                    ss += dv * dv;
                }
                double sd = Math.sqrt(ss / rows.length);
                stds[k] = sd > 1e-12 ? sd : 1.0;
            }
        }
        int[] oneHot = oneHotList.stream().mapToInt(Integer::intValue).toArray();
        double[][] categories = new double[oneHot.length][];
        for (int k = 0; k < oneHot.length; k++) {
            TreeSet<Double> distinct = new TreeSet<>();
            for (double v : present[oneHot[k]]) {
                distinct.add((double) Math.round(v));
            }
            categories[k] = distinct.stream().mapToDouble(Double::doubleValue).toArray();
        }
        int[] indicators = options.missingIndicators()
                ? java.util.stream.IntStream.range(0, d).filter(j -> hasMissing[j]).toArray() : new int[0];
        return new FeaturePipeline(schema, options.impute(), fill, logMode, options.standardise(), numeric, means,
                stds, oneHot, categories, indicators);
    }

    private static List<Integer> resolveOneHot(FeatureSchema schema, List<String> names, double[][] present) {
        List<Integer> out = new ArrayList<>();
        if (names.equals(PreprocessingOptions.AUTO)) {
            int key = schema.indexOf("key");
            if (key >= 0 && distinctRounded(present[key]) <= 12) {
                out.add(key);
            }
            return out;
        }
        for (String name : names) {
            int j = requireFeature(schema, name, "one-hot");
            int distinct = distinctRounded(present[j]);
            if (distinct > MAX_CATEGORIES) {
                throw new DataException("Feature '" + name + "' has " + distinct + " distinct values; one-hot "
                        + "encoding is for small categorical features (at most " + MAX_CATEGORIES + "). Remove it from"
                        + " 'one-hot'.");
            }
            out.add(j);
        }
        return out;
    }

    private static int distinctRounded(double[] sorted) {
        return (int) Arrays.stream(sorted).map(Math::round).distinct().limit(MAX_CATEGORIES + 1).count();
    }

    private static int requireFeature(FeatureSchema schema, String name, String key) {
        int j = schema.indexOf(name);
        if (j < 0) {
            throw new DataException("'" + key + "' names the feature '" + name + "', which is not among the data's "
                    + "features " + schema + ".");
        }
        return j;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double skewness(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double dv = v - mean;
            m2 += dv * dv;
            m3 += dv * dv * dv;
        }
        m2 /= values.length;
        m3 /= values.length;
        return m2 <= 1e-24 ? 0 : m3 / Math.pow(m2, 1.5);
    }

    private static double impute(double v, double fill) {
        return Double.isNaN(v) ? fill : v;
    }

    private static double transform(double v, int mode) {
        return switch (mode) {
            case LOG1P -> Math.log1p(Math.max(0, v));
            case SIGNED_LOG -> Math.signum(v) * Math.log1p(Math.abs(v));
            default -> v;
        };
    }

    /** The raw features this pipeline reads. */
    public FeatureSchema inputSchema() {
        return input;
    }

    /** The columns it produces. */
    public FeatureSchema outputSchema() {
        return output;
    }

    /**
     * Transforms one raw row.
     *
     * @throws DataException when the row does not have the input schema's width
     */
    public double[] apply(double[] row) {
        if (row.length != input.size()) {
            throw new DataException("Row has " + row.length + " features, the model expects " + input.size() + " "
                    + input);
        }
        double[] out = new double[output.size()];
        int o = 0;
        for (int k = 0; k < numeric.length; k++) {
            int j = numeric[k];
            double v = transform(impute(row[j], fill[j]), logMode[j]);
            out[o++] = standardise ? (v - means[k]) / stds[k] : v;
        }
        for (int k = 0; k < oneHot.length; k++) {
            double v = Math.round(impute(row[oneHot[k]], fill[oneHot[k]]));
            for (double c : categories[k]) {
                out[o++] = v == c ? 1 : 0;
            }
        }
        for (int j : indicators) {
            out[o++] = Double.isNaN(row[j]) ? 1 : 0;
        }
        return out;
    }

    /** Transforms every row. */
    public double[][] applyAll(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }

    /** A one-line description for provenance and listings. */
    public String describe() {
        List<String> steps = new ArrayList<>();
        steps.add("impute missing with training " + impute);
        List<String> logged = new ArrayList<>();
        for (int j = 0; j < logMode.length; j++) {
            if (logMode[j] != LOG_NONE) {
                logged.add(input.names().get(j));
            }
        }
        if (!logged.isEmpty()) {
            steps.add("log1p " + logged);
        }
        if (oneHot.length > 0) {
            steps.add("one-hot " + Arrays.stream(oneHot).mapToObj(j -> input.names().get(j)).toList());
        }
        if (indicators.length > 0) {
            steps.add("missing indicators " + Arrays.stream(indicators).mapToObj(j -> input.names().get(j)).toList());
        }
        if (standardise) {
            steps.add("standardise (z-score)");
        }
        return String.join("; ", steps);
    }

    /** Writes the fitted statistics under {@code prefix}. */
    public void write(Properties p, String prefix) {
        p.setProperty(prefix + "impute", impute);
        p.setProperty(prefix + "fill", join(fill));
        p.setProperty(prefix + "log", Arrays.stream(logMode).mapToObj(Integer::toString)
                .collect(Collectors.joining(",")));
        p.setProperty(prefix + "standardise", Boolean.toString(standardise));
        p.setProperty(prefix + "numeric", ints(numeric));
        p.setProperty(prefix + "means", join(means));
        p.setProperty(prefix + "stds", join(stds));
        p.setProperty(prefix + "one-hot", ints(oneHot));
        for (int k = 0; k < oneHot.length; k++) {
            p.setProperty(prefix + "one-hot." + k, join(categories[k]));
        }
        p.setProperty(prefix + "indicators", ints(indicators));
        p.setProperty(prefix + "description", describe());
    }

    /**
     * Reads statistics written by {@link #write}.
     *
     * @throws ModelFileException when a value is missing or malformed
     */
    public static FeaturePipeline read(Properties p, String prefix, FeatureSchema input) {
        int d = input.size();
        String impute = require(p, prefix + "impute");
        double[] fill = doubles(p, prefix + "fill", d);
        int[] logMode = intsOf(p, prefix + "log", d, 0, 2);
        boolean standardise = Boolean.parseBoolean(require(p, prefix + "standardise"));
        int[] numeric = intsOf(p, prefix + "numeric", -1, 0, d - 1);
        double[] means = doubles(p, prefix + "means", numeric.length);
        double[] stds = doubles(p, prefix + "stds", numeric.length);
        int[] oneHot = intsOf(p, prefix + "one-hot", -1, 0, d - 1);
        double[][] categories = new double[oneHot.length][];
        for (int k = 0; k < oneHot.length; k++) {
            categories[k] = doubles(p, prefix + "one-hot." + k, -1);
        }
        int[] indicators = intsOf(p, prefix + "indicators", -1, 0, d - 1);
        if (numeric.length + oneHot.length != d) {
            throw new ModelFileException("Preprocessing entry '" + prefix + "numeric' does not cover the " + d
                    + " features");
        }
        try {
            return new FeaturePipeline(input, impute, fill, logMode, standardise, numeric, means, stds, oneHot,
                    categories, indicators);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("Inconsistent preprocessing entries: " + e.getMessage(), e);
        }
    }

    private static String require(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new ModelFileException("Missing preprocessing entry '" + key + "'");
        }
        return v;
    }

    private static double[] doubles(Properties p, String key, int expected) {
        String v = require(p, key);
        double[] out;
        try {
            out = v.isEmpty() ? new double[0] : Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new ModelFileException("Malformed preprocessing entry '" + key + "': " + e.getMessage(), e);
        }
        if (expected >= 0 && out.length != expected) {
            throw new ModelFileException("Preprocessing entry '" + key + "' has " + out.length + " values, expected "
                    + expected);
        }
        return out;
    }

    private static int[] intsOf(Properties p, String key, int expected, int min, int max) {
        double[] values = doubles(p, key, expected);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < min || values[i] > max) {
                throw new ModelFileException("Preprocessing entry '" + key + "' has the value " + values[i]
                        + " outside " + min + ".." + max);
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static String ints(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static String formatCategory(double c) {
        return c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c);
    }
}
