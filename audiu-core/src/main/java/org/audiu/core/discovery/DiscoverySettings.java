package org.audiu.core.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;

/**
 * How the discovery ranker learns (configuration keys under {@code ranker}).
 *
 * @param enabled              {@code ranker = discovery}; {@code ranker = none} (the default) keeps the single-stage
 *                             engine
 * @param model                the trainer that learns the ranking weights ({@code ranker.model}, default
 *                             {@code logistic}: a handful of features, a few hundred positives)
 * @param innerSplit           where the history is cut to learn from ({@code ranker.inner-split}, default 0.75 of
 *                             the way from the first play to the last): songs first played after it are the
 *                             positives, what was played before it gives the features
 * @param stageOneDepth        how many of the single-stage engine's top tracks the ranker sees as a feature
 *                             ({@code ranker.stage-one}, default 0: left out, as it lowered recall on the shared exports)
 * @param negativesPerPositive catalogue tracks sampled as negatives per positive ({@code
 *                             ranker.negatives-per-positive}, default 50)
 * @param minPositives         fewer discoveries after the inner split than this and the single-stage engine ranks
 *                             instead, saying why ({@code ranker.min-positives}, default 10)
 */
public record DiscoverySettings(boolean enabled, String model, double innerSplit, int stageOneDepth,
                                int negativesPerPositive, int minPositives) {
    /** The value of {@code ranker} that turns the discovery ranker on. */
    public static final String DISCOVERY = "discovery";
    /** The value of {@code ranker} that keeps the single-stage engine. */
    public static final String NONE = "none";

    public DiscoverySettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("ranker.model must name a trainer");
        }
        if (!(innerSplit > 0 && innerSplit < 1)) {
            throw new IllegalArgumentException("ranker.inner-split must be in (0, 1), got " + innerSplit);
        }
        if (stageOneDepth < 0 || negativesPerPositive < 1 || minPositives < 1) {
            throw new IllegalArgumentException("ranker.stage-one >= 0, ranker.negatives-per-positive >= 1 and "
                    + "ranker.min-positives >= 1 are required, got " + stageOneDepth + ", " + negativesPerPositive
                    + ", " + minPositives);
        }
    }

    /** Off: the single-stage engine ranks. */
    public static DiscoverySettings off() {
        return new DiscoverySettings(false, "logistic", 0.75, 0, 50, 10);
    }

    /** On, with the defaults. */
    public static DiscoverySettings defaults() {
        return new DiscoverySettings(true, "logistic", 0.75, 0, 50, 10);
    }

    /** Reads {@code ranker} and {@code ranker.*} from a configuration file's values. */
    public static DiscoverySettings from(AudiuConfig config) {
        Map<String, String> params = new LinkedHashMap<>();
        config.values().forEach((k, v) -> {
            if (k.equals("ranker") || k.startsWith("ranker.")) {
                params.put(k, v);
            }
        });
        ComponentConfig c = config.component("engine", "audiu", "", params, Set.of());
        DiscoverySettings settings = from(c);
        c.failOnUnreadKeys();
        return settings;
    }

    /** Reads {@code ranker} and {@code ranker.*} from the engine's section of the configuration. */
    public static DiscoverySettings from(ComponentConfig c) {
        boolean on = c.getChoice("ranker", NONE, List.of(NONE, DISCOVERY)).equals(DISCOVERY);
        return new DiscoverySettings(on, c.getString("ranker.model", "logistic"),
                c.getDouble("ranker.inner-split", 0.75, 0.05, 0.95), c.getInt("ranker.stage-one", 0, 0, 100_000),
                c.getInt("ranker.negatives-per-positive", 50, 1, 10_000),
                c.getInt("ranker.min-positives", 10, 1, 1_000_000));
    }
}
