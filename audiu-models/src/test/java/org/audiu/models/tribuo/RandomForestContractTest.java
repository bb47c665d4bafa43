package org.audiu.models.tribuo;

import java.util.Map;
import org.audiu.core.spi.TrainerFactory;
import org.audiu.core.testkit.TrainerContractTest;

class RandomForestContractTest extends TrainerContractTest {
    @Override
    protected TrainerFactory factory() {
        return new TribuoTrainerFactories.RandomForest();
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("trees", "20");
    }
}
