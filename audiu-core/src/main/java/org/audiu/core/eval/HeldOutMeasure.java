package org.audiu.core.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.audiu.core.config.ConfigException;

/** The held-out measure a comparison ranks trainers by. */
public enum HeldOutMeasure {
    ACCURACY("accuracy"),
    MACRO_F1("macro-f1");

    private final String cliName;

    HeldOutMeasure(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line: {@code accuracy} or {@code macro-f1}. */
    public String cliName() {
        return cliName;
    }

    /** The mean of this measure over a result's runs. */
    public double of(EvaluationResult result) {
        return this == ACCURACY ? result.meanAccuracy() : result.meanMacroF1();
    }

    /** Best first. */
    public Comparator<EvaluationResult> bestFirst() {
        return Comparator.comparingDouble(this::of).reversed();
    }

    /**
     * Parses {@code accuracy} or {@code macro-f1} (also {@code macro_f1}, {@code macrof1}; any case).
     *
     * @throws ConfigException naming the accepted values
     */
    public static HeldOutMeasure parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (HeldOutMeasure m : values()) {
            if (m.cliName.equals(t) || m.cliName.replace("-", "").equals(t)) {
                return m;
            }
        }
        throw new ConfigException("--by must be one of " + Arrays.stream(values()).map(HeldOutMeasure::cliName)
                .toList() + " (the held-out measure to pick the best model by), got '" + text + "'");
    }
}
