package org.audiu.core.eval.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several listeners' history evaluations taken together, each method over all their targets: its hits summed
 * (recall = hits / targets), its NDCG@k weighted by each export's targets, and the number of exports it ranked
 * ahead of or level with every other method. Every export must have been ranked with the same methods and k.
 *
 * @param exports the per-export reports, in the order given
 * @param methods each method's totals, in the exports' method order
 */
public record HistoryEvaluationTotal(List<HistoryEvaluationReport> exports, Map<String, MethodTotal> methods) {
    public HistoryEvaluationTotal {
        exports = List.copyOf(exports);
        methods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }

    /**
     * @param hits    targets found in the top k, summed over the exports
     * @param targets targets, summed
     * @param recall  {@code hits / targets}
     * @param ndcg    NDCG@k averaged over the exports, each weighted by its targets
     */
    public record MethodTotal(long hits, long targets, double recall, double ndcg) {
    }

    /** Totals of the given reports. */
    public static HistoryEvaluationTotal of(List<HistoryEvaluationReport> reports) {
        Objects.requireNonNull(reports, "reports");
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no export to total");
        }
        List<String> names = new ArrayList<>(reports.get(0).methods().keySet());
        int k = reports.get(0).k();
        for (HistoryEvaluationReport r : reports) {
            if (!new ArrayList<>(r.methods().keySet()).equals(names) || r.k() != k) {
                throw new IllegalArgumentException("every export must be ranked by the same methods " + names
                        + " at k " + k + "; one has " + r.methods().keySet() + " at k " + r.k());
            }
        }
        Map<String, MethodTotal> totals = new LinkedHashMap<>();
        for (String name : names) {
            long hits = 0;
            long targets = 0;
            double weightedNdcg = 0;
            for (HistoryEvaluationReport r : reports) {
                hits += Math.round(r.methods().get(name).recall() * r.targets());
                targets += r.targets();
                weightedNdcg += r.methods().get(name).ndcg() * r.targets();
            }
            totals.put(name, new MethodTotal(hits, targets, targets == 0 ? 0 : (double) hits / targets,
                    targets == 0 ? 0 : weightedNdcg / targets));
        }
        return new HistoryEvaluationTotal(reports, totals);
    }

    /**
     * True when {@code method} has a higher recall and a higher NDCG than every other method in each export and in
     * the total (the bar for "beats every baseline").
     */
    public boolean beatsEveryOther(String method) {
        return beats(method, methods.keySet().stream().filter(m -> !m.equals(method)).toList());
    }

    /**
     * True when {@code method} is strictly ahead of each of {@code others} on recall and NDCG, in every export and
     * in total (another audiU variant in the same run, say the single-stage engine, is left out this way).
     */
    public boolean beats(String method, java.util.Collection<String> others) {
        for (String m : others) {
            if (!methods.containsKey(m)) {
                throw new IllegalArgumentException("no method '" + m + "'; the methods are " + methods.keySet());
            }
        }
        if (!methods.containsKey(method)) {
            throw new IllegalArgumentException("no method '" + method + "'; the methods are " + methods.keySet());
        }
        for (HistoryEvaluationReport r : exports) {
            var own = r.methods().get(method);
            for (String m : others) {
                var other = r.methods().get(m);
                if (!m.equals(method) && (other.recall() >= own.recall() || other.ndcg() >= own.ndcg())) {
                    return false;
                }
            }
        }
        MethodTotal own = methods.get(method);
        return others.stream().filter(m -> !m.equals(method)).map(methods::get)
                .allMatch(o -> o.recall() < own.recall() && o.ndcg() < own.ndcg());
    }
}
