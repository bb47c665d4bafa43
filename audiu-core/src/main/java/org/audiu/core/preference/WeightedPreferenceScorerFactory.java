package org.audiu.core.preference;

import java.util.LinkedHashMap;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.preference.PreferenceSignal;
import org.audiu.core.spi.preference.PreferenceSignalFactory;

/**
 * {@code scorer = weighted}: weights under {@code scorer.weights.<signal>} (any registered signal), signal parameters
 * under {@code scorer.signals.<signal>.<key>}. Without weights: popularity 0.1, frequency 0.3, top-artists 0.2,
 * top-tracks 0.2, recency 0.2, and from a listening history play-count 0.3, listening-time 0.1, completion 0.2,
 * skip-rate 0.2, play-recency 0.1, repeat-days 0.2 (signals without data drop out and the rest renormalise).
 */
public final class WeightedPreferenceScorerFactory implements PreferenceScorerFactory {
    public static final Map<String, Double> DEFAULT_WEIGHTS = defaults();

    private static Map<String, Double> defaults() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("popularity", 0.1);
        w.put("frequency", 0.3);
        w.put("top-artists", 0.2);
        w.put("top-tracks", 0.2);
        w.put("recency", 0.2);
        // From a listening history; without one they have no data and drop out, the weights above renormalised.
        w.put("play-count", 0.3);
        w.put("listening-time", 0.1);
        w.put("completion", 0.2);
        w.put("skip-rate", 0.2);
        w.put("play-recency", 0.1);
        w.put("repeat-days", 0.2);
        return java.util.Collections.unmodifiableMap(w);
    }

    @Override
    public String name() {
        return "weighted";
    }

    @Override
    public String description() {
        return "weighted blend of preference signals (scorer.weights.<signal>)";
    }

    @Override
    public PreferenceScorer create(ComponentConfig config) {
        return create(config, PluginContext.NONE);
    }

    /** Builds the weighted signals through {@code context} (the preference-signal registry). */
    @Override
    public PreferenceScorer create(ComponentConfig config, PluginContext context) {
        Map<String, String> given = config.subMap("weights");
        Map<String, Double> weights = new LinkedHashMap<>();
        if (given.isEmpty()) {
            weights.putAll(DEFAULT_WEIGHTS);
        }
        given.forEach((name, raw) -> {
            double w;
            try {
                w = Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("Invalid value '" + raw + "' for '" + config.qualified("weights." + name)
                        + "' in " + config.origin() + ": expected a number >= 0.");
            }
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new ConfigException("Invalid value '" + raw + "' for '" + config.qualified("weights." + name)
                        + "' in " + config.origin() + ": weights must be finite numbers >= 0.");
            }
            weights.put(name, w);
        });
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new ConfigException("All preference weights under '" + config.qualified("weights.")
                    + "' are 0 in " + config.origin() + ": give at least one signal a positive weight.");
        }
        Map<String, PreferenceSignal> signals = new LinkedHashMap<>();
        for (String name : weights.keySet()) {
            ComponentConfig child = config.child("preference signal", name, "signals." + name);
            signals.put(name, context.create(PreferenceSignalFactory.KIND, name, child));
        }
        // Parameters for signals that have no weight are typos or leftovers: report them.
        Map<String, String> signalParams = config.subMap("signals");
        for (String key : signalParams.keySet()) {
            String signal = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!weights.containsKey(signal)) {
                throw new ConfigException("'" + config.qualified("signals." + key) + "' in " + config.origin()
                        + " configures signal '" + signal + "', which has no weight. Weighted signals: "
                        + weights.keySet() + ". Add '" + config.qualified("weights." + signal) + "' or remove it.");
            }
        }
        return new WeightedPreferenceScorer(signals, weights);
    }
}
