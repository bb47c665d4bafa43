package org.audiu.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.audiu.core.DataException;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;

/**
 * Splits labelled rows so that no group (the main artist) has rows on both sides, stratified by label where the
 * groups allow it. Groups are visited in a seeded random order and each goes to the part that most lacks its labels
 * relative to that part's target share, so every part keeps roughly the overall label mix. Deterministic for a seed.
 */
public final class GroupedSplitter {
    private final long seed;

    public GroupedSplitter(long seed) {
        this.seed = seed;
    }

    /**
     * One train/test split with about {@code testFraction} of the rows in the test part.
     *
     * @throws DataException when there are fewer than two groups
     */
    public Split holdout(LabelledData data, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
        int[] part = assign(data, new double[] {1 - testFraction, testFraction});
        return new Split(indicesOf(part, 0, false), indicesOf(part, 1, false));
    }

    /**
     * {@code k} splits whose test parts are disjoint and together cover every row.
     *
     * @throws DataException when there are fewer than {@code k} groups
     */
    public List<Split> kFold(LabelledData data, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2, got " + k);
        }
        double[] targets = new double[k];
        java.util.Arrays.fill(targets, 1.0 / k);
        int[] part = assign(data, targets);
        List<Split> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            out.add(new Split(indicesOf(part, f, true), indicesOf(part, f, false)));
        }
        return out;
    }

    /** The part of each example. */
    int[] assign(LabelledData data, double[] targets) {
        List<String> labels = data.labels();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<LabelledExample> examples = data.examples();
        for (int i = 0; i < examples.size(); i++) {
            groups.computeIfAbsent(examples.get(i).group(), g -> new ArrayList<>()).add(i);
        }
        if (groups.size() < targets.length) {
            throw new DataException("Cannot split " + examples.size() + " rows into " + targets.length
                    + " parts by artist: there " + (groups.size() == 1 ? "is only 1 artist" : "are only "
                    + groups.size() + " artists") + ". Grouped evaluation needs at least " + targets.length + ".");
        }
        double[] totals = new double[labels.size()];
        for (LabelledExample e : examples) {
            totals[labelIndex.get(e.label())]++;
        }
        List<List<Integer>> order = new ArrayList<>(groups.values());
        Collections.shuffle(order, new Random(seed));
        double[][] counts = new double[targets.length][labels.size()];
        int[] part = new int[examples.size()];
        int[] groupLabels = new int[labels.size()];
        for (List<Integer> group : order) {
            java.util.Arrays.fill(groupLabels, 0);
            for (int i : group) {
                groupLabels[labelIndex.get(examples.get(i).label())]++;
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < targets.length; b++) {
                double score = 0;
                for (int l = 0; l < groupLabels.length; l++) {
                    if (groupLabels[l] > 0) {
                        score += groupLabels[l] * (targets[b] * totals[l] - counts[b][l]) / totals[l];
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = b;
                }
            }
            for (int l = 0; l < groupLabels.length; l++) {
                counts[best][l] += groupLabels[l];
            }
            for (int i : group) {
                part[i] = best;
            }
        }
        return part;
    }

    private static int[] indicesOf(int[] part, int value, boolean invert) {
        return java.util.stream.IntStream.range(0, part.length).filter(i -> (part[i] == value) != invert).toArray();
    }
}
