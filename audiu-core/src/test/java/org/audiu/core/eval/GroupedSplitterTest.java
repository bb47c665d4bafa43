package org.audiu.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.junit.jupiter.api.Test;

class GroupedSplitterTest {
    /** 600 tracks by 150 artists of uneven size; each artist mostly plays one of 3 genres, one genre is rare. */
    static LabelledData artists(long seed) {
        Random r = new Random(seed);
        List<LabelledExample> out = new ArrayList<>();
        int id = 0;
        for (int a = 0; a < 150; a++) {
            String genre = a % 10 == 0 ? "rare" : a % 2 == 0 ? "rock" : "jazz";
            int tracks = 1 + r.nextInt(7);
            for (int t = 0; t < tracks; t++) {
                String label = r.nextInt(10) == 0 ? "jazz" : genre;
                out.add(new LabelledExample("t" + id++, new double[] {r.nextGaussian()}, label, 1.0, "artist" + a));
            }
        }
        return new LabelledData(FeatureSchema.of("x"), out);
    }

    @Test
    void holdoutNeverPutsAnArtistOnBothSides() {
        LabelledData data = artists(1);
        for (long seed = 0; seed < 10; seed++) {
            Split s = new GroupedSplitter(seed).holdout(data, 0.2);
            s.verifyNoLeak(data);
            assertEquals(data.size(), s.train().length + s.test().length);
        }
    }

    @Test
    void holdoutIsStratifiedAndNearTheTargetSize() {
        LabelledData data = artists(2);
        Split s = new GroupedSplitter(7).holdout(data, 0.25);
        double share = (double) s.test().length / data.size();
        assertEquals(0.25, share, 0.03);
        Map<String, Integer> all = data.labelCounts();
        Map<String, Integer> test = s.testData(data).labelCounts();
        for (String label : all.keySet()) {
            double labelShare = (double) test.getOrDefault(label, 0) / all.get(label);
            assertEquals(0.25, labelShare, 0.06, "share of '" + label + "' in the test part");
        }
    }

    @Test
    void kFoldTestPartsAreDisjointAndCoverEveryRow() {
        LabelledData data = artists(3);
        List<Split> folds = new GroupedSplitter(5).kFold(data, 5);
        assertEquals(5, folds.size());
        Set<Integer> seen = new HashSet<>();
        for (Split s : folds) {
            s.verifyNoLeak(data);
            for (int i : s.test()) {
                assertTrue(seen.add(i), "row " + i + " tested twice");
            }
            assertEquals(data.size(), s.train().length + s.test().length);
        }
        assertEquals(data.size(), seen.size());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        LabelledData data = artists(4);
        assertEquals(new GroupedSplitter(11).holdout(data, 0.2), new GroupedSplitter(11).holdout(data, 0.2));
        assertNotEquals(new GroupedSplitter(11).holdout(data, 0.2), new GroupedSplitter(12).holdout(data, 0.2));
    }

    @Test
    void tooFewArtistsFailsClearly() {
        LabelledData data = new LabelledData(FeatureSchema.of("x"), List.of(
                new LabelledExample("1", new double[] {1}, "a", 1, "same"),
                new LabelledExample("2", new double[] {2}, "b", 1, "same")));
        DataException e = assertThrows(DataException.class, () -> new GroupedSplitter(1).holdout(data, 0.2));
        assertTrue(e.getMessage().contains("only 1 artist"), e.getMessage());
    }

    @Test
    void leakCheckCatchesASharedArtist() {
        Split leaky = new Split(new int[] {0, 1}, new int[] {2});
        LabelledData shared = new LabelledData(FeatureSchema.of("x"), List.of(
                new LabelledExample("a", new double[] {1}, "x", 1, "g"),
                new LabelledExample("b", new double[] {1}, "x", 1, "h"),
                new LabelledExample("c", new double[] {1}, "y", 1, "g")));
        assertThrows(IllegalStateException.class, () -> leaky.verifyNoLeak(shared));
    }
}
