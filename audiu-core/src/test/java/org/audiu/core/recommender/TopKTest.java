package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void keepsTheBestInOrderWithDeterministicTies() {
        TopK<Integer> top = new TopK<>(3);
        int[] values = {5, 1, 9, 7, 9, 3, 8};
        for (int i = 0; i < values.length; i++) {
            top.offer(i, values[i], "k" + i);
        }
        List<Integer> best = top.sortedDescending().stream().map(TopK.Scored::item).toList();
        assertEquals(List.of(2, 4, 6), best);
    }

    @Test
    void matchesAFullSortOnRandomInput() {
        Random r = new Random(3);
        double[] scores = IntStream.range(0, 10_000).mapToDouble(i -> r.nextInt(500)).toArray();
        TopK<Integer> top = new TopK<>(50);
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i], String.format("%05d", i));
        }
        List<Integer> expected = IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b))
                .limit(50).toList();
        assertEquals(expected, top.sortedDescending().stream().map(TopK.Scored::item).toList());
    }
}
