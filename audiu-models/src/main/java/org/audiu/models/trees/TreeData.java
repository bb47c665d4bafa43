package org.audiu.models.trees;

/**
 * A training matrix laid out for tree growing: float columns (as scikit-learn does), each column's row order,
 * class indices and example weights. Immutable after construction and shared by the threads that grow trees.
 */
final class TreeData {
    final int rows;
    final int features;
    final int classes;
    final float[][] x;
    /** For each feature, every row index ordered by the feature's value (ties by row index). */
    final int[][] sorted;
    final int[] y;
    final double[] weight;

    /**
     * @param rowMajor preprocessed rows (no NaN)
     * @param y        class index of each row
     * @param weight   example weight of each row (&gt; 0)
     */
    TreeData(double[][] rowMajor, int[] y, double[] weight, int classes) {
        this.rows = rowMajor.length;
        this.features = rows == 0 ? 0 : rowMajor[0].length;
        this.classes = classes;
        this.y = y.clone();
        this.weight = weight.clone();
        this.x = new float[features][rows];
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < features; f++) {
                x[f][i] = (float) rowMajor[i][f];
            }
        }
        this.sorted = new int[features][rows];
        long[] keys = new long[rows];
        for (int f = 0; f < features; f++) {
            for (int i = 0; i < rows; i++) {
                // The float's bits made order-preserving as a signed int, then the row index for ties.
                int bits = Float.floatToIntBits(x[f][i]);
                bits ^= (bits >> 31) & 0x7fffffff;
                keys[i] = ((long) bits << 32) | i;
            }
            java.util.Arrays.sort(keys);
            for (int i = 0; i < rows; i++) {
                sorted[f][i] = (int) keys[i];
            }
        }
    }
}
