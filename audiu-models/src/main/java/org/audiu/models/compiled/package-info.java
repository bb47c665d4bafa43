/**
 * Fast scoring of trained Tribuo models: trees, forests and linear models compiled into flat arrays
 * ({@link org.audiu.models.compiled.TribuoCompiler}) and scored in batches on all cores
 * ({@link org.audiu.models.compiled.BatchScorer}), with the same results as Tribuo's own {@code predict} (tested to
 * 1e-6). {@link org.audiu.models.tribuo.TribuoModel} compiles itself on first prediction and falls back to Tribuo
 * for models it cannot compile.
 */
package org.audiu.models.compiled;
