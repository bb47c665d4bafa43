package org.audiu.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
    // Worked by hand (and matches scikit-learn's classification_report for the same vectors).
    private static final String[] TRUTH = {"a", "a", "a", "b", "b", "c", "c", "c", "c", "c"};
    private static final String[] PREDICTED = {"a", "a", "b", "b", "c", "c", "c", "c", "a", "b"};

    @Test
    void accuracyPrecisionRecallAndMacroF1() {
        ClassificationReport r = ClassificationReport.of(List.of("a", "b", "c"), TRUTH, PREDICTED);
        assertEquals(0.6, r.accuracy(), 1e-12);
        ClassMetrics a = r.perClassByLabel().get("a");
        assertEquals(2.0 / 3, a.precision(), 1e-12);
        assertEquals(2.0 / 3, a.recall(), 1e-12);
        ClassMetrics b = r.perClassByLabel().get("b");
        assertEquals(1.0 / 3, b.precision(), 1e-12);
        assertEquals(0.5, b.recall(), 1e-12);
        assertEquals(0.4, b.f1(), 1e-12);
        ClassMetrics c = r.perClassByLabel().get("c");
        assertEquals(0.75, c.precision(), 1e-12);
        assertEquals(0.6, c.recall(), 1e-12);
        assertEquals(5, c.support());
        double f1c = 2 * 0.75 * 0.6 / 1.35;
        assertEquals((2.0 / 3 + 0.4 + f1c) / 3, r.macroF1(), 1e-12);
    }

    @Test
    void confusionMatrixRowsAreTruthColumnsPredictions() {
        ClassificationReport r = ClassificationReport.of(List.of("a", "b", "c"), TRUTH, PREDICTED);
        assertArrayEquals(new int[] {2, 1, 0}, r.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 1}, r.confusion()[1]);
        assertArrayEquals(new int[] {1, 1, 3}, r.confusion()[2]);
        assertEquals(10, r.total());
    }

    @Test
    void labelsSeenOnlyInPredictionsOrTruthAreAdded() {
        ClassificationReport r = ClassificationReport.of(List.of("a"), new String[] {"a", "x"},
                new String[] {"y", "a"});
        assertEquals(List.of("a", "x", "y"), r.labels());
        assertEquals(0.0, r.accuracy());
        assertEquals(0.0, r.macroF1());
    }

    @Test
    void classesAbsentFromTruthAndPredictionsDoNotCountInMacroF1() {
        ClassificationReport r = ClassificationReport.of(List.of("a", "b", "unused"), new String[] {"a", "b"},
                new String[] {"a", "b"});
        assertEquals(1.0, r.macroF1(), 1e-12);
    }

    @Test
    void reportsAddUpAcrossDifferentLabelOrders() {
        ClassificationReport one = ClassificationReport.of(List.of("a", "b"), new String[] {"a"}, new String[] {"b"});
        ClassificationReport two = ClassificationReport.of(List.of("b", "a"), new String[] {"a"}, new String[] {"a"});
        ClassificationReport sum = one.plus(two);
        assertEquals(List.of("a", "b"), sum.labels());
        assertArrayEquals(new int[] {1, 1}, sum.confusion()[0]);
        assertEquals(0.5, sum.accuracy(), 1e-12);
    }
}
