package org.audiu.models.prep;

import java.util.List;
import java.util.Objects;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.training.LabelledData;

/**
 * What preprocessing a trainer applies before learning; every trainer reads the same keys (with its own defaults):
 * <ul>
 *   <li>{@code impute} = {@code median} | {@code mean}: value for missing (NaN) features, learnt on training rows;</li>
 *   <li>{@code missing-indicators} = true: add a 0/1 column per feature that had missing training values;</li>
 *   <li>{@code log} = {@code auto} | {@code none} | a list of features: {@code log1p} of skewed non-negative
 *       features ({@code auto}: skewness above 1 on the training rows; listed features with negative values use
 *       {@code sign(x)·log1p(|x|)});</li>
 *   <li>{@code one-hot} = {@code auto} | {@code none} | a list of features: replace a small-integer feature by
 *       0/1 columns ({@code auto}: {@code key}, the one categorical audio feature where a linear model gains);</li>
 *   <li>{@code standardise} = true: z-scores with the training mean and standard deviation;</li>
 *   <li>{@code class-weight} = {@code none} | {@code balanced} | {@code sqrt}: scale example weights so every
 *       class weighs the same in total ({@code balanced}: favours macro-F1 over accuracy on imbalanced labels), or
 *       by the square root of those factors ({@code sqrt}: halfway, which often keeps accuracy and gains
 *       macro-F1).</li>
 * </ul>
 * Trees are indifferent to monotone transforms and scale, so tree trainers default to imputation only; linear
 * models and the neural net default to {@code log = auto}, {@code one-hot = auto}, {@code standardise = true}.
 *
 * @param impute            "median" or "mean"
 * @param missingIndicators add missing-value indicator columns
 * @param log               "auto", "none" or feature names
 * @param oneHot            "auto", "none" or feature names
 * @param standardise       z-score the columns
 * @param classWeight       "none", "balanced" or "sqrt"
 */
public record PreprocessingOptions(String impute, boolean missingIndicators, List<String> log, List<String> oneHot,
                                   boolean standardise, String classWeight) {
    public static final List<String> AUTO = List.of("auto");
    public static final List<String> NONE = List.of();

    public PreprocessingOptions {
        Objects.requireNonNull(impute, "impute");
        Objects.requireNonNull(classWeight, "classWeight");
        log = List.copyOf(log);
        oneHot = List.copyOf(oneHot);
    }

    /** Imputation only: the default of tree models. */
    public static PreprocessingOptions forTrees() {
        return new PreprocessingOptions("median", false, NONE, NONE, false, "none");
    }

    /** Log of skewed features, one-hot key, standardised: the default of linear models and neural nets. */
    public static PreprocessingOptions forLinear() {
        return new PreprocessingOptions("median", false, AUTO, AUTO, true, "none");
    }

    /**
     * Reads the preprocessing keys with {@code defaults} for absent ones; {@code c} records them, defaults included,
     * for the trainer's provenance ({@link ComponentConfig#effectiveParameters()}).
     */
    public static PreprocessingOptions from(ComponentConfig c, PreprocessingOptions defaults) {
        String impute = c.getChoice("impute", defaults.impute(), List.of("median", "mean"));
        boolean indicators = c.getBoolean("missing-indicators", defaults.missingIndicators());
        List<String> log = list(c.getList("log", defaults.log().isEmpty() ? List.of("none") : defaults.log()));
        List<String> oneHot = list(c.getList("one-hot", defaults.oneHot().isEmpty() ? List.of("none")
                : defaults.oneHot()));
        boolean standardise = c.getBoolean("standardise", defaults.standardise());
        String classWeight = c.getChoice("class-weight", defaults.classWeight(), ClassWeights.MODES);
        return new PreprocessingOptions(impute, indicators, log, oneHot, standardise, classWeight);
    }

    private static List<String> list(List<String> values) {
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("none")) {
            return NONE;
        }
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("auto")) {
            return AUTO;
        }
        return values;
    }

    /** The training rows with this option's class weights applied (see {@link ClassWeights}). */
    public LabelledData weigh(LabelledData data) {
        return ClassWeights.apply(data, classWeight);
    }
}
