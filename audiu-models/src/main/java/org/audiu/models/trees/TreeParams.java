package org.audiu.models.trees;

/**
 * How to grow one tree.
 *
 * @param maxDepth        deepest level (0 = unlimited)
 * @param minSamplesSplit smallest node that may be split
 * @param minSamplesLeaf  smallest child a split may create
 * @param maxFeatures     candidate features tried at each split
 * @param rule            how thresholds are chosen
 */
record TreeParams(int maxDepth, int minSamplesSplit, int minSamplesLeaf, int maxFeatures, SplitRule rule) {
    TreeParams {
        if (maxDepth < 0 || minSamplesSplit < 2 || minSamplesLeaf < 1 || maxFeatures < 1) {
            throw new IllegalArgumentException("invalid tree parameters " + maxDepth + "/" + minSamplesSplit + "/"
                    + minSamplesLeaf + "/" + maxFeatures);
        }
    }
}
