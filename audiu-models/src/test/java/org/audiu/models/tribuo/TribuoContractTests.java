package org.audiu.models.tribuo;

import java.util.Map;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.AudiuTrainerContractTest;
import org.junit.jupiter.api.Nested;

/** The trainer contract for each Tribuo trainer, with small settings so the suite stays fast. */
class TribuoContractTests {
    @Nested
    class Logistic extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new TribuoTrainerFactories.Logistic(); }
        @Override protected Map<String, String> parameters() { return Map.of("epochs", "5"); }
    }

    @Nested
    class Linear extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new TribuoTrainerFactories.Linear(); }
        @Override protected Map<String, String> parameters() { return Map.of("epochs", "5"); }
    }

    @Nested
    class LibLinearLogistic extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new TribuoTrainerFactories.LibLinearLogistic(); }
        @Override protected Map<String, String> parameters() { return Map.of(); }
    }

    @Nested
    class Cart extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new TribuoTrainerFactories.Cart(); }
        @Override protected Map<String, String> parameters() { return Map.of("max-depth", "6"); }
    }

    @Nested
    class XGBoost extends AudiuTrainerContractTest {
        @Override protected TrainerFactory factory() { return new TribuoTrainerFactories.XGBoost(); }
        @Override protected Map<String, String> parameters() { return Map.of("trees", "20", "threads", "2"); }
    }
}
