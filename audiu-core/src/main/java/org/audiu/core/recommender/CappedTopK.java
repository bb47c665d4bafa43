package org.audiu.core.recommender;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The best {@code capacity} items seen with at most {@code perGroup} items per group (an artist cap), in
 * O(log capacity) per offer and O(capacity) memory however many are offered. Unlike a plain top-k followed by the
 * cap, it never comes up short because the best items crowd into a few groups. Ties break by key, as in
 * {@link TopK}. Items with an empty group are not capped.
 *
 * @param <T> the item
 */
public final class CappedTopK<T> {
    private static final Comparator<TopK.Scored<?>> WORST_FIRST = Comparator.<TopK.Scored<?>>comparingDouble(
            TopK.Scored::score).thenComparing(TopK.Scored::key, Comparator.reverseOrder());

    private final int capacity;
    private final int perGroup;
    private final Function<T, String> groupOf;
    private final TreeSet<TopK.Scored<T>> all = new TreeSet<>(WORST_FIRST);
    private final Map<String, TreeSet<TopK.Scored<T>>> byGroup = new HashMap<>();
    private final Map<TopK.Scored<T>, String> groups = new HashMap<>();

    /**
     * @param groupOf an item's group (e.g. its main artist, normalised); computed only for items that could enter
     */
    public CappedTopK(int capacity, int perGroup, Function<T, String> groupOf) {
        if (capacity < 1 || perGroup < 1) {
            throw new IllegalArgumentException("capacity and perGroup must be >= 1, got " + capacity + ", "
                    + perGroup);
        }
        this.capacity = capacity;
        this.perGroup = perGroup;
        this.groupOf = groupOf;
    }

    public void offer(T item, double score, String key) {
        if (Double.isNaN(score)) {
            return;
        }
        TopK.Scored<T> candidate = new TopK.Scored<>(item, score, key);
        if (all.size() == capacity && WORST_FIRST.compare(candidate, all.first()) <= 0) {
            return; // cannot enter: not better than the worst kept
        }
        if (all.contains(candidate)) {
            return;
        }
        String group = groupOf.apply(item);
        if (!group.isEmpty()) {
            TreeSet<TopK.Scored<T>> members = byGroup.get(group);
            if (members != null && members.size() >= perGroup) {
                TopK.Scored<T> worstOfGroup = members.first();
                if (WORST_FIRST.compare(candidate, worstOfGroup) > 0) {
                    remove(worstOfGroup);
                    add(candidate, group);
                }
                return;
            }
        }
        if (all.size() == capacity) {
            remove(all.first());
        }
        add(candidate, group);
    }

    private void add(TopK.Scored<T> s, String group) {
        all.add(s);
        groups.put(s, group);
        if (!group.isEmpty()) {
            byGroup.computeIfAbsent(group, g -> new TreeSet<>(WORST_FIRST)).add(s);
        }
    }

    private void remove(TopK.Scored<T> s) {
        all.remove(s);
        String group = groups.remove(s);
        if (group != null && !group.isEmpty()) {
            TreeSet<TopK.Scored<T>> members = byGroup.get(group);
            members.remove(s);
            if (members.isEmpty()) {
                byGroup.remove(group);
            }
        }
    }

    public int size() {
        return all.size();
    }

    /** Best first. */
    public List<TopK.Scored<T>> sortedDescending() {
        List<TopK.Scored<T>> out = new ArrayList<>(all.descendingSet());
        return out;
    }
}
