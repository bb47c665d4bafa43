package org.audiu.models.tribuo;

import java.util.Map;
import org.audiu.core.spi.TrainerFactory;
import org.audiu.core.testkit.TrainerContractTest;

class LogisticContractTest extends TrainerContractTest {
    @Override
    protected TrainerFactory factory() {
        return new TribuoTrainerFactories.Logistic();
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("epochs", "10");
    }
}
