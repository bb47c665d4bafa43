package org.audiu.models.prep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;

/**
 * Re-weights training rows by class: {@code balanced} multiplies a class's weights by {@code W / (k * W_c)} (every
 * class then sums to {@code W / k}), {@code sqrt} by the square root of that factor (halfway), {@code none} leaves
 * them.
 */
public final class ClassWeights {
    public static final List<String> MODES = List.of("none", "balanced", "sqrt");

    private ClassWeights() {
    }

    public static LabelledData apply(LabelledData data, String mode) {
        if (mode.equals("none")) {
            return data;
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown class weighting '" + mode + "', expected one of " + MODES);
        }
        Map<String, Double> totals = new HashMap<>();
        double all = 0;
        for (LabelledExample e : data.examples()) {
            totals.merge(e.label(), e.weight(), Double::sum);
            all += e.weight();
        }
        double perClass = all / totals.size();
        boolean sqrt = mode.equals("sqrt");
        List<LabelledExample> out = new ArrayList<>(data.size());
        for (LabelledExample e : data.examples()) {
            double factor = perClass / totals.get(e.label());
            out.add(new LabelledExample(e.id(), e.features(), e.label(),
                    e.weight() * (sqrt ? Math.sqrt(factor) : factor), e.group()));
        }
        return new LabelledData(data.schema(), out);
    }
}
