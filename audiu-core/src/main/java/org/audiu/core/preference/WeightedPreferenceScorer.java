package org.audiu.core.preference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScores;
import org.audiu.core.spi.preference.PreferenceSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A weighted blend of preference signals. Signals with no data in the library are dropped and the remaining
 * weights renormalised, with a log line saying so.
 */
public final class WeightedPreferenceScorer implements PreferenceScorer {
    private static final Logger LOG = LoggerFactory.getLogger(WeightedPreferenceScorer.class);

    private final Map<String, PreferenceSignal> signals;
    private final Map<String, Double> weights;

    /**
     * @param signals signals by name
     * @param weights non-negative weights by the same names; at least one positive
     */
    public WeightedPreferenceScorer(Map<String, PreferenceSignal> signals, Map<String, Double> weights) {
        this.signals = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(signals, "signals")));
        this.weights = Map.copyOf(Objects.requireNonNull(weights, "weights"));
        if (!signals.keySet().equals(weights.keySet())) {
            throw new IllegalArgumentException("Signals " + signals.keySet() + " and weights " + weights.keySet()
                    + " must name the same signals");
        }
        weights.forEach((name, w) -> {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("Weight of signal '" + name + "' must be >= 0, got " + w);
            }
        });
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("At least one preference signal weight must be > 0: " + weights);
        }
    }

    @Override
    public PreferenceScores score(ListenerLibrary library) {
        if (library.isEmpty()) {
            throw new DataException("The listener library is empty: there is nothing to learn a taste from. Save or"
                    + " play some tracks, or point 'library.source' at a non-empty library.");
        }
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (String name : signals.keySet().stream().sorted().toList()) {
            if (weights.get(name) == 0) {
                continue;
            }
            Optional<Map<String, Double>> v = signals.get(name).score(library);
            if (v.isPresent()) {
                values.put(name, v.get());
            } else {
                dropped.add(name);
            }
        }
        if (values.isEmpty()) {
            throw new DataException("No preference signal has data in this library (tried " + signals.keySet()
                    + "). Add a signal that uses saved tracks or playlists, e.g. 'frequency'.");
        }
        double total = values.keySet().stream().mapToDouble(weights::get).sum();
        Map<String, Double> effective = new LinkedHashMap<>();
        values.keySet().forEach(name -> effective.put(name, weights.get(name) / total));
        if (!dropped.isEmpty()) {
            LOG.info("Preference signal(s) {} have no data in this library (Spotify no longer returns popularity to "
                    + "development-mode apps, for example); dropped them and renormalised the weights: {}",
                    dropped, effective);
        }
        Map<String, Double> scores = new HashMap<>();
        for (Track t : library.distinctTracks()) {
            double s = 0;
            for (Map.Entry<String, Map<String, Double>> e : values.entrySet()) {
                double v = e.getValue().getOrDefault(t.id(), 0.0);
                s += effective.get(e.getKey()) * Math.max(0, Math.min(1, v));
            }
            scores.put(t.id(), s);
        }
        return new PreferenceScores(scores, effective, dropped);
    }
}
