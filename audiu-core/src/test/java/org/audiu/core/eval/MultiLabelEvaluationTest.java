package org.audiu.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.metrics.ClassificationReport;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26 part 2: a track listed under several genres is one row, trained with its first genre and right when
 * predicted as any of them; a file with one label per track scores exactly as before.
 */
class MultiLabelEvaluationTest {
    @TempDir
    Path tmp;

    /** 4 genres x 60 tracks by 40 artists; every third track repeats under the next genre. */
    private Path write(boolean repeats) throws Exception {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("track_id,artists,track_name,danceability,energy,valence,track_genre\n");
        for (int i = 0; i < 240; i++) {
            int g = i % 4;
            String row = String.format(Locale.ROOT, "t%d,artist %d,song %d,%.4f,%.4f,%.4f,", i, i % 40, i,
                    g + r.nextGaussian(), 2 * g + r.nextGaussian(), r.nextGaussian());
            sb.append(row).append("g").append(g).append('\n');
            if (repeats && i % 3 == 0) {
                sb.append(row).append("g").append((g + 1) % 4).append('\n');
            }
        }
        Path p = tmp.resolve(repeats ? "multi.csv" : "single.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static TrackDataset read(Path p) {
        return new CsvDatasetReader(new CsvReadOptions(false, List.of("danceability", "energy", "valence"),
                Optional.empty(), StandardCharsets.UTF_8)).read(p);
    }

    @Test
    void aRepeatedTrackKeepsItsOtherGenresAndCountsOnce() throws Exception {
        TrackDataset d = read(write(true));
        assertEquals(240, d.tracks().size());
        assertEquals(List.of("g0", "g1"), d.tracks().get("t0").labels());
        assertEquals(List.of("g1"), d.tracks().get("t1").labels());
        EvaluationData all = EvaluationData.fromDataset(d, d.schema(), null, EvaluationData.LabelRule.ALL);
        EvaluationData first = EvaluationData.fromDataset(d, d.schema(), null, EvaluationData.LabelRule.FIRST);
        assertEquals(240, all.data().size(), "one row per track");
        assertEquals(80, all.tracksWithSeveral());
        assertEquals(80, all.truth().tracksWithSeveral());
        assertFalse(first.truth().isMultiLabel());
        assertEquals(80, first.tracksWithSeveral(), "counted under either rule");
        assertEquals("g0", all.data().examples().get(0).label(), "trained with the first genre");

        Evaluator e = new Evaluator(EvaluationProtocol.holdout(3, 2, 0.25), null);
        EvaluationResult any = e.evaluate("c", all.data(), all.truth(), CentroidTrainer::new);
        EvaluationResult one = e.evaluate("c", first.data(), first.truth(), CentroidTrainer::new);
        for (int i = 0; i < any.runs().size(); i++) {
            // The same splits and models: a prediction right under the first genre is right under any.
            assertTrue(any.runs().get(i).report().accuracy() >= one.runs().get(i).report().accuracy());
            assertEquals(any.runs().get(i).testRows(), any.runs().get(i).report().total(), "each track once");
            assertTrue(any.runs().get(i).top5Accuracy() >= any.runs().get(i).report().accuracy());
        }
        assertTrue(any.meanAccuracy() > one.meanAccuracy(), any.meanAccuracy() + " vs " + one.meanAccuracy());
        assertEquals(1.0, any.meanTop5Accuracy(), 1e-12, "4 genres: every truth is in the top 5");
    }

    @Test
    void aFileWithOneLabelPerTrackScoresAsBefore() throws Exception {
        TrackDataset d = read(write(false));
        EvaluationData all = EvaluationData.fromDataset(d, d.schema(), null, EvaluationData.LabelRule.ALL);
        EvaluationData plain = EvaluationData.fromDataset(d, d.schema(), null);
        assertEquals(0, all.tracksWithSeveral());
        assertEquals(null, all.labelNote());
        Evaluator e = new Evaluator(EvaluationProtocol.holdout(3, 2, 0.25), null);
        EvaluationResult a = e.evaluate("c", all.data(), all.truth(), CentroidTrainer::new);
        EvaluationResult b = e.evaluate("c", plain.data(), CentroidTrainer::new);
        for (int i = 0; i < a.runs().size(); i++) {
            assertEquals(b.runs().get(i).report(), a.runs().get(i).report());
        }
    }

    @Test
    void topKCountsATrueLabelAmongTheKMostProbable() {
        List<String> labels = List.of("a", "b", "c", "d");
        double[] p = {0.1, 0.4, 0.3, 0.2};
        assertTrue(Evaluator.inTop(p, labels, List.of("b"), 1));
        assertFalse(Evaluator.inTop(p, labels, List.of("c"), 1));
        assertTrue(Evaluator.inTop(p, labels, List.of("a", "c"), 2));
        assertFalse(Evaluator.inTop(p, labels, List.of("a", "x"), 3));
        double[] tie = {0.25, 0.25, 0.25, 0.25};
        assertTrue(Evaluator.inTop(tie, labels, List.of("a"), 1), "equals rank in the model's order");
        assertFalse(Evaluator.inTop(tie, labels, List.of("b"), 1));
    }

    @Test
    void streamingGivesEveryRowAndTheCounterMatchesTheArrays() throws Exception {
        Path p = write(true);
        List<DatasetTrack> rows = new ArrayList<>();
        CsvDatasetReader.Streamed s = new CsvDatasetReader(new CsvReadOptions(false,
                List.of("danceability", "energy", "valence"), Optional.empty(), StandardCharsets.UTF_8))
                .stream(p, rows::add);
        assertEquals(320, rows.size(), "a repeated id is passed on again");
        assertEquals(320, s.rowsRead());
        assertEquals(Optional.of("track_genre"), s.labelColumn());
        TrackDataset d = read(p);
        assertEquals(d.tracks().get("t5").features(), rows.stream().filter(t -> t.track().id().equals("t5"))
                .findFirst().orElseThrow().features(), "parsed as read() parses");
        String[] truth = rows.stream().map(t -> t.label().orElseThrow()).toArray(String[]::new);
        String[] predicted = new String[truth.length];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = i % 5 == 0 ? "other" : truth[(i + 1) % truth.length];
        }
        ClassificationReport.Counter c = ClassificationReport.counter(List.of("g0", "g1", "g2", "g3"));
        for (int i = 0; i < truth.length; i++) {
            c.add(truth[i], predicted[i]);
        }
        assertEquals(ClassificationReport.of(List.of("g0", "g1", "g2", "g3"), truth, predicted), c.report());
    }
}
