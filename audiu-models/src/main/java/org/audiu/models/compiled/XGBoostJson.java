package org.audiu.models.compiled;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Reads a booster's JSON model ({@code Booster.toByteArray("json")}, which holds every threshold and leaf value
 * exactly) into the few fields that walking its trees needs. Shared by the compiler, the ranker and early stopping.
 *
 * <p>The JSON is read as a stream and only the walking fields are kept: a tree object model of an 800-round,
 * 10-class booster holds every node's statistics (gains, hessians, parents, weights) as one object per number, some
 * hundreds of megabytes for the moment it lives, where the arrays kept here are a few.
 */
public final class XGBoostJson {
    private static final JsonFactory JSON = new JsonFactory();

    private XGBoostJson() {
    }

    /**
     * What a booster's JSON model says about walking it.
     *
     * @param objective the objective's name ({@code multi:softprob}, {@code rank:pairwise}, ...), or empty
     * @param booster   the booster's name ({@code gbtree}, ...), or empty
     * @param classes   {@code learner_model_param.num_class}, or -1 when absent
     * @param baseScore {@code learner_model_param.base_score} (0.5 when absent)
     * @param trees     the trees in the model's order
     * @param treeClass {@code tree_info}: the class (output group) of each tree
     */
    public record Model(String objective, String booster, int classes, float baseScore, List<Tree> trees,
                        int[] treeClass) {
        public Model {
            trees = List.copyOf(trees);
            treeClass = treeClass.clone();
        }

        @Override
        public int[] treeClass() {
            return treeClass.clone();
        }
    }

    /**
     * The JSON model of the single booster of {@code model}.
     *
     * @throws IOException when the model has other than one booster, XGBoost cannot write it, or a tree cannot be read
     */
    public static Model of(XGBoostModel<?> model) throws IOException {
        List<Booster> boosters = model.getInnerModels();
        try {
            if (boosters.size() != 1) {
                throw new IOException("an XGBoost model with " + boosters.size() + " boosters");
            }
            return read(boosters.get(0).toByteArray("json"));
        } catch (XGBoostError e) {
            throw new IOException("XGBoost could not write its model: " + e.getMessage(), e);
        } finally {
            boosters.forEach(Booster::dispose);
        }
    }

    /**
     * Reads XGBoost's JSON model.
     *
     * @throws IOException when the bytes are not JSON, a number is not a number, or a tree's node arrays differ in
     *                     length or it has vector leaves
     */
    public static Model read(byte[] json) throws IOException {
        try {
            return parse(json);
        } catch (NumberFormatException e) {
            throw new IOException("the XGBoost JSON model holds a value that is not a number: " + e.getMessage(), e);
        }
    }

