package org.audiu.models.ensemble;

import java.util.Map;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.AudiuTrainerContractTest;
import org.junit.jupiter.api.Nested;

class EnsembleContractTests {
    static final Map<String, String> SMALL_MEMBERS = Map.of("members", "logistic, random-forest",
            "logistic.epochs", "5", "random-forest.trees", "10");

    @Nested
    class Voting extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new EnsembleTrainerFactories.Voting(); }
        @Override protected Map<String, String> parameters() { return SMALL_MEMBERS; }
    }

    @Nested
    class Stacking extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new EnsembleTrainerFactories.Stacking(); }

        @Override
        protected Map<String, String> parameters() {
            Map<String, String> p = new java.util.HashMap<>(SMALL_MEMBERS);
            p.put("folds", "3");
            p.put("meta.cost", "0.5");
            return p;
        }
    }
}
