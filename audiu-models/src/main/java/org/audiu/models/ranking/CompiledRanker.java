package org.audiu.models.ranking;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.audiu.core.twostage.Ranker;
import org.audiu.models.compiled.CompiledTrees;
import org.audiu.models.compiled.XGBoostJson;

/**
 * A ranker made of an XGBoost booster's trees, scored with audiU's {@link CompiledTrees} (bit-set blocks of rows).
 * A ranking booster has one output, the sum of its trees' leaves; {@link CompiledTrees} combines margins with a
 * softmax, so the trees are compiled as label 0 of two labels with every leaf scaled by {@value #SCALE}: the score of
 * label 0 is then {@code sigmoid(margin x SCALE)}, which orders rows exactly as the margin does without saturating
 * in {@code float} for margins up to about {@code 17 / SCALE}. Immutable and thread-safe.
 */
public final class CompiledRanker implements Ranker {
    /** Leaves are scaled by this before the softmax (see the class comment). */
    static final float SCALE = 1f / 16;

    private final byte[] boosterJson;
    private final List<String> features;
    private final Set<String> trainedOn;
    private final Map<String, String> parameters;
    private final CompiledTrees trees;
    private final String objective;

    /**
     * @param boosterJson the booster as XGBoost's JSON model ({@code Booster.toByteArray("json")})
     * @param features    the column names, in the rows' order (XGBoost feature {@code i} is column {@code i})
     * @throws IOException when the JSON is not a gbtree model with numerical splits over these columns
     */
    public CompiledRanker(byte[] boosterJson, List<String> features, Set<String> trainedOn,
                          Map<String, String> parameters) throws IOException {
        this.boosterJson = boosterJson.clone();
        this.features = List.copyOf(features);
        this.trainedOn = Set.copyOf(trainedOn);
        this.parameters = Map.copyOf(parameters);
        XGBoostJson.Model json = XGBoostJson.read(this.boosterJson);
        this.objective = json.objective();
        String booster = json.booster();
        if (!booster.equals("gbtree") || !objective.startsWith("rank:")) {
            throw new IOException("a ranker needs a gbtree booster with a rank: objective, got booster '" + booster
                    + "' and objective '" + objective + "'");
        }
        CompiledTrees.Builder builder = CompiledTrees.builder(List.of("relevant", "rest"), this.features.size());
        for (XGBoostJson.Tree tree : json.trees()) {
            builder.startTree();
            for (int i = 0; i < tree.size(); i++) {
                float value = tree.condition()[i];
                int l = tree.left()[i];
                if (l == -1) {
                    builder.leaf(i, 0, value * SCALE);
                    continue;
                }
                int f = tree.feature()[i];
                if (tree.categorical()[i] || f < 0 || f >= this.features.size() || !Float.isFinite(value)) {
                    throw new IOException("tree node " + i + " splits on feature " + f + " at " + value
                            + (tree.categorical()[i] ? " (categorical)" : "") + "; the ranker has "
                            + this.features.size() + " numerical columns");
                }
                builder.split(i, f, Math.nextDown(value), tree.defaultLeft()[i], l, tree.right()[i]);
            }
        }
        this.trees = builder.softmaxOfMargins(0f, "xgboost " + objective);
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public double[] score(double[][] rows) {
        for (double[] r : rows) {
            if (r.length != features.size()) {
                throw new IllegalArgumentException("A row of " + r.length + " values; this ranker reads "
                        + features.size() + " columns " + features);
            }
        }
        double[] both = new double[rows.length * 2];
        trees.scores(rows, rows.length, both);
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = both[2 * i];
        }
        return out;
    }

    /** The margin XGBoost would output for each row (the scores' logit divided by {@link #SCALE}), for checks. */
    public double[] margins(double[][] rows) {
        double[] p = score(rows);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.log(p[i] / (1 - p[i])) / SCALE;
        }
        return p;
    }

    @Override
    public Set<String> trainedOn() {
        return trainedOn;
    }

    /** The trainer's parameters. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The booster's JSON model (a copy). */
    public byte[] boosterJson() {
        return boosterJson.clone();
    }

    @Override
    public String describe() {
        return "xgboost " + objective + ", " + trees.trees() + " trees over " + features.size() + " columns, "
                + trainedOn.size() + " training playlists, compiled";
    }

    @Override
    public String toString() {
        return "CompiledRanker[" + describe() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledRanker r && java.util.Arrays.equals(boosterJson, r.boosterJson)
                && features.equals(r.features) && trainedOn.equals(r.trainedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(boosterJson), features);
    }
}
