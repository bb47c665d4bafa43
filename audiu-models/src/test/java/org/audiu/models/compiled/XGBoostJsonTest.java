package org.audiu.models.compiled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming reader of XGBoost's JSON model: the fields it keeps, the ones it skips, and what it refuses. */
class XGBoostJsonTest {
    private static final String TREE = """
            {"base_weights":[0.1,-0.2,0.3],"categories":[],"id":0,"left_children":[1,-1,-1],
             "loss_changes":[5.5,0,0],"parents":[2147483647,0,0],"right_children":[2,-1,-1],
             "split_conditions":[0.30000001192092896,-0.0123456789,4.5E-1],"split_indices":[3,0,0],
             "split_type":[0,0,0],"sum_hessian":[10,4,6],"default_left":%s,
             "tree_param":{"num_deleted":"0","num_feature":"5","num_nodes":"3","size_leaf_vector":"%s"}}""";

    private static byte[] model(String defaultLeft, String leafVector, String treeInfo) {
        String json = """
                {"learner":{"attributes":{},"feature_names":[],
                 "gradient_booster":{"model":{"gbtree_model_param":{"num_trees":"1"},"iteration_indptr":[0,1],
                   "tree_info":%s,"trees":[%s]},"name":"gbtree"},
                 "learner_model_param":{"base_score":"5E-1","num_class":"3","num_feature":"5"},
                 "objective":{"name":"multi:softprob","softmax_multiclass_param":{"num_class":"3"}}},
                 "version":[2,0,3]}""".formatted(treeInfo, TREE.formatted(defaultLeft, leafVector));
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheWalkingFieldsAndTheirExactFloats() throws IOException {
        XGBoostJson.Model m = XGBoostJson.read(model("[true,false,false]", "1", "[2]"));
        assertEquals("multi:softprob", m.objective());
        assertEquals("gbtree", m.booster());
        assertEquals(3, m.classes());
        assertEquals(0.5f, m.baseScore());
        assertArrayEquals(new int[] {2}, m.treeClass());
        XGBoostJson.Tree t = m.trees().get(0);
        assertArrayEquals(new int[] {1, -1, -1}, t.left());
        assertArrayEquals(new int[] {2, -1, -1}, t.right());
        assertArrayEquals(new int[] {3, 0, 0}, t.feature());
        assertArrayEquals(new float[] {0.3f, -0.0123456789f, 0.45f}, t.condition());
        assertArrayEquals(new boolean[] {true, false, false}, t.defaultLeft());
        float[] row = {0, 0, 0, 0.29f, 0};
        assertEquals(-0.0123456789f, t.leafValue(row));
        row[3] = Float.NaN;
        assertEquals(-0.0123456789f, t.leafValue(row), "a missing value goes to the default (left) child");
        row[3] = 0.3f;
        assertEquals(0.45f, t.leafValue(row), "value == condition goes right");
    }

    @Test
    void readsDefaultLeftWrittenAsIntegers() throws IOException {
        XGBoostJson.Tree t = XGBoostJson.read(model("[0,1,0]", "0", "[0]")).trees().get(0);
        assertArrayEquals(new boolean[] {false, true, false}, t.defaultLeft());
    }

    @Test
    void refusesTreesItCannotWalkNamingTheTree() {
        IOException lengths = assertThrows(IOException.class,
                () -> XGBoostJson.read(model("[true,false]", "0", "[0]")));
        assertTrue(lengths.getMessage().contains("tree 0") && lengths.getMessage().contains("different lengths"),
                lengths.getMessage());
        IOException vector = assertThrows(IOException.class,
                () -> XGBoostJson.read(model("[true,false,false]", "3", "[0]")));
        assertTrue(vector.getMessage().contains("vector leaves"), vector.getMessage());
    }

    @Test
    void refusesWhatIsNotAnXGBoostModel() {
        assertThrows(IOException.class, () -> XGBoostJson.read("not json".getBytes(StandardCharsets.UTF_8)));
        IOException noLearner = assertThrows(IOException.class,
                () -> XGBoostJson.read("{\"version\":[2,0,3]}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(noLearner.getMessage().contains("learner"), noLearner.getMessage());
        IOException array = assertThrows(IOException.class,
                () -> XGBoostJson.read("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertTrue(array.getMessage().contains("START_ARRAY"), array.getMessage());
        String text = new String(model("[true,false,false]", "0", "[0]"), StandardCharsets.UTF_8)
                .replace("\"5E-1\"", "\"half\"");
        IOException notNumber = assertThrows(IOException.class,
                () -> XGBoostJson.read(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(notNumber.getMessage().contains("not a number"), notNumber.getMessage());
    }
}
