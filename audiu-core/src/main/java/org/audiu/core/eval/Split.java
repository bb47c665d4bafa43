package org.audiu.core.eval;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;

/**
 * A train/test partition of a {@link LabelledData}, as example indices.
 *
 * @param train indices of the training rows, ascending
 * @param test  indices of the test rows, ascending
 */
public record Split(int[] train, int[] test) {
    public Split {
        train = train.clone();
        test = test.clone();
        Arrays.sort(train);
        Arrays.sort(test);
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    public LabelledData trainData(LabelledData data) {
        return data.subset(train);
    }

    public LabelledData testData(LabelledData data) {
        return data.subset(test);
    }

    /**
     * Checks that the split cannot leak: no row on both sides, no group (artist) on both sides, no track id on both
     * sides.
     *
     * @throws IllegalStateException naming the first leaking row, group or id
     */
    public void verifyNoLeak(LabelledData data) {
        Set<Integer> trainRows = new HashSet<>();
        Set<String> trainGroups = new HashSet<>();
        Set<String> trainIds = new HashSet<>();
        for (int i : train) {
            LabelledExample e = data.examples().get(i);
            trainRows.add(i);
            trainGroups.add(e.group());
            trainIds.add(e.id());
        }
        for (int i : test) {
            LabelledExample e = data.examples().get(i);
            if (trainRows.contains(i)) {
                throw new IllegalStateException("Row " + i + " (" + e.id() + ") is in both the training and test set");
            }
            if (trainGroups.contains(e.group())) {
                throw new IllegalStateException("Group '" + e.group() + "' has rows in both the training and test set");
            }
            if (trainIds.contains(e.id())) {
                throw new IllegalStateException("Track id '" + e.id() + "' is in both the training and test set");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", test=" + test.length + "]";
    }
}
