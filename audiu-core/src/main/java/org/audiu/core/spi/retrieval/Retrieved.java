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
     * positive score. A heap of positions, no object per offer: retrieval runs it over the whole catalogue.
     */
    public static Retrieved top(double[] score, boolean[] excluded, int limit) {
        int capacity = Math.max(1, limit);
        // heap[0..size) holds the kept positions, the worst at the root
        int[] heap = new int[Math.min(capacity, score.length) + 1];
        int size = 0;
        for (int i = 0; i < score.length; i++) {
            double v = score[i];
            if (excluded[i] || !(v > 0)) {
                continue;
            }
            if (size < capacity) {
                heap[size] = i;
                siftUp(heap, size++, score);
            } else if (better(i, heap[0], score)) {
                heap[0] = i;
                siftDown(heap, size, score);
            }
        }
        int[] p = new int[size];
        for (int j = size - 1; j >= 0; j--) {
            p[j] = heap[0];
            heap[0] = heap[j];
            siftDown(heap, j, score);
        }
        double[] s = new double[size];
        for (int j = 0; j < size; j++) {
            s[j] = score[p[j]];
        }
        return new Retrieved(p, s);
    }

    /** Whether position {@code a} ranks before {@code b}: a higher score, or the same score and a lower position. */
    private static boolean better(int a, int b, double[] score) {
        int c = Double.compare(score[a], score[b]);
        return c > 0 || (c == 0 && a < b);
    }

    private static void siftUp(int[] heap, int at, double[] score) {
        int x = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(heap[parent], x, score)) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = x;
    }

    private static void siftDown(int[] heap, int size, double[] score) {
        if (size == 0) {
            return;
        }
        int x = heap[0];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], score)) {
                child++;
            }
            if (!better(x, heap[child], score)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = x;
    }
}
