package org.audiu.core.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.audiu.core.dataset.FeatureSelection;
import org.audiu.core.dataset.FeatureSelection.ArtefactSuspect;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which {@link FeatureSelection#suspects() suspected recording artefacts} (few-valued columns such as a clip
 * length in samples) are left out: those whose values, alone, predict the label far better than chance on the
 * training rows.
 *
 * <p><b>The rows.</b> The decision must not see a held-out row, yet it is one feature set for every split of the
 * evaluation. So it is made on the rows that are in the training part of <em>every</em> split of the protocol
 * ({@link #decisionRows}): the splits depend only on the rows' groups, labels and seeds, so they are computed here
 * exactly as {@link Evaluator} will compute them. With 3 holdout seeds at 80/20 that is about half the rows. With
 * k-fold cross-validation every row is held out once, so no row trains in every split; the decision then uses the
 * training part of the first seed's first split and says so (a known, documented weakness of a single feature set
 * for k folds). {@code genres train} holds nothing out: every row is a training row.
 *
 * <p><b>The test.</b> On those rows, a classifier that predicts the majority label of the row's value (the
 * {@value #MAX_VALUES} most common values each, the rest together) is fitted on one half of the groups and scored on
 * the other, and the other way round (groups split by {@link GroupedSplitter} with the protocol's first seed), so a
 * column's chance fit to a small sample does not pass for a signal. The column is an artefact when that held-out
 * accuracy is at least {@code minLift} times the majority-class rate of the rows <em>and</em> at least
 * {@code minGain} above it: the defaults, 1.5 times and 5 points, call GTZAN's {@code length} (3 values; about 0.2
 * against 0.1 for 10 balanced genres) an artefact, while a column that carries no label information scores about
 * the majority rate or below. With fewer than {@code minRows} decision rows nothing is dropped.
 *
 * @param minLift the held-out accuracy must reach this multiple of the majority-class rate
 * @param minGain ... and exceed it by at least this much
 * @param minRows fewest decision rows to judge by
 * @param seed    seeds the halves of the decision rows (the protocol's first seed)
 */
public record RecordingArtefactCheck(double minLift, double minGain, int minRows, long seed) {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingArtefactCheck.class);

    /** Values a column's classifier tells apart; rarer ones share a bucket. */
    public static final int MAX_VALUES = 5;
    public static final double DEFAULT_MIN_LIFT = 1.5;
    public static final double DEFAULT_MIN_GAIN = 0.05;
    public static final int DEFAULT_MIN_ROWS = 50;
    private static final Object OTHER_VALUES = "other values";

    public RecordingArtefactCheck {
        if (!(minLift >= 1) || !(minGain >= 0 && minGain < 1) || minRows < 2) {
            throw new IllegalArgumentException("need minLift >= 1, 0 <= minGain < 1 and minRows >= 2, got "
                    + minLift + ", " + minGain + ", " + minRows);
        }
    }

    /** The documented defaults with this seed. */
    public static RecordingArtefactCheck withSeed(long seed) {
        return new RecordingArtefactCheck(DEFAULT_MIN_LIFT, DEFAULT_MIN_GAIN, DEFAULT_MIN_ROWS, seed);
    }

    /**
     * The rows a decision may use.
     *
     * @param indices     into the data's examples, ascending
     * @param description e.g. "the 512 rows that train in all 3 splits"
     */
    public record DecisionRows(int[] indices, String description) {
        public DecisionRows {
            indices = indices.clone();
            Objects.requireNonNull(description, "description");
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }

        /** Every row: nothing is held out (training a model to save). */
        public static DecisionRows all(LabelledData data) {
            return new DecisionRows(IntStream.range(0, data.size()).toArray(), "all " + data.size()
                    + " rows (nothing is held out)");
        }
    }

    /** The rows in the training part of every split of the protocol (see the class comment for k-fold). */
    public static DecisionRows decisionRows(EvaluationProtocol protocol, LabelledData data) {
        boolean[] heldOut = new boolean[data.size()];
        int splits = 0;
        Split first = null;
        for (long s : protocol.seeds()) {
            for (Split split : protocol.splits(data, s)) {
                first = first == null ? split : first;
                splits++;
                for (int i : split.test()) {
                    heldOut[i] = true;
                }
            }
        }
        int[] everywhere = IntStream.range(0, heldOut.length).filter(i -> !heldOut[i]).toArray();
        if (everywhere.length > 0 || first == null) {
            return new DecisionRows(everywhere, "the " + everywhere.length + " rows that train in all " + splits
                    + (splits == 1 ? " split" : " splits"));
        }
        int[] train = first.train().clone();
        Arrays.sort(train);
        return new DecisionRows(train, "the " + train.length + " training rows of the first split (with k-fold "
                + "every row is held out once)");
    }

    /** What the check found for one column. */
    public record Verdict(String column, boolean artefact, double accuracy, double majorityRate, int rows) { }

    /**
     * The selection with its suspects decided: artefacts dropped with their reason, the others kept.
     *
     * @param selection the selection whose features are the data's schema
     * @param data      the labelled rows, with every suspect among its features
     * @param rows      the rows the decision may use
     */
    public FeatureSelection apply(FeatureSelection selection, LabelledData data, DecisionRows rows) {
        if (selection.suspects().isEmpty()) {
            return selection;
        }
        Map<String, String> artefacts = new LinkedHashMap<>();
        for (ArtefactSuspect s : selection.suspects()) {
            Verdict v = judge(data, s.column(), rows);
            LOG.info("recording-artefact check of {}: held-out accuracy {} against majority rate {} on {} rows: {}",
                    s.column(), v.accuracy(), v.majorityRate(), v.rows(), v.artefact() ? "artefact" : "kept");
            if (v.artefact()) {
                artefacts.put(s.column(), String.format(Locale.ROOT, "a recording artefact, not a measurement: %s, "
                        + "and those values alone predict the label with accuracy %.2f against %.2f for the "
                        + "majority class (on %s); keep it with --keep-features %s", s.summary(), v.accuracy(),
                        v.majorityRate(), rows.description(), s.column()));
            }
        }
        return selection.checked(artefacts);
    }

    /** The held-out accuracy of the column's value-to-majority-label classifier on the decision rows. */
    public Verdict judge(LabelledData data, String column, DecisionRows rows) {
        int j = data.schema().names().indexOf(column);
        if (j < 0) {
            throw new IllegalArgumentException(column + " is not a feature of " + data.schema());
        }
        LabelledData decision = data.subset(rows.indices());
        int n = decision.size();
        Map<String, Integer> labelCounts = decision.labelCounts();
        double majority = n == 0 ? 0 : labelCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                / (double) n;
        long groups = decision.examples().stream().map(LabelledExample::group).distinct().count();
        if (n < minRows || groups < 2) {
            return new Verdict(column, false, Double.NaN, majority, n);
        }
        List<String> labels = decision.labels();
        List<Split> halves = new GroupedSplitter(seed).kFold(decision, 2);
        int correct = 0;
        for (Split half : halves) {
            correct += correctOnOtherHalf(decision, j, labels, half.train(), half.test());
        }
        double accuracy = correct / (double) n;
        boolean artefact = accuracy >= minLift * majority && accuracy - majority >= minGain;
        return new Verdict(column, artefact, accuracy, majority, n);
    }

    /** Fits value -> majority label on {@code fit} and counts the right predictions on {@code score}. */
    private static int correctOnOtherHalf(LabelledData data, int j, List<String> labels, int[] fit, int[] score) {
        Map<String, Integer> labelIndex = new HashMap<>();
        labels.forEach(l -> labelIndex.put(l, labelIndex.size()));
        Map<Double, Integer> valueRows = new HashMap<>();
        for (int i : fit) {
            valueRows.merge(data.examples().get(i).feature(j), 1, Integer::sum);
        }
        Set<Double> common = valueRows.entrySet().stream()
                .sorted(Map.Entry.<Double, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_VALUES).map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<Object, int[]> byBucket = new HashMap<>();
        int[] all = new int[labels.size()];
        for (int i : fit) {
            LabelledExample e = data.examples().get(i);
            int l = labelIndex.get(e.label());
            byBucket.computeIfAbsent(bucket(e.feature(j), common), b -> new int[labels.size()])[l]++;
            all[l]++;
        }
        int fallback = argMax(all);
        int correct = 0;
        for (int i : score) {
            LabelledExample e = data.examples().get(i);
            int[] counts = byBucket.get(bucket(e.feature(j), common));
            int predicted = counts == null ? fallback : argMax(counts);
            if (predicted == labelIndex.get(e.label())) {
                correct++;
            }
        }
        return correct;
    }

    /** The value itself when common (NaN, a missing value, is a value here), else one shared bucket. */
    private static Object bucket(double value, Set<Double> common) {
        return common.contains(value) ? Double.valueOf(value) : OTHER_VALUES;
    }

    /** The index of the largest count, the first on ties (labels are sorted, so this is deterministic). */
    private static int argMax(int[] counts) {
        return IntStream.range(0, counts.length).boxed().max(Comparator.<Integer>comparingInt(i -> counts[i])
                .thenComparing(Comparator.<Integer>reverseOrder())).orElse(0);
    }
}
