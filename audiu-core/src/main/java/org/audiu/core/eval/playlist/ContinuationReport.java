package org.audiu.core.eval.playlist;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.metrics.RankingMetrics;

/**
 * The outcome of a playlist-continuation run.
 *
 * @param k         the cut-off of P@k, recall@k, NDCG@k and hit-rate@k
 * @param seeds     the repetitions' seeds
 * @param listeners listeners (playlists) per repetition
 * @param methods   one result per method, in the order they were given
 * @param seconds   wall time of the whole run
 */
public record ContinuationReport(int k, List<Long> seeds, int listeners, List<MethodResult> methods,
                                 double seconds) {
    public ContinuationReport {
        seeds = List.copyOf(seeds);
        methods = List.copyOf(methods);
    }

    /**
     * One method's metrics.
     *
     * @param cap     how its lists cap artists ({@code none}, or {@code audiu's}: the cap audiU applies to this
     *                listener)
     * @param mean    the mean over listeners and repetitions
     * @param perSeed the mean over listeners of each repetition, in {@code seeds} order
     * @param seconds time spent in this method, summed over threads
     */
    public record MethodResult(String name, String cap, RankingMetrics mean, List<RankingMetrics> perSeed,
                               double seconds) {
        public MethodResult {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cap, "cap");
            Objects.requireNonNull(mean, "mean");
            perSeed = List.copyOf(perSeed);
        }

        /** Standard deviation across repetitions of metric {@code index} ({@link RankingMetrics#NAMES} order). */
        public double spreadAcrossSeeds(int index) {
            if (perSeed.size() < 2) {
                return 0;
            }
            double m = mean.values()[index];
            double ss = 0;
            for (RankingMetrics r : perSeed) {
                double d = r.values()[index] - m;
                ss += d * d;
            }
            return Math.sqrt(ss / (perSeed.size() - 1));
        }
    }

    public Optional<MethodResult> method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
