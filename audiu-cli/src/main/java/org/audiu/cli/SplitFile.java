package org.audiu.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.audiu.core.AudiuException;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.eval.EvaluationProtocol;
import org.audiu.core.eval.Split;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;

/**
 * The splits of an evaluation as a CSV, so that another tool (scripts/genre_reference.py) trains and tests on exactly
 * the rows, labels and feature values audiU used. One line per seed, fold and row: {@code seed, fold, side} (train or
 * test), {@code track_id}, {@code group} (what the split keeps together: the main artist), {@code label} (the one the
 * row trains with), {@code labels} (every true label, joined by {@code |}), then one column per feature (empty when
 * missing).
 */
final class SplitFile {
    /** Joins a row's true labels; no genre of the shared files contains it. */
    static final String LABEL_SEPARATOR = "|";

    private SplitFile() {
    }

    static void write(Path file, EvaluationProtocol protocol, EvaluationData prepared) {
        LabelledData data = prepared.data();
        List<String> header = new ArrayList<>(List.of("seed", "fold", "side", "track_id", "group", "label",
                "labels"));
        header.addAll(data.schema().names());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader(header.toArray(String[]::new)).get())) {
            for (long seed : protocol.seeds()) {
                List<Split> splits = protocol.splits(data, seed);
                for (int fold = 0; fold < splits.size(); fold++) {
                    Split split = splits.get(fold);
                    rows(csv, seed, fold, "train", split.train(), prepared);
                    rows(csv, seed, fold, "test", split.test(), prepared);
                }
            }
        } catch (IOException e) {
            throw new AudiuException("Could not write the split file " + file + ": " + e.getMessage()
                    + ". Check that its folder exists and is writable.", e);
        }
    }

    private static void rows(CSVPrinter csv, long seed, int fold, String side, int[] indices,
                             EvaluationData prepared) throws IOException {
        List<Object> values = new ArrayList<>();
        for (int i : indices) {
            LabelledExample e = prepared.data().examples().get(i);
            values.clear();
            values.add(seed);
            values.add(fold);
            values.add(side);
            values.add(e.id());
            values.add(e.group());
            values.add(e.label());
            values.add(String.join(LABEL_SEPARATOR, prepared.truth().of(e)));
            for (double v : e.features()) {
                values.add(Double.isNaN(v) ? "" : Double.toString(v));
            }
            csv.printRecord(values);
        }
    }
}
