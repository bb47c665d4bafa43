package org.audiu.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.audiu.core.FeatureSchema;
import org.audiu.core.dataset.FeatureSelection;
import org.audiu.core.dataset.FeatureSelection.ArtefactSuspect;
import org.audiu.core.dataset.FeatureSelection.Rule;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.junit.jupiter.api.Test;

class RecordingArtefactCheckTest {
    static final int GENRES = 10;

    /**
     * 600 clips of 10 genres, 3 per artist: {@code length} takes one value for genres 0-4 and another for 5-9 (a
     * recording artefact), {@code channels} takes 2 values at random, {@code rms} is a noisy measurement.
     */
    static LabelledData clips() {
        Random r = new Random(5);
        List<LabelledExample> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int g = i % GENRES;
            double length = g < 5 ? 661_794 : 661_504;
            double channels = r.nextBoolean() ? 1 : 2;
            out.add(new LabelledExample("c" + i, new double[] {length, channels, g + 3 * r.nextGaussian()},
                    "genre" + g, 1.0, "artist" + (i / 30) + "-" + g));
        }
        return new LabelledData(new FeatureSchema(List.of("length", "channels", "rms")), out);
    }

    @Test
    void aFewValuesThatPredictTheLabelAreAnArtefactRandomOnesAreNot() {
        LabelledData data = clips();
        EvaluationProtocol protocol = EvaluationProtocol.holdout(42, 3, 0.2);
        RecordingArtefactCheck.DecisionRows rows = RecordingArtefactCheck.decisionRows(protocol, data);
        RecordingArtefactCheck check = RecordingArtefactCheck.withSeed(42);
        RecordingArtefactCheck.Verdict length = check.judge(data, "length", rows);
        assertTrue(length.artefact(), length.toString());
        assertEquals(0.2, length.accuracy(), 0.05); // one of 5 genres per value
        assertEquals(0.1, length.majorityRate(), 0.03);
        RecordingArtefactCheck.Verdict channels = check.judge(data, "channels", rows);
        assertFalse(channels.artefact(), channels.toString());
        assertTrue(channels.accuracy() < 1.5 * channels.majorityRate(), channels.toString());

        FeatureSelection selection = new FeatureSelection(List.of("length", "channels", "rms"), Rule.ALL_NUMERIC,
                List.of(), List.of(), List.of(new ArtefactSuspect("length", "2 distinct values (661504, 661794) in "
                + "the 600 sampled rows"), new ArtefactSuspect("channels", "2 distinct values (1, 2) in the 600 "
                + "sampled rows")));
        FeatureSelection checked = check.apply(selection, data, rows);
        assertEquals(List.of("channels", "rms"), checked.features());
        assertTrue(checked.suspects().isEmpty());
        String reason = checked.dropped().get(0).reason();
        assertEquals("length", checked.dropped().get(0).column());
        assertTrue(reason.startsWith("a recording artefact, not a measurement: 2 distinct values (661504, 661794) "
                + "in the 600 sampled rows, and those values alone predict the label with accuracy 0.2"), reason);
        assertTrue(reason.contains("for the majority class (on the " + rows.indices().length + " rows that train in "
                + "all 3 splits); keep it with --keep-features length"), reason);
        assertEquals("dropped length: " + reason, checked.warnings().get(0));
    }

    @Test
    void theDecisionRowsAreNeverHeldOutInAnySplit() {
        LabelledData data = clips();
        EvaluationProtocol protocol = EvaluationProtocol.holdout(7, 3, 0.2);
        int[] rows = RecordingArtefactCheck.decisionRows(protocol, data).indices();
        assertTrue(rows.length > 0.4 * data.size() && rows.length < 0.7 * data.size(), "rows " + rows.length);
        for (long seed : protocol.seeds()) {
            for (Split split : protocol.splits(data, seed)) {
                for (int t : split.test()) {
                    assertTrue(Arrays.binarySearch(rows, t) < 0, "held-out row " + t + " of seed " + seed);
                }
            }
        }
        RecordingArtefactCheck.DecisionRows folds = RecordingArtefactCheck.decisionRows(
                EvaluationProtocol.kFold(7, 1, 5), data);
        Split first = EvaluationProtocol.kFold(7, 1, 5).splits(data, 7).get(0);
        assertEquals(first.train().length, folds.indices().length);
        assertTrue(folds.description().contains("training rows of the first split (with k-fold every row is held "
                + "out once)"), folds.description());
        assertEquals(data.size(), RecordingArtefactCheck.DecisionRows.all(data).indices().length);
    }

    @Test
    void tooFewRowsDecideNothingAndBadSettingsFail() {
        LabelledData data = clips().subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        RecordingArtefactCheck.Verdict v = RecordingArtefactCheck.withSeed(1).judge(data, "length",
                RecordingArtefactCheck.DecisionRows.all(data));
        assertFalse(v.artefact(), v.toString());
        assertEquals(10, v.rows());
        assertThrows(IllegalArgumentException.class, () -> new RecordingArtefactCheck(0.5, 0.05, 50, 1));
        assertThrows(IllegalArgumentException.class, () -> RecordingArtefactCheck.withSeed(1).judge(data, "tempo",
                RecordingArtefactCheck.DecisionRows.all(data)));
    }
}