    private static Model parse(byte[] json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the model");
            Model model = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("learner")) {
                    model = learner(p);
                } else {
                    p.skipChildren();
                }
            }
            if (model == null) {
                throw new IOException("the JSON model has no 'learner'");
            }
            return model;
        }
    }

    private static Model learner(JsonParser p) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT, "learner");
        String objective = "";
        String booster = "";
        Map<String, String> params = Map.of();
        List<Tree> trees = List.of();
        int[] treeClass = new int[0];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "objective" -> objective = scalars(p, "objective").getOrDefault("name", "");
                case "learner_model_param" -> params = scalars(p, "learner_model_param");
                case "gradient_booster" -> {
                    expect(p, p.currentToken(), JsonToken.START_OBJECT, "gradient_booster");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("name")) {
                            booster = p.getValueAsString("");
                        } else if (f.equals("model")) {
                            expect(p, p.currentToken(), JsonToken.START_OBJECT, "gradient_booster.model");
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String m = p.currentName();
                                p.nextToken();
                                if (m.equals("trees")) {
                                    trees = trees(p);
                                } else if (m.equals("tree_info")) {
                                    treeClass = ints(p, "tree_info").toArray();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        int classes = parseInt(params.get("num_class"), -1);
        float base = Float.parseFloat(params.getOrDefault("base_score", "0.5"));
        return new Model(objective, booster, classes, base, trees, treeClass);
    }

    /** The scalar members of an object (nested values skipped), as text. */
    private static Map<String, String> scalars(JsonParser p, String where) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT, where);
        Map<String, String> values = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isScalarValue()) {
                values.put(field, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return values;
    }

    private static List<Tree> trees(JsonParser p) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY, "trees");
        List<Tree> trees = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            try {
                trees.add(tree(p));
            } catch (IllegalArgumentException e) {
                throw new IOException("tree " + trees.size() + ": " + e.getMessage(), e);
            }
        }
        return trees;
    }

    private static Tree tree(JsonParser p) throws IOException {
        Ints left = null;
        Ints right = null;
        Ints feature = null;
        Ints defaultLeft = null;
        Ints type = null;
        float[] condition = null;
        int leafVector = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "left_children" -> left = ints(p, field);
                case "right_children" -> right = ints(p, field);
                case "split_indices" -> feature = ints(p, field);
                case "default_left" -> defaultLeft = ints(p, field);
                case "split_type" -> type = ints(p, field);
                case "split_conditions" -> condition = floats(p, field);
                case "tree_param" -> leafVector = parseInt(scalars(p, field).get("size_leaf_vector"), 0);
                default -> p.skipChildren();
            }
        }
        if (left == null || right == null || feature == null || defaultLeft == null || condition == null) {
            throw new IllegalArgumentException("a tree without left_children, right_children, split_indices, "
                    + "default_left or split_conditions");
        }
        int n = left.size;
        if (n == 0 || right.size != n || feature.size != n || condition.length != n || defaultLeft.size != n) {
            throw new IllegalArgumentException("node arrays of different lengths");
        }
        if (leafVector > 1) {
            throw new IllegalArgumentException("vector leaves");
        }
        boolean[] dl = new boolean[n];
        boolean[] categorical = new boolean[n];
        for (int i = 0; i < n; i++) {
            dl[i] = defaultLeft.values[i] != 0;
            categorical[i] = type != null && type.size == n && type.values[i] != 0;
        }
        return new Tree(left.toArray(), right.toArray(), feature.toArray(), condition, dl, categorical);
    }

    /** An array of integers or booleans (true as 1), as XGBoost writes node arrays. */
    private static Ints ints(JsonParser p, String where) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY, where);
        Ints out = new Ints();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            switch (t) {
                case VALUE_NUMBER_INT -> out.add(p.getIntValue());
                case VALUE_TRUE -> out.add(1);
                case VALUE_FALSE -> out.add(0);
                case VALUE_STRING -> out.add(parseInt(p.getText(), -1));
                default -> throw new IOException(where + " holds " + t + " at " + p.currentLocation());
            }
        }
        return out;
    }

    /** An array of numbers, each parsed from its text as a {@code float} (exactly as XGBoost wrote it). */
    private static float[] floats(JsonParser p, String where) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY, where);
        float[] out = new float[16];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (!t.isNumeric() && t != JsonToken.VALUE_STRING) {
                throw new IOException(where + " holds " + t + " at " + p.currentLocation());
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = Float.parseFloat(p.getText());
        }
        return Arrays.copyOf(out, n);
    }

    private static int parseInt(String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return (int) Double.parseDouble(text.trim());
        }
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String where) throws IOException {
        if (actual != wanted) {
            throw new IOException("the XGBoost JSON model's " + where + " is " + actual + ", not " + wanted + " (at "
                    + p.currentLocation() + ")");
        }
    }

    /** A growing int array, for one tree's node arrays while they are read. */
    private static final class Ints {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * One tree: node {@code i} is a leaf when {@code left[i] == -1}, with its value in {@code condition[i]}; else a
     * row goes to {@code left[i]} when {@code value < condition[i]} (in {@code float}), to {@code right[i]} when
     * not, and to the default child ({@code defaultLeft[i]}) when the value is missing.
     *
     * @param categorical whether node i is a categorical split (not supported by either reader)
     */
    public record Tree(int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft,
                       boolean[] categorical) {
        /** Number of nodes. */
        public int size() {
            return left.length;
        }

        /** The value of the leaf that a row (indexed by XGBoost feature index) reaches, as XGBoost walks. */
        public float leafValue(float[] x) {
            int node = 0;
            while (left[node] != -1) {
                float v = x[feature[node]];
                node = v != v ? (defaultLeft[node] ? left[node] : right[node])
                        : v < condition[node] ? left[node] : right[node];
            }
            return condition[node];
        }
    }
}
