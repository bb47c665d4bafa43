package org.audiu.core.eval.playlist;

/**
 * Which tracks a listener's recommendations come from: {@code all} (every other catalogue track, the benchmark) or
 * {@code sample} (the hidden tracks with a seeded sample of {@code sampleSize} others).
 *
 * @param sampleSize 0 for the whole catalogue, else how many non-hidden tracks are sampled per listener
 */
public record PoolChoice(int sampleSize) {
    public PoolChoice {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must be >= 0, got " + sampleSize);
        }
    }

    /** Every catalogue track outside the library. */
    public static PoolChoice all() {
        return new PoolChoice(0);
    }

    /** The hidden tracks and {@code n} sampled others. */
    public static PoolChoice sample(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("A sampled pool needs at least 1 track, got " + n);
        }
        return new PoolChoice(n);
    }

    /** The pool of one listener. */
    public EvaluationPool poolOf(EvaluationCatalogue catalogue, PlaylistSplit split, boolean[] excluded, long seed) {
        return sampleSize == 0 ? EvaluationPool.all()
                : EvaluationPool.sample(catalogue, split, excluded, sampleSize, seed);
    }

    /** {@code all} or {@code sample:N}, as the CLI writes it. */
    public String describe() {
        return sampleSize == 0 ? "all" : "sample:" + sampleSize;
    }
}
