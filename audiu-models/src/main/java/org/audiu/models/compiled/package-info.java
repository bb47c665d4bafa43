/**
 * Fast scoring of trained models, with the same results as their own, unoptimised paths (tested to 1e-6):
 * <ul>
 *   <li>Tribuo trees, forests and linear models compiled into flat arrays, and XGBoost boosters into
 *       {@link org.audiu.models.compiled.CompiledTrees} ({@link org.audiu.models.compiled.TribuoCompiler});</li>
 *   <li>audiU's own forests ({@code org.audiu.models.trees.ForestModel}) into
 *       {@link org.audiu.models.compiled.CompiledTrees};</li>
 *   <li>the Deeplearning4j multilayer perceptron into {@link org.audiu.models.compiled.CompiledDense}.</li>
 * </ul>
 * {@link org.audiu.models.compiled.BatchScorer} preprocesses and scores batches on all cores. Models compile
 * themselves on first prediction, keep their original path as the reference
 * ({@link org.audiu.models.compiled.FastScoring}), and fall back to it for what they cannot compile.
 */
package org.audiu.models.compiled;
