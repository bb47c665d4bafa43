package org.audiu.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.audiu.core.metrics.ClassMetrics;
import org.audiu.core.metrics.ClassificationReport;

/**
 * The runs of one trainer under one protocol, with their means.
 *
 * @param trainer the trainer's name
 * @param runs    one per seed and fold
 */
public record EvaluationResult(String trainer, List<EvaluationRun> runs) {
    public EvaluationResult {
        Objects.requireNonNull(trainer, "trainer");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an evaluation result needs at least one run");
        }
    }

    public double meanAccuracy() {
        return mean(r -> r.report().accuracy());
    }

    public double sdAccuracy() {
        return sd(r -> r.report().accuracy());
    }

    public double meanMacroF1() {
        return mean(r -> r.report().macroF1());
    }

    public double sdMacroF1() {
        return sd(r -> r.report().macroF1());
    }

    /** Mean share of test rows with a true label among the five most probable (see {@link Evaluator}). */
    public double meanTop5Accuracy() {
        return mean(EvaluationRun::top5Accuracy);
    }

    public double sdTop5Accuracy() {
        return sd(EvaluationRun::top5Accuracy);
    }

    public double meanTrainSeconds() {
        return mean(EvaluationRun::trainSeconds);
    }

    /** Test rows over prediction time, pooled over the runs. */
    public double predictionsPerSecond() {
        long rows = runs.stream().mapToLong(EvaluationRun::testRows).sum();
        long nanos = runs.stream().mapToLong(EvaluationRun::predictNanos).sum();
        return nanos <= 0 ? Double.POSITIVE_INFINITY : rows / (nanos / 1e9);
    }

    /** The confusion matrices of all runs added up. */
    public ClassificationReport pooled() {
        ClassificationReport sum = runs.get(0).report();
        for (int i = 1; i < runs.size(); i++) {
            sum = sum.plus(runs.get(i).report());
        }
        return sum;
    }

    /** Per-class precision, recall and F1 averaged over the runs (support summed), by label. */
    public Map<String, ClassMetrics> meanPerClass() {
        List<String> labels = pooled().labels();
        Map<String, ClassMetrics> out = new LinkedHashMap<>();
        for (String label : labels) {
            List<ClassMetrics> per = new ArrayList<>();
            for (EvaluationRun r : runs) {
                ClassMetrics m = r.report().perClassByLabel().get(label);
                if (m != null) {
                    per.add(m);
                }
            }
            out.put(label, new ClassMetrics(label,
                    per.stream().mapToDouble(ClassMetrics::precision).average().orElse(0),
                    per.stream().mapToDouble(ClassMetrics::recall).average().orElse(0),
                    per.stream().mapToDouble(ClassMetrics::f1).average().orElse(0),
                    per.stream().mapToInt(ClassMetrics::support).sum()));
        }
        return out;
    }

    /**
     * Classes the model never got right: recall 0 in every run (with test rows), in label order. Usually classes
     * too rare in the training data, or indistinguishable from another with these features.
     */
    public List<String> zeroRecallClasses() {
        return meanPerClass().values().stream().filter(c -> c.support() > 0 && c.recall() == 0)
                .map(ClassMetrics::label).toList();
    }

    private double mean(ToDoubleFunction<EvaluationRun> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private double sd(ToDoubleFunction<EvaluationRun> f) {
        if (runs.size() < 2) {
            return 0;
        }
        double m = mean(f);
        double ss = runs.stream().mapToDouble(f).map(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(ss / (runs.size() - 1));
    }
}
