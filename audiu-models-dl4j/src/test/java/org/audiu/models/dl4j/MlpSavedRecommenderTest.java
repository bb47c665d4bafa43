package org.audiu.models.dl4j;

import java.nio.file.Path;
import java.util.Map;
import org.audiu.models.recommender.SavedRecommenderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neural net travels inside a saved trained recommender and scores the same after load. */
class MlpSavedRecommenderTest {
    @TempDir
    Path tmp;

    @Test
    void aLoadedMlpRecommenderScoresAndRanksAsTheTrainedOne() throws Exception {
        SavedRecommenderTest.checkRoundTrip("mlp", Map.of("model.hidden", "32,16", "model.epochs", "30"), tmp);
    }
}
