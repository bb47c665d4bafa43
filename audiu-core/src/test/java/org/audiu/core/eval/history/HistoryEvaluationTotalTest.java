package org.audiu.core.eval.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audiu.core.metrics.RankingMetrics;
import org.junit.jupiter.api.Test;

class HistoryEvaluationTotalTest {
    /** A report whose methods found {@code hits} of {@code targets} targets, at the top of a list of k 10. */
    private static HistoryEvaluationReport report(int targets, Map<String, Integer> hits) {
        Map<String, RankingMetrics> methods = new LinkedHashMap<>();
        Set<String> relevant = new java.util.HashSet<>();
        for (int i = 0; i < targets; i++) {
            relevant.add("t" + i);
        }
        hits.forEach((name, h) -> {
            List<String> ranked = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ranked.add(i < h ? "t" + i : "miss" + i);
            }
            methods.put(name, RankingMetrics.of(ranked, relevant, 10));
        });
        return new HistoryEvaluationReport(Instant.EPOCH, 100, 50, 20, targets, 10, null, methods);
    }

    private static Map<String, Integer> hits(int audiu, int sameArtist) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("audiu", audiu);
        m.put("same-artist", sameArtist);
        return m;
    }

    @Test
    void hitsAreSummedAndNdcgIsWeightedByTargets() {
        HistoryEvaluationReport a = report(40, hits(4, 2));
        HistoryEvaluationReport b = report(10, hits(1, 3));
        HistoryEvaluationTotal total = HistoryEvaluationTotal.of(List.of(a, b));
        HistoryEvaluationTotal.MethodTotal audiu = total.methods().get("audiu");
        assertEquals(5, audiu.hits());
        assertEquals(50, audiu.targets());
        assertEquals(0.1, audiu.recall(), 1e-12);
        double ndcg = (a.methods().get("audiu").ndcg() * 40 + b.methods().get("audiu").ndcg() * 10) / 50;
        assertEquals(ndcg, audiu.ndcg(), 1e-12);
        assertEquals(5, total.methods().get("same-artist").hits());
        assertFalse(total.beatsEveryOther("audiu"), "level on hits in total, behind on the second export");
    }

    @Test
    void beatingEveryOtherMeansInEachExportAndInTotal() {
        HistoryEvaluationTotal ahead = HistoryEvaluationTotal.of(List.of(report(40, hits(4, 2)),
                report(10, hits(3, 1))));
        assertTrue(ahead.beatsEveryOther("audiu"));
        assertFalse(ahead.beatsEveryOther("same-artist"));
        assertThrows(IllegalArgumentException.class, () -> ahead.beatsEveryOther("popularity"));
    }

    @Test
    void exportsRankedByOtherMethodsCannotBeTotalled() {
        Map<String, Integer> other = new LinkedHashMap<>();
        other.put("audiu", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistoryEvaluationTotal.of(List.of(report(10, hits(1, 1)), report(10, other))));
        assertTrue(e.getMessage().contains("same methods"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HistoryEvaluationTotal.of(List.of()));
    }
}
