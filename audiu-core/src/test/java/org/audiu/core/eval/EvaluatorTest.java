package org.audiu.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.testkit.CentroidTrainer;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    @Test
    void runsEverySeedAndFoldAndLearnsSeparableData() {
        LabelledData data = TestData.blobs(3, 60, 4, 3);
        List<EvaluationRun> seen = new ArrayList<>();
        Evaluator evaluator = new Evaluator(EvaluationProtocol.kFold(7, 2, 3), seen::add);
        EvaluationResult r = evaluator.evaluate("test-centroid", data, CentroidTrainer::new);
        assertEquals(6, r.runs().size());
        assertEquals(seen, r.runs());
        assertTrue(r.meanAccuracy() > 0.9, "accuracy " + r.meanAccuracy());
        assertEquals(2 * data.size(), r.pooled().total(), "each row is tested once per seed");
        assertEquals(Set.of(7L, 8L), new HashSet<>(r.runs().stream().map(EvaluationRun::seed).toList()));
    }

    @Test
    void holdoutProtocolGivesTheSameSplitsToEveryTrainer() {
        LabelledData data = TestData.blobs(2, 50, 3, 5);
        EvaluationProtocol p = EvaluationProtocol.holdout(1, 3, 0.2);
        for (long seed : p.seeds()) {
            assertEquals(p.splits(data, seed), p.splits(data, seed));
        }
        assertEquals("3 seeds x artist-grouped 80/20 holdout", p.describe());
    }
}
