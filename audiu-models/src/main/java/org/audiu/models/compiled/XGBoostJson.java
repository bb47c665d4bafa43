package org.audiu.models.compiled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Reads a Tribuo {@link XGBoostModel}'s booster as XGBoost's own JSON model ({@code Booster.toByteArray("json")},
 * which holds every threshold and leaf value exactly), and its trees as arrays. Shared by the compiler and by
 * early stopping, which walks the trees round by round.
 */
public final class XGBoostJson {
    private XGBoostJson() {
    }

    /**
     * The JSON model of the single booster of {@code model}.
     *
     * @throws IOException when the model has other than one booster or XGBoost cannot write it
     */
    public static JsonNode of(XGBoostModel<?> model) throws IOException {
        List<Booster> boosters = model.getInnerModels();
        try {
            if (boosters.size() != 1) {
                throw new IOException("an XGBoost model with " + boosters.size() + " boosters");
            }
            return new ObjectMapper().readTree(boosters.get(0).toByteArray("json"));
        } catch (XGBoostError e) {
            throw new IOException("XGBoost could not write its model: " + e.getMessage(), e);
        } finally {
            boosters.forEach(Booster::dispose);
        }
    }

    /** The {@code trees} array of a JSON model. */
    public static JsonNode trees(JsonNode json) {
        return json.path("learner").path("gradient_booster").path("model").path("trees");
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
        /**
         * Reads one element of {@link #trees}.
         *
         * @throws IllegalArgumentException for node arrays of different lengths or vector leaves
         */
        public static Tree of(JsonNode tree) {
            JsonNode l = tree.path("left_children");
            JsonNode r = tree.path("right_children");
            JsonNode index = tree.path("split_indices");
            JsonNode c = tree.path("split_conditions");
            JsonNode d = tree.path("default_left");
            JsonNode type = tree.path("split_type");
            int n = l.size();
            if (n == 0 || r.size() != n || index.size() != n || c.size() != n || d.size() != n) {
                throw new IllegalArgumentException("node arrays of different lengths");
            }
            if (tree.path("tree_param").path("size_leaf_vector").asInt(0) > 1) {
                throw new IllegalArgumentException("vector leaves");
            }
            Tree t = new Tree(new int[n], new int[n], new int[n], new float[n], new boolean[n], new boolean[n]);
            for (int i = 0; i < n; i++) {
                t.left[i] = l.get(i).asInt();
                t.right[i] = r.get(i).asInt();
                t.feature[i] = index.get(i).asInt(-1);
                t.condition[i] = Float.parseFloat(c.get(i).asText());
                JsonNode di = d.get(i);
                t.defaultLeft[i] = di.isBoolean() ? di.asBoolean() : di.asInt() != 0;
                t.categorical[i] = type.size() == n && type.get(i).asInt(0) != 0;
            }
            return t;
        }

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
