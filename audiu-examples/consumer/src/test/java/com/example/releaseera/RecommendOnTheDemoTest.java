package com.example.releaseera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.Recommendation;
import org.audiu.core.engine.RecommendationResult;
import org.junit.jupiter.api.Test;

/** The whole engine on the embedded demo, with this project's scorer chosen by name in config/release-era.properties. */
class RecommendOnTheDemoTest {
    @Test
    void theConfiguredScorerRanksTheDemoCatalogue() {
        RecommendationResult result = RecommendOnTheDemo.recommend(Path.of("config/release-era.properties"));

        assertEquals("release-era", result.report().components().get("scorer"));
        assertEquals(Map.of("release-era", 1.0), result.report().preferenceWeights());
        List<Recommendation> recommendations = result.recommendations();
        assertEquals(10, recommendations.size(), "recommendations = 10");
        for (int i = 1; i < recommendations.size(); i++) {
            assertTrue(recommendations.get(i - 1).score() >= recommendations.get(i).score(), "best first");
        }
    }
}
