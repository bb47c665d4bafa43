package org.audiu.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.audiu.core.dataset.FeatureSelection;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.eval.EvaluationResult;
import org.audiu.core.metrics.ClassMetrics;
import org.audiu.core.metrics.ClassificationReport;

/** Text and JSON renderings of genre evaluations. */
final class GenreReports {
    private GenreReports() {
    }

    /** Features shown by name on stderr; the rest are counted. */
    static final int FEATURES_SHOWN = 8;

    /** On stderr: the chosen features (count and names, shortened) and a warning line for each fall-back or drop. */
    static void features(PrintWriter err, FeatureSelection s) {
        err.println(s.describe(FEATURES_SHOWN));
        s.warnings().forEach(w -> err.println("warning: " + w));
    }

    /** On stderr: the split's note when the data has no artist or group column. */
    static void split(PrintWriter err, EvaluationData prepared) {
        prepared.grouping().note().ifPresent(n -> err.println("note: " + n));
    }

    /** The features, their count, how they were chosen, the warnings and the dropped columns with reasons. */
    static void putFeatures(Map<String, Object> m, FeatureSelection s) {
        m.put("features", s.features());
        m.put("featureCount", s.features().size());
        m.put("featureRule", s.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("featureWarnings", s.warnings());
        Map<String, Object> dropped = new LinkedHashMap<>();
        s.dropped().forEach(d -> dropped.put(d.column(), d.reason()));
        m.put("droppedColumns", dropped);
    }

    /** What the split grouped by, and the note when nothing. */
    static void putSplit(Map<String, Object> m, EvaluationData prepared) {
        m.put("split", prepared.grouping().note().orElse(prepared.grouping().adjective() + " split"));
        m.put("groupedBy", switch (prepared.grouping().kind()) {
            case ARTIST -> "artist";
            case COLUMN -> prepared.grouping().column();
            case NONE -> "none";
        });
    }

    /** The label rule: how a track with several labels is scored (a line only when some track has several). */
    static void labels(PrintWriter out, EvaluationData prepared) {
        String note = prepared.labelNote();
        if (note != null) {
            out.println(note);
        }
    }

    /**
     * {@code labelRule} ("first" or "all"), {@code tracksWithSeveralLabels} and, when some track has several,
     * {@code labelNote}: how predictions were scored against them.
     */
    static void putLabels(Map<String, Object> m, EvaluationData prepared) {
        m.put("labelRule", prepared.labelRule().name().toLowerCase(Locale.ROOT));
        m.put("tracksWithSeveralLabels", prepared.tracksWithSeveral());
        String note = prepared.labelNote();
        if (note != null) {
            m.put("labelNote", note);
        }
    }

    /** The documented JSON object: accuracy, macroF1, perClass, plus spread, confusion matrix and timing. */
    static Map<String, Object> json(EvaluationResult r, String protocol, int rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", round(r.meanAccuracy()));
        m.put("macroF1", round(r.meanMacroF1()));
        m.put("top5Accuracy", round(r.meanTop5Accuracy()));
        Map<String, Object> perClass = new LinkedHashMap<>();
        r.meanPerClass().forEach((label, c) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("precision", round(c.precision()));
            v.put("recall", round(c.recall()));
            v.put("f1", round(c.f1()));
            v.put("support", c.support());
            perClass.put(label, v);
        });
        m.put("perClass", perClass);
        m.put("zeroRecallClasses", r.zeroRecallClasses());
        m.put("model", r.trainer());
        m.put("accuracySd", round(r.sdAccuracy()));
        m.put("macroF1Sd", round(r.sdMacroF1()));
        m.put("top5AccuracySd", round(r.sdTop5Accuracy()));
        m.put("runs", r.runs().size());
        m.put("protocol", protocol);
        m.put("rows", rows);
        m.put("trainSeconds", round(r.meanTrainSeconds()));
        m.put("predictionsPerSecond", Math.round(r.predictionsPerSecond()));
        ClassificationReport pooled = r.pooled();
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("labels", pooled.labels());
        confusion.put("counts", pooled.confusion());
        m.put("confusionMatrix", confusion);
        return m;
    }

    static void text(PrintWriter out, EvaluationResult r) {
        out.printf(Locale.ROOT, "accuracy  %.4f ± %.4f%n", r.meanAccuracy(), r.sdAccuracy());
        out.printf(Locale.ROOT, "macro-F1  %.4f ± %.4f%n", r.meanMacroF1(), r.sdMacroF1());
        out.printf(Locale.ROOT, "top-5     %.4f ± %.4f (a true label among the 5 most probable)%n",
                r.meanTop5Accuracy(), r.sdTop5Accuracy());
        out.printf(Locale.ROOT, "training  %.1f s per run; %,.0f predictions/s%n%n", r.meanTrainSeconds(),
                r.predictionsPerSecond());
        int width = Math.max(8, r.meanPerClass().keySet().stream().mapToInt(String::length).max().orElse(8));
        out.printf(Locale.ROOT, "%-" + width + "s  %9s  %6s  %6s  %7s%n", "class", "precision", "recall", "F1",
                "support");
        for (ClassMetrics c : r.meanPerClass().values()) {
            out.printf(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %6.3f  %7d%n", c.label(), c.precision(),
                    c.recall(), c.f1(), c.support());
        }
        List<String> zero = r.zeroRecallClasses();
        if (!zero.isEmpty()) {
            out.println("recall 0 (never predicted correctly): " + String.join(", ", zero)
                    + " (too few training rows, or indistinguishable with these features?)");
        }
        out.println();
        confusion(out, r.pooled());
    }

    /** The confusion matrix with counts; rows are true classes, columns predictions (abbreviated). */
    static void confusion(PrintWriter out, ClassificationReport report) {
        List<String> labels = report.labels();
        int width = Math.max(6, labels.stream().mapToInt(String::length).max().orElse(6));
        List<String> abbrev = new ArrayList<>();
        for (String l : labels) {
            abbrev.add(l.length() <= 6 ? l : l.substring(0, 6));
        }
        out.println("confusion matrix (rows: true class, columns: predicted; all runs added up)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", ""));
        for (String a : abbrev) {
            head.append(String.format(Locale.ROOT, " %6s", a));
        }
        out.println(head);
        for (int t = 0; t < labels.size(); t++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", labels.get(t)));
            for (int p = 0; p < labels.size(); p++) {
                line.append(String.format(Locale.ROOT, " %6d", report.count(t, p)));
            }
            out.println(line);
        }
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : v;
    }
}
