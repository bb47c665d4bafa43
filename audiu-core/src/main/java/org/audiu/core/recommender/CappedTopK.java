package org.audiu.core.recommender;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The best {@code capacity} items seen with at most {@code perGroup} items per group (an artist cap) and at most one
 * item per identity (a song under several ids: the best-scored copy is kept), in O(log capacity) per offer and
 * O(capacity) memory however many are offered. The result is exactly what walking down all items, best first, gives
 * when it skips an item whose group is full or whose identity is taken: unlike a plain top-k followed by the cap or
 * the de-duplication, it never comes up short because the best items crowd into a few groups or are copies of one
 * another. Ties break by key, as in {@link TopK}. Items with an empty group are not capped; items with an empty
 * identity are never taken for copies.
 *
 * <p>Exactness needs items of one identity to share their group (the same song is by the same artist); when they do
 * not, a better copy still replaces the kept one, but the list may end one short of what the walk gives.
 *
 * @param <T> the item
 */
public final class CappedTopK<T> {
    private static final Comparator<TopK.Scored<?>> WORST_FIRST = Comparator.<TopK.Scored<?>>comparingDouble(
            TopK.Scored::score).thenComparing(TopK.Scored::key, Comparator.reverseOrder());

    private final int capacity;
    private final int perGroup;
    private final Function<T, String> groupOf;
    private final Function<T, String> identityOf;
    private final TreeSet<TopK.Scored<T>> all = new TreeSet<>(WORST_FIRST);
    private final Map<String, TreeSet<TopK.Scored<T>>> byGroup = new HashMap<>();
    private final Map<String, TopK.Scored<T>> byIdentity = new HashMap<>();
    private final Map<TopK.Scored<T>, Kept> kept = new HashMap<>();

    /** Where a kept item is indexed. */
    private record Kept(String group, String identity) {
    }

    /**
     * Without identities: every item may be kept.
     *
     * @param groupOf an item's group (e.g. its main artist, normalised); computed only for items that could enter
     */
    public CappedTopK(int capacity, int perGroup, Function<T, String> groupOf) {
        this(capacity, perGroup, groupOf, item -> "");
    }

    /**
     * @param groupOf    an item's group (e.g. its main artist, normalised); computed only for items that could enter
     * @param identityOf what makes two items the same (e.g. artist and title), empty for none; computed only for
     *                   items that could enter
     */
    public CappedTopK(int capacity, int perGroup, Function<T, String> groupOf, Function<T, String> identityOf) {
        if (capacity < 1 || perGroup < 1) {
            throw new IllegalArgumentException("capacity and perGroup must be >= 1, got " + capacity + ", "
                    + perGroup);
        }
        this.capacity = capacity;
        this.perGroup = perGroup;
        this.groupOf = groupOf;
        this.identityOf = identityOf;
    }

    public void offer(T item, double score, String key) {
        if (Double.isNaN(score)) {
            return;
        }
        TopK.Scored<T> candidate = new TopK.Scored<>(item, score, key);
        if (all.size() == capacity && WORST_FIRST.compare(candidate, all.first()) <= 0) {
            return; // cannot enter: not better than the worst kept
        }
        if (kept.containsKey(candidate)) {
            return;
        }
        String identity = identityOf.apply(item);
        TopK.Scored<T> copy = identity.isEmpty() ? null : byIdentity.get(identity);
        if (copy != null && WORST_FIRST.compare(candidate, copy) <= 0) {
            return; // a better copy of the same item is kept
        }
        String group = groupOf.apply(item);
        TreeSet<TopK.Scored<T>> members = group.isEmpty() ? null : byGroup.get(group);
        if (copy != null && group.equals(kept.get(copy).group())) {
            // The better copy takes the kept one's place: same group, same count, nothing else moves.
            remove(copy);
            add(candidate, group, identity);
            return;
        }
        if (members != null && members.size() >= perGroup) {
            TopK.Scored<T> worstOfGroup = members.first();
            if (WORST_FIRST.compare(candidate, worstOfGroup) > 0) {
                remove(worstOfGroup);
                if (copy != null) {
                    remove(copy);
                }
                add(candidate, group, identity);
            }
            return;
        }
        if (copy != null) {
            remove(copy);
        } else if (all.size() == capacity) {
            remove(all.first());
        }
        add(candidate, group, identity);
    }

    private void add(TopK.Scored<T> s, String group, String identity) {
        all.add(s);
        kept.put(s, new Kept(group, identity));
        if (!group.isEmpty()) {
            byGroup.computeIfAbsent(group, g -> new TreeSet<>(WORST_FIRST)).add(s);
        }
        if (!identity.isEmpty()) {
            byIdentity.put(identity, s);
        }
    }

    private void remove(TopK.Scored<T> s) {
        all.remove(s);
        Kept where = kept.remove(s);
        if (where == null) {
            return;
        }
        if (!where.group().isEmpty()) {
            TreeSet<TopK.Scored<T>> members = byGroup.get(where.group());
            members.remove(s);
            if (members.isEmpty()) {
                byGroup.remove(where.group());
            }
        }
        if (!where.identity().isEmpty()) {
            byIdentity.remove(where.identity());
        }
    }

    public int size() {
        return all.size();
    }

    /** Best first. */
    public List<TopK.Scored<T>> sortedDescending() {
        return new ArrayList<>(all.descendingSet());
    }
}
