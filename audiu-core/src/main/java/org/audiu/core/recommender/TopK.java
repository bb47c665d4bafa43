package org.audiu.core.recommender;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code capacity} items seen, in O(log capacity) per offer and O(capacity) memory, however many are
 * offered. Ties are broken by key so results do not depend on arrival order.
 *
 * @param <T> the item
 */
public final class TopK<T> {
    /** An item with its score and a tie-breaking key. */
    public record Scored<T>(T item, double score, String key) {
    }

    private static final Comparator<Scored<?>> WORST_FIRST = Comparator.<Scored<?>>comparingDouble(Scored::score)
            .thenComparing(Scored::key, Comparator.reverseOrder());

    private final int capacity;
    private final PriorityQueue<Scored<T>> heap;

    public TopK(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.heap = new PriorityQueue<>(capacity + 1, WORST_FIRST);
    }

    public void offer(T item, double score, String key) {
        if (Double.isNaN(score)) {
            return;
        }
        if (heap.size() < capacity) {
            heap.add(new Scored<>(item, score, key));
            return;
        }
        Scored<T> worst = heap.peek();
        Scored<T> candidate = new Scored<>(item, score, key);
        if (WORST_FIRST.compare(candidate, worst) > 0) {
            heap.poll();
            heap.add(candidate);
        }
    }

    public int size() {
        return heap.size();
    }

    /** Best first. */
    public List<Scored<T>> sortedDescending() {
        List<Scored<T>> out = new ArrayList<>(heap);
        out.sort(WORST_FIRST.reversed());
        return out;
    }
}
