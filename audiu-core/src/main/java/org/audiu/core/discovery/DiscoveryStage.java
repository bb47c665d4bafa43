package org.audiu.core.discovery;

import java.util.List;
import java.util.Map;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;

/** Assembles the discovery ranker from its settings: its trainer found by name among the plugins. */
public final class DiscoveryStage {
    private DiscoveryStage() {
    }

    /**
     * The ranker over a catalogue.
     *
     * @throws org.audiu.core.config.ConfigException when {@code ranker.model} names no trainer (the message lists
     *                                               the available ones)
     */
    public static DiscoveryRanker ranker(EvaluationCatalogue catalogue, DiscoverySettings settings, Plugins plugins,
                                         long seed) {
        Trainer trainer = plugins.create(TrainerFactory.KIND, settings.model(),
                ComponentConfig.of(TrainerFactory.KIND.label(), settings.model(), Map.of(), seed));
        return new DiscoveryRanker(catalogue, trainer, settings);
    }

    /**
     * The first stage a user's engine gives the ranker: the engine's own top for a library (the plays before the
     * ranker's inner cut, then the whole library), trained anew for each.
     */
    public static DiscoveryRanker.StageOne stageOne(RecommendationEngine engine) {
        return (library, depth) -> depth == 0 ? List.of()
                : engine.withLibrary(() -> library, "discovery ranker's library")
                        .withSettings(engine.settings().withRecommendations(depth)).recommend().recommendations()
                        .stream().map(r -> r.track().id()).toList();
    }

    /**
     * The two-stage list for a listener: the ranker learned from the library's history, under the engine's artist
     * cap, as recommendations with their reasons; the result's {@code fallbackReason} says why when it cannot learn.
     */
    public static Ranked recommend(DiscoveryRanker ranker, RecommendationEngine engine, ListenerLibrary library,
                                   int n) {
        int perArtist = engine.settings().artistCap(library.distinctTracks()).perArtist(n);
        DiscoveryRanker.Result result = ranker.rank(library, stageOne(engine), n, perArtist, engine.settings().seed());
        List<Recommendation> out = result.ranked().stream().map(r -> new Recommendation(r.track(), r.score(),
                r.score(), List.of(r.reason()))).toList();
        return new Ranked(out, result);
    }

    /** The ranker's recommendations and how it learned them. */
    public record Ranked(List<Recommendation> recommendations, DiscoveryRanker.Result result) {
        public Ranked {
            recommendations = List.copyOf(recommendations);
        }
    }
}
