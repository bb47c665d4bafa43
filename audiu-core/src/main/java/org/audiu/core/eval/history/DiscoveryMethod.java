package org.audiu.core.eval.history;

import java.util.List;
import java.util.Objects;
import org.audiu.core.discovery.DiscoveryRanker;
import org.audiu.core.eval.playlist.ContinuationMethod;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * audiU with the discovery ranker ({@code ranker = discovery}) under evaluation: the single-stage engine
 * ({@link EngineMethod}) is the first stage, trained on whatever library the ranker gives it (the plays before its
 * inner cut, then the whole library it sees), and the {@link DiscoveryRanker} learned from the listener's own
 * discoveries orders the catalogue. When the history is too short to learn from, the engine's list is returned and
 * the log says why. The listener's held-out period is never seen: the ranker reads only {@code listener.library()}.
 */
public final class DiscoveryMethod implements ContinuationMethod {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryMethod.class);

    private final String name;
    private final EngineMethod engine;
    private final DiscoveryRanker ranker;

    public DiscoveryMethod(String name, EngineMethod engine, DiscoveryRanker ranker) {
        this.name = Objects.requireNonNull(name, "name");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ranker = Objects.requireNonNull(ranker, "ranker");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> variantCaps() {
        return List.of("audiu's");
    }

    @Override
    public List<String> recommend(EvaluationListener listener, int n) {
        DiscoveryRanker.StageOne stageOne = (library, depth) -> depth == 0 ? List.of()
                : engine.recommend(new EvaluationListener(listener.playlist(), listener.split(), library,
                        listener.seed(), listener.pool()), depth);
        DiscoveryRanker.Result result = ranker.rank(listener.library(), stageOne, n,
                engine.artistCap(listener, n), listener.seed());
        if (!result.ranks()) {
            LOG.warn("The discovery ranker cannot learn from this history ({}); the single-stage engine ranks",
                    result.fallbackReason());
            return engine.recommend(listener, n);
        }
        return result.ranked().stream().map(r -> r.track().id()).toList();
    }
}
