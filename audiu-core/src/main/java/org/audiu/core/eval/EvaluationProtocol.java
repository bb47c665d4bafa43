package org.audiu.core.eval;

import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import org.audiu.core.spi.training.LabelledData;

/**
 * How to evaluate: for each seed, either one artist-grouped holdout split ({@code folds == 0}) or an artist-grouped
 * k-fold cross-validation.
 *
 * @param seeds        the seeds; each gives its own split(s) and trainer seed
 * @param folds        0 for a holdout split, otherwise k &gt;= 2
 * @param testFraction the holdout's test share (ignored for k-fold)
 */
public record EvaluationProtocol(List<Long> seeds, int folds, double testFraction) {
    public EvaluationProtocol {
        seeds = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("folds must be 0 (holdout) or at least 2, got " + folds);
        }
        if (folds == 0 && !(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
    }

    /** {@code n} holdout splits with seeds {@code firstSeed, firstSeed+1, ...} and a 20% test part. */
    public static EvaluationProtocol holdout(long firstSeed, int n, double testFraction) {
        return new EvaluationProtocol(LongStream.range(0, n).map(i -> firstSeed + i).boxed().toList(), 0,
                testFraction);
    }

    /** k-fold cross-validation repeated for {@code n} seeds. */
    public static EvaluationProtocol kFold(long firstSeed, int n, int k) {
        return new EvaluationProtocol(LongStream.range(0, n).map(i -> firstSeed + i).boxed().toList(), k, 0.2);
    }

    /** The splits of one seed. */
    public List<Split> splits(LabelledData data, long seed) {
        GroupedSplitter splitter = new GroupedSplitter(seed);
        return folds == 0 ? List.of(splitter.holdout(data, testFraction)) : splitter.kFold(data, folds);
    }

    /** E.g. "3 seeds x artist-grouped 80/20 holdout". */
    public String describe() {
        return describe(SplitGrouping.artist());
    }

    /** E.g. "3 seeds x random stratified 80/20 holdout" for data without artists. */
    public String describe(SplitGrouping grouping) {
        String per = folds == 0
                ? String.format(java.util.Locale.ROOT, "%s %.0f/%.0f holdout", grouping.adjective(),
                100 * (1 - testFraction), 100 * testFraction)
                : grouping.adjective() + " " + folds + "-fold cross-validation";
        return seeds.size() + (seeds.size() == 1 ? " seed" : " seeds") + " x " + per;
    }
}
