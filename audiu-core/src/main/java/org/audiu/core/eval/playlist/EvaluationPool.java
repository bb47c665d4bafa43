package org.audiu.core.eval.playlist;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The tracks one listener's recommendations are drawn from, as catalogue positions: every catalogue track, or the
 * listener's hidden tracks with a seeded uniform sample of {@code size} other tracks (a smaller, easier pool, as in
 * sampled evaluations). Library tracks (and the same songs under other ids) are never in it. Immutable.
 */
public final class EvaluationPool {
    private static final EvaluationPool ALL = new EvaluationPool(null);

    /** Members by catalogue position; null: the whole catalogue. */
    private final boolean[] members;

    private EvaluationPool(boolean[] members) {
        this.members = members;
    }

    /** Every catalogue track. */
    public static EvaluationPool all() {
        return ALL;
    }

    /**
     * The hidden tracks plus {@code size} other tracks sampled uniformly (without replacement) from the catalogue
     * tracks outside the library; the sample depends only on the seed and the playlist id.
     *
     * @param excluded catalogue positions that are library tracks or the same songs ({@link
     *                 EvaluationCatalogue#excluded})
     */
    public static EvaluationPool sample(EvaluationCatalogue catalogue, PlaylistSplit split, boolean[] excluded,
                                        int size, long seed) {
        Objects.requireNonNull(split, "split");
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        boolean[] members = new boolean[catalogue.size()];
        for (String id : split.hidden()) {
            int i = catalogue.indexOf(id);
            if (i >= 0 && !excluded[i]) {
                members[i] = true;
            }
        }
        int[] others = new int[catalogue.size()];
        int n = 0;
        for (int i = 0; i < members.length; i++) {
            if (!members[i] && !excluded[i]) {
                others[n++] = i;
            }
        }
        SplittableRandom random = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL ^ split.playlistId().hashCode());
        int take = Math.min(size, n);
        for (int i = 0; i < take; i++) { // partial Fisher-Yates: the first 'take' are a uniform sample
            int j = i + random.nextInt(n - i);
            int tmp = others[i];
            others[i] = others[j];
            others[j] = tmp;
            members[others[i]] = true;
        }
        return new EvaluationPool(members);
    }

    public boolean isWholeCatalogue() {
        return members == null;
    }

    /** Whether the track at a catalogue position is in the pool. */
    public boolean contains(int position) {
        return members == null || members[position];
    }

    /** Number of members in a catalogue of {@code catalogueSize} tracks. */
    public int size(int catalogueSize) {
        if (members == null) {
            return catalogueSize;
        }
        int n = 0;
        for (boolean b : members) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Override
    public String toString() {
        return members == null ? "EvaluationPool[all]" : "EvaluationPool[" + size(members.length) + " of "
                + members.length + ", " + Arrays.hashCode(members) + "]";
    }
}
