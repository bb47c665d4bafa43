package org.audiu.models.ensemble;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.Trainer;
import org.audiu.core.spi.TrainerFactory;

/**
 * Ensembles whose members are other trainers, named in the configuration; each member reads its own parameters
 * under its name:
 * <pre>
 * model = stacking
 * model.members = xgboost, random-forest
 * model.xgboost.trees = 300
 * model.meta = logistic
 * </pre>
 */
public final class EnsembleTrainerFactories {
    static final List<String> DEFAULT_MEMBERS = List.of("xgboost", "random-forest");

    private EnsembleTrainerFactories() {
    }

    /**
     * {@code model = voting}: the weighted mean of the members' probabilities (soft voting). Parameters:
     * {@code members} (xgboost, random-forest), {@code weights} (equal), {@code <member>.*}.
     */
    public static final class Voting implements TrainerFactory {
        @Override public String name() { return "voting"; }
        @Override public String description() { return "soft-voting ensemble of other trainers (model.members)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            Members members = Members.from(c, DEFAULT_MEMBERS);
            List<String> w = c.getList("weights", null);
            double[] weights = new double[members.names().size()];
            Arrays.fill(weights, 1.0);
            if (w != null) {
                if (w.size() != weights.length) {
                    throw new ConfigException("'" + c.qualified("weights") + "' has " + w.size() + " values for "
                            + weights.length + " members " + members.names() + ".");
                }
                for (int i = 0; i < weights.length; i++) {
                    try {
                        weights[i] = Double.parseDouble(w.get(i));
                    } catch (NumberFormatException e) {
                        weights[i] = Double.NaN;
                    }
                    if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                        throw new ConfigException("Invalid weight '" + w.get(i) + "' in '" + c.qualified("weights")
                                + "': expected a number >= 0.");
                    }
                }
                if (Arrays.stream(weights).sum() <= 0) {
                    throw new ConfigException("'" + c.qualified("weights") + "' must not be all zero.");
                }
            }
            Map<String, String> p = new LinkedHashMap<>();
            p.put("members", String.join(",", members.names()));
            p.put("weights", String.join(",", Arrays.stream(weights).mapToObj(Double::toString).toList()));
            return new VotingTrainer(members, weights, p, c.seed());
        }
    }

    /**
     * {@code model = stacking}: a meta model (default {@code logistic}) trained on the members' out-of-fold
     * log-probabilities from an artist-grouped k-fold split. Parameters: {@code members} (xgboost, random-forest),
     * {@code meta} (logistic), {@code meta.*}, {@code folds} (5), {@code passthrough} (false: also give the meta model
     * the original features), {@code <member>.*}.
     */
    public static final class Stacking implements TrainerFactory {
        @Override public String name() { return "stacking"; }
        @Override public String description() { return "stacked ensemble: meta model on members' out-of-fold output"; }

        @Override
        public Trainer create(ComponentConfig c) {
            Members members = Members.from(c, DEFAULT_MEMBERS);
            String metaName = c.getString("meta", "logistic");
            Trainer meta = Members.build(c, metaName, "meta");
            int folds = c.getInt("folds", 5, 2, 100);
            boolean passthrough = c.getBoolean("passthrough", false);
            Map<String, String> p = new LinkedHashMap<>();
            p.put("members", String.join(",", members.names()));
            p.put("meta", metaName);
            p.put("folds", Integer.toString(folds));
            p.put("passthrough", Boolean.toString(passthrough));
            return new StackingTrainer(members, meta, folds, passthrough, p, c.seed());
        }
    }
}
