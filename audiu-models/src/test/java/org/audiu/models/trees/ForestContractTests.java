package org.audiu.models.trees;

import java.util.Map;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.AudiuTrainerContractTest;
import org.junit.jupiter.api.Nested;

class ForestContractTests {
    @Nested
    class RandomForest extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new ForestTrainerFactories.RandomForest(); }
        @Override protected Map<String, String> parameters() { return Map.of("trees", "20"); }
    }

    @Nested
    class ExtraTrees extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new ForestTrainerFactories.ExtraTrees(); }
        @Override protected Map<String, String> parameters() { return Map.of("trees", "20"); }
    }
}
