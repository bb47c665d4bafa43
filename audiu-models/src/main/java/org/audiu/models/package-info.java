/**
 * audiU's trainers and model files. Each trainer is a {@link org.audiu.core.spi.training.TrainerFactory} found through
 * {@link java.util.ServiceLoader} and chosen with one key ({@code model = NAME}); its parameters sit under
 * {@code model.}:
 * <table>
 *   <caption>Trainers</caption>
 *   <tr><th>name</th><th>what</th><th>parameters (defaults in the factory's Javadoc)</th></tr>
 *   <tr><td>{@code logistic}</td><td>multinomial logistic regression, Tribuo SGD</td>
 *       <td>epochs, learning-rate, minibatch</td></tr>
 *   <tr><td>{@code linear}</td><td>linear SVM (hinge), Tribuo SGD; softmax of scores</td>
 *       <td>epochs, learning-rate, minibatch</td></tr>
 *   <tr><td>{@code cart}</td><td>one CART tree, Tribuo</td><td>max-depth, min-child-weight, feature-fraction</td></tr>
 *   <tr><td>{@code random-forest}</td><td>bagged audiU CART trees grown in parallel</td>
 *       <td>trees, max-depth, min-samples-split, min-samples-leaf, max-features, bootstrap, threads</td></tr>
 *   <tr><td>{@code extra-trees}</td><td>extremely randomised trees grown in parallel</td>
 *       <td>as random-forest</td></tr>
 *   <tr><td>{@code xgboost}</td><td>XGBoost via Tribuo, hist method</td>
 *       <td>trees, learning-rate, max-depth, min-child-weight, subsample, feature-fraction, lambda, alpha, gamma,
 *       max-bin, threads, early-stopping-rounds, validation-fraction</td></tr>
 *   <tr><td>{@code mlp}</td><td>Deeplearning4j multilayer perceptron (in org.audiu:audiu-models-dl4j)</td>
 *       <td>hidden, epochs, learning-rate, batch-size, l2, dropout, validation-fraction, patience, threads</td></tr>
 *   <tr><td>{@code voting}</td><td>mean of members' probabilities</td><td>members, weights, &lt;member&gt;.*</td></tr>
 *   <tr><td>{@code stacking}</td><td>meta model on members' out-of-fold probabilities</td>
 *       <td>members, meta, meta.*, folds, passthrough, &lt;member&gt;.*</td></tr>
 * </table>
 * Every trainer except the ensembles also reads the preprocessing keys of
 * {@link org.audiu.models.prep.PreprocessingOptions} (impute, missing-indicators, log, one-hot, standardise,
 * class-weight). Models save into a {@link org.audiu.core.archive.ModelArchive} and load with
 * {@link org.audiu.models.ModelFiles#load}; no file is ever read with Java deserialization.
 */
package org.audiu.models;


