package org.audiu.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Accuracy, macro-F1, per-class precision/recall and the confusion matrix of one set of predictions. Immutable.
 *
 * @param labels    the classes, in the order of the confusion matrix's rows and columns
 * @param confusion {@code confusion[t][p]} counts rows whose true class is {@code labels[t]} and predicted class is
 *                  {@code labels[p]}
 */
public record ClassificationReport(List<String> labels, int[][] confusion) {
    public ClassificationReport {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        Objects.requireNonNull(confusion, "confusion");
        if (confusion.length != labels.size()) {
            throw new IllegalArgumentException("confusion matrix has " + confusion.length + " rows for "
                    + labels.size() + " labels");
        }
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            if (confusion[i].length != labels.size()) {
                throw new IllegalArgumentException("confusion matrix row " + i + " has " + confusion[i].length
                        + " columns for " + labels.size() + " labels");
            }
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /**
     * Compares predictions with the truth. The classes are {@code labels} followed by any class that appears only in
     * {@code truth} or {@code predicted}.
     */
    public static ClassificationReport of(List<String> labels, String[] truth, String[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        List<String> all = new ArrayList<>(labels);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.putIfAbsent(all.get(i), i);
        }
        for (String[] side : List.of(truth, predicted)) {
            for (String s : side) {
                if (!index.containsKey(s)) {
                    index.put(s, all.size());
                    all.add(s);
                }
            }
        }
        int[][] m = new int[all.size()][all.size()];
        for (int i = 0; i < truth.length; i++) {
            m[index.get(truth[i])][index.get(predicted[i])]++;
        }
        return new ClassificationReport(all, m);
    }

    /**
     * Counts predictions one at a time, for a stream of rows too long to hold as arrays. Not thread-safe.
     *
     * @param labels the classes known in advance (a model's); others are added as they occur
     */
    public static Counter counter(List<String> labels) {
        return new Counter(labels);
    }

    /** Adds predictions up one by one; {@link #report()} gives the same report {@link #of} gives for the arrays. */
    public static final class Counter {
        private final List<String> labels = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private int[][] counts;

        private Counter(List<String> known) {
            known.forEach(this::indexOf);
            counts = new int[Math.max(1, labels.size())][Math.max(1, labels.size())];
        }

        /** One row: its true class and the predicted one. */
        public void add(String truth, String predicted) {
            int t = indexOf(truth);
            int p = indexOf(predicted);
            counts[t][p]++;
        }

        private int indexOf(String label) {
            Integer i = index.get(label);
            if (i != null) {
                return i;
            }
            index.put(label, labels.size());
            labels.add(label);
            if (counts != null && counts.length < labels.size()) {
                int n = Math.max(labels.size(), 2 * counts.length);
                int[][] grown = new int[n][n];
                for (int r = 0; r < counts.length; r++) {
                    System.arraycopy(counts[r], 0, grown[r], 0, counts[r].length);
                }
                counts = grown;
            }
            return labels.size() - 1;
        }

        /** Rows counted so far. */
        public long total() {
            long n = 0;
            for (int[] row : counts) {
                for (int c : row) {
                    n += c;
                }
            }
            return n;
        }

        /** The report of the rows counted so far. */
        public ClassificationReport report() {
            int n = labels.size();
            int[][] m = new int[n][n];
            for (int r = 0; r < n; r++) {
                System.arraycopy(counts[r], 0, m[r], 0, n);
            }
            return new ClassificationReport(labels, m);
        }
    }

    /** The confusion matrix (a copy). */
    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public int count(int trueIndex, int predictedIndex) {
        return confusion[trueIndex][predictedIndex];
    }

    /** Rows compared. */
    public int total() {
        return Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum();
    }

    /** Share of rows predicted correctly (NaN for no rows). */
    public double accuracy() {
        int total = total();
        if (total == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return (double) correct / total;
    }

    /** Metrics of each class, in label order. */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> out = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            int tp = confusion[c][c];
            int support = Arrays.stream(confusion[c]).sum();
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.add(new ClassMetrics(labels.get(c), precision, recall, f1, support));
        }
        return out;
    }

    /** Per-class metrics by label. */
    public Map<String, ClassMetrics> perClassByLabel() {
        Map<String, ClassMetrics> out = new LinkedHashMap<>();
        perClass().forEach(m -> out.put(m.label(), m));
        return out;
    }

    /**
     * Unweighted mean of the per-class F1 over the classes that occur in the truth or the predictions (as
     * scikit-learn's {@code f1_score(average="macro")}); NaN for no rows.
     */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        List<ClassMetrics> metrics = perClass();
        for (int c = 0; c < metrics.size(); c++) {
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[c];
            }
            if (metrics.get(c).support() > 0 || predicted > 0) {
                sum += metrics.get(c).f1();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The element-wise sum of reports over the same labels (for pooled confusion matrices over seeds or folds). */
    public ClassificationReport plus(ClassificationReport other) {
        if (!labels.equals(other.labels)) {
            List<String> all = new ArrayList<>(labels);
            other.labels.stream().filter(l -> !all.contains(l)).forEach(all::add);
            return reindex(all).plus(other.reindex(all));
        }
        int[][] sum = confusion();
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum.length; j++) {
                sum[i][j] += other.confusion[i][j];
            }
        }
        return new ClassificationReport(labels, sum);
    }

    /** The same counts laid out for {@code newLabels}, which must contain every label of this report. */
    public ClassificationReport reindex(List<String> newLabels) {
        int[] map = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            map[i] = newLabels.indexOf(labels.get(i));
            if (map[i] < 0) {
                throw new IllegalArgumentException("label '" + labels.get(i) + "' missing from " + newLabels);
            }
        }
        int[][] m = new int[newLabels.size()][newLabels.size()];
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < labels.size(); j++) {
                m[map[i]][map[j]] += confusion[i][j];
            }
        }
        return new ClassificationReport(newLabels, m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassificationReport r && labels.equals(r.labels) && Arrays.deepEquals(confusion,
                r.confusion);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(confusion);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ClassificationReport[accuracy=%.4f, macroF1=%.4f, rows=%d]",
                accuracy(), macroF1(), total());
    }
}
