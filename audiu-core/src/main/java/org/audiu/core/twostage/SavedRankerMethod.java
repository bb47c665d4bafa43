package org.audiu.core.twostage;

import java.util.List;
import java.util.Objects;
import org.audiu.core.eval.playlist.ContinuationMethod;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationListener;

/**
 * The two-stage recommender with a ranker trained beforehand ({@code audiu ranker train}), for listeners who are not
 * the catalogue's playlists (listening histories): the listener's own model scores the pool, the retrievers propose,
 * the saved ranker orders under audiU's artist cap. Thread-safe.
 */
public final class SavedRankerMethod implements ContinuationMethod {
    private final String name;
    private final EngineMethod engine;
    private final TwoStageRecommender recommender;
    private final TwoStageCatalogue catalogue;

    /** @param catalogue the evaluation's catalogue, laid out (the recommender's, by position) */
    public SavedRankerMethod(String name, EngineMethod engine, TwoStageRecommender recommender,
                             TwoStageCatalogue catalogue) {
        this.name = Objects.requireNonNull(name, "name");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.recommender = Objects.requireNonNull(recommender, "recommender");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> recommend(EvaluationListener listener, int n) {
        boolean[] excluded = catalogue.source().excluded(listener.library());
        for (int i = 0; i < excluded.length; i++) {
            excluded[i] |= !listener.pool().contains(i);
        }
        double[] modelScores = engine.modelScores(listener, excluded);
        return recommender.recommend(listener.library(), modelScores, excluded, n, engine.artistCap(listener, n))
                .stream().map(r -> r.track().id()).toList();
    }

    @Override
    public List<String> variantCaps() {
        return List.of("audiu's");
    }
}
