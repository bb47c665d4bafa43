package org.audiu.models.dl4j;

import java.util.Map;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.AudiuTrainerContractTest;

class MlpContractTest extends AudiuTrainerContractTest {
    @Override
    protected TrainerFactory factory() {
        return new MlpTrainerFactory();
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("hidden", "16", "epochs", "30", "patience", "5", "learning-rate", "0.01");
    }
}
