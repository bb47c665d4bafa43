package org.audiu.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.spi.training.LabelledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file without artists: a random split stratified by label, said so; or grouped by a column the user names. */
class NoGroupSplitTest {
    @TempDir
    Path tmp;

    private Path write() throws Exception {
        StringBuilder sb = new StringBuilder("filename,album,energy,label\n");
        String[] labels = {"a", "a", "a", "b", "b", "c"}; // 50% / 33% / 17%
        for (int i = 0; i < 300; i++) {
            sb.append(String.format(Locale.ROOT, "clip%d.wav,album%d,%.3f,%s%n", i, i / 10, (i % 7) / 7.0,
                    labels[i % labels.length]));
        }
        Path file = tmp.resolve("clips.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void withoutArtistsEveryRowIsItsOwnGroupAndTheSplitIsStratified() throws Exception {
        Path file = write();
        TrackDataset ds = new CsvDatasetReader(CsvReadOptions.defaults()).read(file);
        assertEquals(300, ds.tracks().size(), "rows read ahead must keep their own line-based ids");
        EvaluationData e = EvaluationData.fromDataset(ds);
        assertEquals(SplitGrouping.none(), e.grouping());
        assertEquals(300, e.data().examples().stream().map(x -> x.group()).distinct().count());
        assertTrue(e.summary().contains("no artist column"), e.summary());
        assertEquals("random stratified split: no artist or group column (use --group COLUMN)",
                e.grouping().note().orElseThrow());
        assertEquals("3 seeds x random stratified 80/20 holdout",
                EvaluationProtocol.holdout(1, 3, 0.2).describe(e.grouping()));
        for (long seed = 0; seed < 5; seed++) {
            Split s = new GroupedSplitter(seed).holdout(e.data(), 0.2);
            LabelledData test = s.testData(e.data());
            assertEquals(60, test.size(), "seed " + seed);
            assertEquals(30, test.examples().stream().filter(x -> x.label().equals("a")).count());
            assertEquals(20, test.examples().stream().filter(x -> x.label().equals("b")).count());
            assertEquals(10, test.examples().stream().filter(x -> x.label().equals("c")).count());
        }
        assertTrue(!new GroupedSplitter(1).holdout(e.data(), 0.2).equals(new GroupedSplitter(2).holdout(e.data(),
                0.2)), "the split is random: another seed, other rows");
    }

    @Test
    void aGroupColumnKeepsItsValuesOnOneSide() throws Exception {
        Path file = write();
        TrackDataset ds = new CsvDatasetReader(CsvReadOptions.defaults()).read(file);
        EvaluationData e = EvaluationData.fromDataset(ds, ds.schema(), CsvDatasetReader.groupColumn(file, "Album"));
        assertEquals(SplitGrouping.column("album"), e.grouping());
        assertEquals(30, e.data().examples().stream().map(x -> x.group()).distinct().count());
        assertTrue(e.summary().contains("30 groups by album"), e.summary());
        assertEquals("1 seed x grouped by album 5-fold cross-validation",
                EvaluationProtocol.kFold(1, 1, 5).describe(e.grouping()));
        for (Split s : new GroupedSplitter(3).kFold(e.data(), 5)) {
            s.verifyNoLeak(e.data());
        }
    }
}
