package org.audiu.cli;

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
import org.audiu.core.FeatureSchema;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.features.TrackMetadataFeatures;
import picocli.CommandLine.Option;

/**
 * Which CSV to read and which features and label to use. Default features: the standard audio features present in
 * the file plus {@code popularity} and {@code release_year} when it has a popularity or release-date column (track
 * attributes every Spotify track has, not leaks; what the year adds: docs/measurements.md); a file without
 * any standard audio feature uses every numeric column except identifiers, names, dates and the label. Features may
 * also be track metadata the reader parses from other columns ({@code popularity}, {@code release_year},
 * {@code explicit}). Columns that leak the label ({@code obtained_date}, ids) are never features unless listed.
 */
public final class GenreDataOptions {
    static final List<String> POPULARITY_COLUMNS = List.of("popularity", "track_popularity");
    /** Columns a release year is parsed from (as the reader does). */
    static final List<String> RELEASE_COLUMNS = List.of("track_album_release_date", "release_date",
            "album_release_date", "year");

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV of tracks with numeric feature columns and a label column.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "Label column (default: the first of music_genre, playlist_genre, genre, track_genre, "
                    + "label).")
    String label;

    @Option(names = "--features", paramLabel = "NAMES", split = ",",
            description = "Features: columns of the file or track metadata (popularity, release_year, explicit). "
                    + "Default: the standard audio features found, plus popularity and release_year when the "
                    + "file has them.")
    List<String> features;

    @Option(names = "--no-popularity", description = "Leave popularity out of the default features.")
    boolean noPopularity;

    @Option(names = "--no-release-year", description = "Leave release_year out of the default features.")
    boolean noReleaseYear;

    /** A read file with the feature schema to learn from. */
    record GenreData(TrackDataset dataset, FeatureSchema schema) {
        EvaluationData prepared() {
            return EvaluationData.fromDataset(dataset, schema);
        }
    }

    /** Reads the file with the chosen features. */
    GenreData read() {
        List<String> header = header(data);
        List<String> wanted = features != null && !features.isEmpty()
                ? features.stream().map(String::trim).filter(s -> !s.isEmpty()).toList() : defaults(header);
        if (wanted.isEmpty()) {
            // No standard audio feature: the reader picks the numeric columns (it skips ids, dates and names).
            TrackDataset ds = reader(List.of()).read(data);
            List<String> names = new ArrayList<>(ds.schema().names());
            if (!noPopularity && hasPopularity(header) && !names.contains(TrackMetadataFeatures.POPULARITY)) {
                names.add(TrackMetadataFeatures.POPULARITY);
            }
            return new GenreData(ds, new FeatureSchema(names));
        }
        return readWith(wanted);
    }

    /**
     * Reads the file for exactly these features (a saved model's).
     *
     * @throws DataException naming features that are neither columns of the file nor track metadata
     */
    GenreData readWith(List<String> wanted) {
        List<String> header = header(data);
        List<String> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String f : wanted) {
            if (header.contains(f.toLowerCase(Locale.ROOT))) {
                columns.add(f);
            } else if (!TrackMetadataFeatures.isMetadata(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("The feature(s) " + missing + " are neither columns of " + data + " nor track "
                    + "metadata (popularity, release_year, explicit, duration_ms). Its columns are " + header + ".");
        }
        if (columns.isEmpty()) {
            throw new DataException("None of the features " + wanted + " is a column of " + data + "; at least one "
                    + "feature must come from the file. Its columns are " + header + ".");
        }
        return new GenreData(reader(columns).read(data), new FeatureSchema(wanted));
    }

    private CsvDatasetReader reader(List<String> columns) {
        return new CsvDatasetReader(new CsvReadOptions(false, columns, Optional.ofNullable(label)));
    }

    private List<String> defaults(List<String> header) {
        List<String> out = new ArrayList<>();
        AudioFeatures.STANDARD.names().stream().filter(header::contains).forEach(out::add);
        if (!out.isEmpty() && !noPopularity && hasPopularity(header)) {
            out.add(TrackMetadataFeatures.POPULARITY);
        }
        if (!out.isEmpty() && !noReleaseYear && RELEASE_COLUMNS.stream().anyMatch(header::contains)) {
            out.add(TrackMetadataFeatures.RELEASE_YEAR);
        }
        return out;
    }

    private static boolean hasPopularity(List<String> header) {
        return POPULARITY_COLUMNS.stream().anyMatch(header::contains);
    }

    /** The header's column names, trimmed and lower-case. */
    static List<String> header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath() + ".");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord record : parser) {
                List<String> out = new ArrayList<>();
                record.forEach(v -> out.add(v.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)));
                return out;
            }
            throw new DataException(file + " is empty.");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException("Could not read the header of " + file + ": " + e.getMessage(), e);
        }
    }
}
