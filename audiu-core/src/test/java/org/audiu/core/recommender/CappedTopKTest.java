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
    private record Item(String id, String artist, double score, String song) {
        Item(String id, String artist, double score) {
            this(id, artist, score, "");
        }
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

    /** The expected answer with one item per song: walk down the sorted items skipping full artists and taken songs. */
    private static List<String> bruteForceUnique(List<Item> items, int k, int cap) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(Item::score).reversed().thenComparing(Item::id));
        Map<String, Integer> per = new HashMap<>();
        java.util.Set<String> songs = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        for (Item i : sorted) {
            if (out.size() == k) {
                break;
            }
            if (!i.artist().isEmpty() && per.getOrDefault(i.artist(), 0) >= cap) {
                continue;
            }
            if (!i.song().isEmpty() && !songs.add(i.song())) {
                continue;
            }
            per.merge(i.artist(), 1, Integer::sum);
            out.add(i.id());
        }
        return out;
    }

    @Test
    void keepsTheBestCopyOfEachSongAndIsNeverShortOnRandomInput() {
        Random r = new Random(11);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(300);
            int k = 1 + r.nextInt(30);
            int cap = 1 + r.nextInt(3);
            int artists = 1 + r.nextInt(20);
            int titles = 1 + r.nextInt(6); // few titles per artist: many copies of the same song
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String artist = r.nextInt(10) == 0 ? "" : "a" + r.nextInt(artists);
                String song = r.nextInt(8) == 0 ? "" : artist + "/t" + r.nextInt(titles);
                items.add(new Item(String.format("id%04d", i), artist, r.nextInt(50) / 10.0, song));
            }
            CappedTopK<Item> top = new CappedTopK<>(k, cap, Item::artist, Item::song);
            items.forEach(i -> top.offer(i, i.score(), i.id()));
            List<String> got = top.sortedDescending().stream().map(s -> s.item().id()).toList();
            assertEquals(bruteForceUnique(items, k, cap), got, "trial " + trial);
        }
    }

    @Test
    void aBetterCopyReplacesTheKeptOneWithoutLeavingAGap() {
        CappedTopK<Item> top = new CappedTopK<>(3, 2, Item::artist, Item::song);
        List<Item> offered = List.of(new Item("x1", "acdc", 0.9, "acdc/you shook me"),
                new Item("y", "katy", 0.8, "katy/firework"), new Item("z", "katy", 0.7, "katy/roar"),
                new Item("w", "dylan", 0.6, "dylan/knockin"),
                new Item("x2", "acdc", 0.95, "acdc/you shook me"), // the same song again, better
                new Item("y2", "katy", 0.5, "katy/firework")); // the same song again, worse
        offered.forEach(i -> top.offer(i, i.score(), i.id()));
        assertEquals(List.of("x2", "y", "z"), top.sortedDescending().stream().map(s -> s.item().id()).toList());
    }

    @Test
    void copiesInDifferentGroupsStillKeepTheCapAndOneCopy() {
        Random r = new Random(17);
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + r.nextInt(20);
            int cap = 1 + r.nextInt(3);
            CappedTopK<Item> top = new CappedTopK<>(k, cap, Item::artist, Item::song);
            for (int i = 0; i < 200; i++) {
                // A song's copies are spread over artists here, which the exact walk does not allow.
                Item item = new Item(String.format("id%04d", i), "a" + r.nextInt(6), r.nextInt(40) / 10.0,
                        "t" + r.nextInt(15));
                top.offer(item, item.score(), item.id());
            }
            List<Item> kept = top.sortedDescending().stream().map(TopK.Scored::item).toList();
            assertTrue(kept.size() <= k && kept.size() == top.size(), "trial " + trial);
            assertEquals(kept.size(), kept.stream().map(Item::song).distinct().count(), "one copy, trial " + trial);
            Map<String, Long> perArtist = new HashMap<>();
            kept.forEach(i -> perArtist.merge(i.artist(), 1L, Long::sum));
            assertTrue(perArtist.values().stream().allMatch(n -> n <= cap), "cap, trial " + trial);
        }
    }
}
