package org.audiu.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;
import picocli.CommandLine.Option;

/**
 * Which CSV to read and which of its columns are the features and the label. Default features: the standard audio
 * features present in the file plus its popularity column (a track attribute, not a leak); files without any
 * standard audio feature use every numeric column except identifiers, names, dates and the label. Columns that leak
 * the label ({@code obtained_date}, ids) are never features unless listed with {@code --features}.
 */
public final class GenreDataOptions {
    static final List<String> POPULARITY = List.of("popularity", "track_popularity");

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV of tracks with numeric feature columns and a label column.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "Label column (default: the first of music_genre, playlist_genre, genre, track_genre, "
                    + "label).")
    String label;

    @Option(names = "--features", paramLabel = "COLUMNS", split = ",",
            description = "Feature columns (default: the standard audio features found, plus popularity).")
    List<String> features;

    @Option(names = "--no-popularity", description = "Leave the popularity column out of the default features.")
    boolean noPopularity;

    /** Reads the file with the chosen columns. */
    TrackDataset read() {
        return new CsvDatasetReader(new CsvReadOptions(false, featureColumns(), Optional.ofNullable(label)))
                .read(data);
    }

    /** Reads the file with exactly the given feature columns (a saved model's). */
    TrackDataset readWith(List<String> columns) {
        List<String> header = header(data);
        List<String> missing = columns.stream().filter(c -> header.stream().noneMatch(h -> h.equalsIgnoreCase(c)))
                .toList();
        if (!missing.isEmpty()) {
            throw new DataException("The model needs the feature column(s) " + missing + ", which " + data
                    + " lacks. Its columns are " + header + ".");
        }
        return new CsvDatasetReader(new CsvReadOptions(false, columns, Optional.ofNullable(label))).read(data);
    }

    List<String> featureColumns() {
        if (features != null && !features.isEmpty()) {
            return features.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        List<String> header = header(data).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> out = new ArrayList<>();
        AudioFeatures.STANDARD.names().stream().filter(header::contains).forEach(out::add);
        if (out.isEmpty()) {
            // No standard feature: let the reader pick the numeric columns (it skips ids, dates and names).
            return List.of();
        }
        if (!noPopularity) {
            POPULARITY.stream().filter(header::contains).findFirst().ifPresent(out::add);
        }
        return out;
    }

    static List<String> header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath() + ".");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord record : parser) {
                List<String> out = new ArrayList<>();
                record.forEach(v -> out.add(v.replace("\uFEFF", "").trim()));
                return out;
            }
            throw new DataException(file + " is empty.");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException("Could not read the header of " + file + ": " + e.getMessage(), e);
        }
    }
}
