package org.audiu.core.twostage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.spi.retrieval.Retrieved;

/**
 * Stage 1's output for one listener: at most N distinct candidates merged from several retrievers, with each
 * candidate's rank (0-based) in every retriever's list, -1 where that retriever did not propose it. The merge takes
 * the retrievers' lists in turns, rank by rank (each retriever's best, then each one's second, ...), so that every
 * retriever's best candidates get in before any retriever's tail; the order of the retrievers breaks ties.
 *
 * @param retrievers the retrievers' names, in column order
 * @param positions  catalogue positions, in merge order
 * @param ranks      {@code ranks[r][j]}: the rank of {@code positions[j]} in retriever {@code r}'s list, or -1
 */
public record CandidateSet(List<String> retrievers, int[] positions, int[][] ranks) {
    public CandidateSet {
        retrievers = List.copyOf(retrievers);
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(ranks, "ranks");
        if (ranks.length != retrievers.size()) {
            throw new IllegalArgumentException(ranks.length + " rank columns for " + retrievers.size()
                    + " retrievers");
        }
    }

    public int size() {
        return positions.length;
    }

    /** Runs every retriever on the query and merges their lists into at most {@code max} candidates. */
    public static CandidateSet retrieve(RetrievalQuery query, List<NamedRetriever> retrievers, int max) {
        List<Retrieved> lists = new ArrayList<>(retrievers.size());
        for (NamedRetriever r : retrievers) {
            Retrieved got = r.retriever().retrieve(query, r.limit());
            for (int p : got.positions()) {
                if (query.excluded()[p]) {
                    throw new IllegalStateException("Retriever '" + r.name() + "' proposed excluded catalogue "
                            + "position " + p + " (" + query.catalogue().track(p).id() + ")");
                }
            }
            lists.add(got);
        }
        return merge(retrievers.stream().map(NamedRetriever::name).toList(), lists, max);
    }

    /** Merges lists in turns, rank by rank, into at most {@code max} distinct positions. */
    public static CandidateSet merge(List<String> names, List<Retrieved> lists, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        Map<Integer, Integer> slot = new LinkedHashMap<>();
        int deepest = lists.stream().mapToInt(Retrieved::size).max().orElse(0);
        for (int rank = 0; rank < deepest && slot.size() < max; rank++) {
            for (Retrieved l : lists) {
                if (rank < l.size() && slot.size() < max) {
                    slot.putIfAbsent(l.positions()[rank], slot.size());
                }
            }
        }
        int[] positions = slot.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[][] ranks = new int[lists.size()][positions.length];
        for (int r = 0; r < lists.size(); r++) {
            Arrays.fill(ranks[r], -1);
            int[] ps = lists.get(r).positions();
            for (int k = 0; k < ps.length; k++) {
                Integer j = slot.get(ps[k]);
                if (j != null) {
                    ranks[r][j] = k;
                }
            }
        }
        return new CandidateSet(names, positions, ranks);
    }

    /**
     * Reciprocal-rank fusion of the retrievers' lists, {@code sum_r 1 / (60 + rank_r)}: stage 1 alone, without a
     * learnt ranker (the ablation "retrieval only").
     */
    public double[] fusedScores() {
        double[] s = new double[positions.length];
        for (int[] column : ranks) {
            for (int j = 0; j < s.length; j++) {
                if (column[j] >= 0) {
                    s[j] += 1.0 / (60 + column[j]);
                }
            }
        }
        return s;
    }
}
