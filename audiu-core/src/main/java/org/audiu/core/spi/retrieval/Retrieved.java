package org.audiu.core.spi.retrieval;

import java.util.Objects;

/**
 * What one retriever proposes, best first.
 *
 * @param positions catalogue positions, each once
 * @param scores    the retriever's score of each, non-increasing
 */
public record Retrieved(int[] positions, double[] scores) {
    public Retrieved {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(scores, "scores");
        if (positions.length != scores.length) {
            throw new IllegalArgumentException(positions.length + " positions and " + scores.length + " scores");
        }
    }

    public int size() {
        return positions.length;
    }

    /**
     * The best {@code limit} positions by score (ties by position, ascending) among those not excluded and with a
     * positive score.
     */
    public static Retrieved top(double[] score, boolean[] excluded, int limit) {
        org.audiu.core.recommender.TopK<Integer> top = new org.audiu.core.recommender.TopK<>(Math.max(1, limit));
        for (int i = 0; i < score.length; i++) {
            if (!excluded[i] && score[i] > 0 && !Double.isNaN(score[i])) {
                top.offer(i, score[i], String.format("%09d", i));
            }
        }
        var kept = top.sortedDescending();
        int[] p = new int[kept.size()];
        double[] s = new double[kept.size()];
        for (int j = 0; j < p.length; j++) {
            p[j] = kept.get(j).item();
            s[j] = kept.get(j).score();
        }
        return new Retrieved(p, s);
    }
}
