package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CappedTopKTest {
    private record Item(String id, String artist, double score) {
    }

    /** The expected answer: sort everything, then walk down applying the cap. */
    private static List<String> bruteForce(List<Item> items, int k, int cap) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(Item::score).reversed().thenComparing(Item::id));
        Map<String, Integer> per = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Item i : sorted) {
            if (out.size() == k) {
                break;
            }
            if (!i.artist().isEmpty() && per.getOrDefault(i.artist(), 0) >= cap) {
                continue;
            }
            per.merge(i.artist(), 1, Integer::sum);
            out.add(i.id());
        }
        return out;
    }

    @Test
    void matchesSortThenCapOnRandomInput() {
        Random r = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            int k = 1 + r.nextInt(30);
            int cap = 1 + r.nextInt(3);
            int artists = 1 + r.nextInt(20);
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String artist = r.nextInt(10) == 0 ? "" : "a" + r.nextInt(artists);
                items.add(new Item(String.format("id%04d", i), artist, r.nextInt(50) / 10.0));
            }
            CappedTopK<Item> top = new CappedTopK<>(k, cap, Item::artist);
            items.forEach(i -> top.offer(i, i.score(), i.id()));
            List<String> got = top.sortedDescending().stream().map(s -> s.item().id()).toList();
            assertEquals(bruteForce(items, k, cap), got, "trial " + trial);
        }
    }

    @Test
    void neverComesUpShortWhileOtherArtistsRemain() {
        // The 100 best tracks are all by one artist; a plain top-100 then cap would leave 2.
        CappedTopK<Item> top = new CappedTopK<>(20, 2, Item::artist);
        for (int i = 0; i < 100; i++) {
            Item star = new Item("s" + i, "star", 1.0 - i * 1e-4);
            top.offer(star, star.score(), star.id());
        }
        for (int i = 0; i < 50; i++) {
            Item other = new Item("o" + i, "artist" + i, 0.5);
            top.offer(other, other.score(), other.id());
        }
        assertEquals(20, top.size());
        long stars = top.sortedDescending().stream().filter(s -> s.item().artist().equals("star")).count();
        assertEquals(2, stars);
        assertTrue(top.sortedDescending().get(0).item().id().equals("s0"));
    }
}
