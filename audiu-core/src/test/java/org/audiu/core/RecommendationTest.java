package org.audiu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The ranking score people see keeps apart what the probability crowds at 1. */
class RecommendationTest {
    private static Recommendation scored(double score) {
        return new Recommendation(Track.builder("t", "T").build(), score, List.of());
    }

    @Test
    void probabilitiesThatPrintAlikeGetDistinctRankingScores() {
        // the top two of the demo run before this change: both printed as "1.000"
        double first = 0.9997819245506622;
        double second = 0.9997589902228894;
        assertEquals(String.format(Locale.ROOT, "%.3f", first), String.format(Locale.ROOT, "%.3f", second));
        assertNotEquals(String.format(Locale.ROOT, "%.2f", scored(first).rankingScore()),
                String.format(Locale.ROOT, "%.2f", scored(second).rankingScore()));
        assertEquals(8.43, scored(first).rankingScore(), 0.01);
    }

    @Test
    void theRankingScoreIsTheLogOddsAndKeepsTheOrder() {
        assertEquals(0, scored(0.5).rankingScore(), 1e-12);
        assertEquals(Math.log(9), scored(0.9).rankingScore(), 1e-12);
        double previous = Double.NEGATIVE_INFINITY;
        for (double p : new double[] {0, 1e-9, 0.1, 0.5, 0.99, 0.999999, 1}) {
            double r = scored(p).rankingScore();
            assertTrue(Double.isFinite(r) && r > previous, p + " -> " + r);
            previous = r;
        }
        assertEquals(3.5, scored(3.5).rankingScore(), "a score that is no probability is shown as it is");
    }
}
