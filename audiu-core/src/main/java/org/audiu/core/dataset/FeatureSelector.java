package org.audiu.core.dataset;

import static org.audiu.core.dataset.CsvDatasetReader.LABEL_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.POPULARITY_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.RELEASE_COLUMNS;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.dataset.FeatureSelection.ArtefactSuspect;
import org.audiu.core.dataset.FeatureSelection.DroppedColumn;
import org.audiu.core.dataset.FeatureSelection.Rule;
import org.audiu.core.features.TrackMetadataFeatures;

/**
 * Chooses the default features of a track CSV. When at least {@link #MIN_STANDARD} of the standard audio features
 * ({@link AudioFeatures#STANDARD}) are columns of the file, the features are those present; otherwise every
 * numeric column is, except identifiers, names and dates, the label, and obvious leaks judged on the first
 * {@link #SAMPLE_ROWS} rows: a constant column (a duration identical for every clip among them), an integer column
 * unique per row (a row number) and file-name text. Either way {@code popularity} and {@code release_year} are added
 * when the file has a popularity or release-date column (unless turned off), and the user's exclusions are removed.
 * Features named by the user are taken as they are; columns named with {@code --keep-features} are features whatever
 * the default says (a text column fails).
 *
 * <p>A fall-back feature whose sampled rows (at least {@value #ARTEFACT_MIN_ROWS}) hold at most
 * {@value #ARTEFACT_MAX_VALUES} distinct values covering at least 90% ({@link #ARTEFACT_MIN_COVERAGE}) of them behaves like a property of how the file was made (a clip length
 * in samples, a sample rate, a recording batch) rather than a measurement, and is returned as a
 * {@link FeatureSelection#suspects() suspect}: it stays a feature until
 * {@code org.audiu.core.eval.RecordingArtefactCheck} has seen whether those values alone predict the label on the
 * training rows, which the selector cannot know (it runs before the data is read and split). The standard audio
 * features ({@code key}, {@code mode}, {@code time_signature} take a few values by nature), track metadata
 * ({@code explicit}, {@code popularity}, ...) and kept columns are never suspects. Stateless apart from its options.
 */
public final class FeatureSelector {
    /** The standard audio features a file needs for them to be the default: half of the 12 a model uses. */
    public static final int MIN_STANDARD = 6;
    /** Rows read to judge the columns of the all-numeric fall-back. */
    public static final int SAMPLE_ROWS = 20_000;
    /** A unique-per-row integer column is only called an identifier with at least this many rows. */
    static final int MIN_ROWS_FOR_UNIQUE = 20;
    /** A column whose few most common values cover most sampled rows is a suspected artefact: at most this many. */
    public static final int ARTEFACT_MAX_VALUES = 5;
    /** ... covering at least this share of the sampled rows that hold a number. */
    public static final double ARTEFACT_MIN_COVERAGE = 0.9;
    /** ... of at least this many sampled rows (in fewer, every column has few values). */
    public static final int ARTEFACT_MIN_ROWS = 50;
    /** Distinct values counted per column; later new values are counted together (only common values matter). */
    static final int MAX_COUNTED_VALUES = 1_000;

    private final Options options;

    /**
     * What the user asked for.
     *
     * @param label       the label column (empty: the first of music_genre, playlist_genre, genre, track_genre, label)
     * @param listed      features named by the user (empty: choose)
     * @param excluded    columns or metadata features never to use
     * @param kept        columns to use whatever the default says (never suspected as recording artefacts)
     * @param popularity  add {@code popularity} when the file has a popularity column
     * @param releaseYear add {@code release_year} when the file has a release-date column
     * @param charset     the file's encoding
     */
    public record Options(Optional<String> label, List<String> listed, List<String> excluded, List<String> kept,
                          boolean popularity, boolean releaseYear, Charset charset) {
        public Options {
            Objects.requireNonNull(label, "label");
            listed = lower(listed);
            excluded = lower(excluded);
            kept = lower(kept);
            Objects.requireNonNull(charset, "charset");
        }

        /** Nothing kept beyond the default. */
        public Options(Optional<String> label, List<String> listed, List<String> excluded, boolean popularity,
                       boolean releaseYear, Charset charset) {
            this(label, listed, excluded, List.of(), popularity, releaseYear, charset);
        }

        /** A UTF-8 file. */
        public Options(Optional<String> label, List<String> listed, List<String> excluded, boolean popularity,
                       boolean releaseYear) {
            this(label, listed, excluded, popularity, releaseYear, StandardCharsets.UTF_8);
        }

        public static Options defaults() {
            return new Options(Optional.empty(), List.of(), List.of(), true, true);
        }

        private static List<String> lower(List<String> names) {
            return Objects.requireNonNull(names).stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty()).distinct().toList();
        }
    }

    public FeatureSelector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Chooses the features of a file.
     *
     * @throws DataException for a missing or empty file, an excluded name that is neither a column nor a metadata
     *                       feature, a kept name that is not a numeric column (or is the label, or is also
     *                       excluded), or a file left without any feature
     */
    public FeatureSelection select(Path file) {
        List<String> header = header(file, options.charset());
        for (String e : options.excluded()) {
            if (!header.contains(e) && !TrackMetadataFeatures.isMetadata(e)) {
                throw new DataException("--exclude-features names '" + e + "', which is not a column of " + file
                        + " (nor popularity, release_year, explicit). Its columns are " + header + ".");
            }
        }
        String label = options.label().map(l -> l.trim().toLowerCase(Locale.ROOT))
                .orElseGet(() -> LABEL_COLUMNS.stream().filter(header::contains).findFirst().orElse(""));
        requireKeepable(file, header, label);
        List<DroppedColumn> dropped = new ArrayList<>();
        if (!options.listed().isEmpty()) {
            List<String> features = new ArrayList<>(options.listed());
            options.kept().stream().filter(k -> !features.contains(k)).forEach(features::add);
            features.removeIf(f -> options.excluded().contains(f));
            return finish(file, features, Rule.LISTED, dropped, new ArrayList<>(), List.of());
        }
        List<String> standard = AudioFeatures.STANDARD.names().stream().filter(header::contains).toList();
        List<String> features = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ArtefactSuspect> suspects = new ArrayList<>();
        Rule rule;
        if (standard.size() >= MIN_STANDARD) {
            rule = Rule.STANDARD;
            for (String f : standard) {
                if (options.excluded().contains(f)) {
                    dropped.add(new DroppedColumn(f, "excluded with --exclude-features"));
                } else {
                    features.add(f);
                }
            }
            options.kept().stream().filter(k -> !features.contains(k)).forEach(features::add);
        } else {
            rule = Rule.ALL_NUMERIC;
            warnings.add((standard.isEmpty() ? "none of the standard audio features is a column"
                    : "only " + standard.size() + " of the " + AudioFeatures.STANDARD.size() + " standard audio "
                    + "features are columns (" + String.join(", ", standard) + ")") + "; the default needs at least "
                    + MIN_STANDARD + ", so every numeric column is a feature instead (name them with --features)");
            features.addAll(new ColumnJudge(file, options.charset(), header, label, options.excluded(),
                    options.kept()).numericFeatures(dropped, suspects));
        }
        if (options.popularity() && POPULARITY_COLUMNS.stream().anyMatch(header::contains)) {
            features.add(TrackMetadataFeatures.POPULARITY);
        }
        if (options.releaseYear() && RELEASE_COLUMNS.stream().anyMatch(header::contains)) {
            features.add(TrackMetadataFeatures.RELEASE_YEAR);
        }
        features.removeIf(f -> options.excluded().contains(f));
        for (DroppedColumn d : dropped) {
            if (!d.column().equals(label) && !d.reason().startsWith("an identifier")) {
                warnings.add("dropped " + d.column() + ": " + d.reason());
            }
        }
        return finish(file, features, rule, dropped, warnings, suspects);
    }

    /**
     * Fails unless every kept name is a numeric column of the file, other than the label and the excluded ones.
     * Popularity and release-date columns become the {@code popularity} and {@code release_year} features, so they
     * are kept by leaving those on (or by naming the metadata feature with --features).
     */
    private void requireKeepable(Path file, List<String> header, String label) {
        if (options.kept().isEmpty()) {
            return;
        }
        List<ColumnStats> stats = null;
        for (String k : options.kept()) {
            String problem = !header.contains(k) ? "which is not a column of " + file
                    : k.equals(label) ? "which is the label column"
                    : options.excluded().contains(k) ? "which --exclude-features also names"
                    : POPULARITY_COLUMNS.contains(k) || RELEASE_COLUMNS.contains(k)
                    ? "which is read as the popularity or release_year feature (a default unless --no-popularity or "
                    + "--no-release-year)" : null;
            if (problem == null) {
                if (stats == null) {
                    stats = new ColumnJudge(file, options.charset(), header, label, options.excluded(),
                            options.kept()).sample();
                }
                ColumnStats column = stats.get(header.indexOf(k));
                if (!column.isNumeric()) {
                    problem = "which cannot be a feature: " + column.whyNot(k);
                }
            }
            if (problem != null) {
                throw new DataException("--keep-features names '" + k + "', " + problem + ". Its columns are "
                        + header + ".");
            }
        }
    }

    private static FeatureSelection finish(Path file, List<String> features, Rule rule, List<DroppedColumn> dropped,
                                           List<String> warnings, List<ArtefactSuspect> suspects) {
        if (features.isEmpty()) {
            throw new DataException(file + " leaves no feature to learn from (" + (dropped.isEmpty() ? "all excluded"
                    : "dropped: " + dropped.stream().map(d -> d.column() + " (" + d.reason() + ")").toList())
                    + "). Name the feature columns with --features.");
        }
        return new FeatureSelection(features, rule, dropped, warnings, suspects);
    }

    /** The header's column names, trimmed and lower-case (a byte-order mark removed), of a UTF-8 file. */
    public static List<String> header(Path file) {
        return header(file, StandardCharsets.UTF_8);
    }

    /** The header's column names, trimmed and lower-case (a byte-order mark removed). */
    public static List<String> header(Path file, Charset charset) {
        try (CSVParser parser = open(file, charset)) {
            for (CSVRecord record : parser) {
                return names(record);
            }
            throw new DataException(file + " is empty: a track CSV needs a header line and rows.");
        } catch (IOException | UncheckedIOException e) {
            throw failure("Could not read the header of " + file, file, charset, e);
        }
    }

    private static DataException failure(String what, Path file, Charset charset, Exception e) {
        return CsvText.isDecodingFailure(e) ? CsvText.undecodable(file, charset)
                : new DataException(what + ": " + e.getMessage(), e);
    }

    static CSVParser open(Path file, Charset charset) throws IOException {
        if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath() + ".");
        }
        Reader r = CsvText.open(file, charset);
        return CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get()).get();
    }

    static List<String> names(CSVRecord record) {
        List<String> out = new ArrayList<>();
        record.forEach(v -> out.add(v.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Statistics of each column over the first rows, and the verdict for the all-numeric fall-back. */
    private static final class ColumnJudge {
        private final Path file;
        private final Charset charset;
        private final List<String> header;
        private final String label;
        private final List<String> excluded;
        private final List<String> kept;

        ColumnJudge(Path file, Charset charset, List<String> header, String label, List<String> excluded,
                    List<String> kept) {
            this.file = file;
            this.charset = charset;
            this.header = header;
            this.label = label;
            this.excluded = excluded;
            this.kept = kept;
        }

        /** The usable numeric columns; the others go to {@code dropped}, the suspected artefacts also to suspects. */
        List<String> numericFeatures(List<DroppedColumn> dropped, List<ArtefactSuspect> suspects) {
            Set<String> identifiers = new LinkedHashSet<>(CsvDatasetReader.NEVER_FEATURES);
            for (List<String> group : List.of(CsvDatasetReader.ID_COLUMNS, CsvDatasetReader.NAME_COLUMNS,
                    CsvDatasetReader.ARTIST_COLUMNS, CsvDatasetReader.ALBUM_COLUMNS,
                    CsvDatasetReader.PLAYLIST_ID_COLUMNS, CsvDatasetReader.PLAYLIST_NAME_COLUMNS)) {
                identifiers.addAll(group);
            }
            List<ColumnStats> stats = sample();
            List<String> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < header.size(); i++) {
                String c = header.get(i);
                if (c.isEmpty() || !seen.add(c) || POPULARITY_COLUMNS.contains(c) || RELEASE_COLUMNS.contains(c)) {
                    continue; // popularity and release dates become metadata features
                }
                if (kept.contains(c)) {
                    out.add(c); // checked numeric by requireKeepable
                    continue;
                }
                String reason = c.equals(label) ? "the label"
                        : excluded.contains(c) ? "excluded with --exclude-features"
                        : identifiers.contains(c) ? "an identifier, name or date column"
                        : stats.get(i).whyNot(c);
                if (reason == null) {
                    out.add(c);
                    if (!AudioFeatures.STANDARD.contains(c) && !TrackMetadataFeatures.isMetadata(c)) {
                        stats.get(i).fewValues().ifPresent(summary -> suspects.add(new ArtefactSuspect(c, summary)));
                    }
                } else {
                    dropped.add(new DroppedColumn(c, reason));
                }
            }
            return out;
        }

        List<ColumnStats> sample() {
            List<ColumnStats> stats = new ArrayList<>();
            header.forEach(h -> stats.add(new ColumnStats()));
            try (CSVParser parser = open(file, charset)) {
                int rows = -1;
                for (CSVRecord r : parser) {
                    if (rows++ < 0) {
                        continue;
                    }
                    if (rows > SAMPLE_ROWS) {
                        break;
                    }
                    for (int i = 0; i < header.size() && i < r.size(); i++) {
                        stats.get(i).add(header.get(i), r.get(i));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw failure("Could not read " + file, file, charset, e);
            }
            return stats;
        }
    }

    /** What the first rows of one column hold. */
    private static final class ColumnStats {
        private int present;
        private int numeric;
        private int fileNames;
        private boolean integers = true;
        private String first;
        private boolean varies;
        private final Set<Double> distinct = new java.util.HashSet<>();
        /** Rows per value, for the first {@link #MAX_COUNTED_VALUES} distinct values. */
        private final Map<Double, Integer> counts = new HashMap<>();
        private int uncounted;

        void add(String column, String raw) {
            if (ValueParsers.isPlaceholder(raw)) {
                return;
            }
            String v = raw.trim();
            present++;
            if (first == null) {
                first = v;
            } else if (!first.equals(v)) {
                varies = true;
            }
            if (v.matches("(?i).*\\.(wav|mp3|au|flac|ogg|m4a|aiff?|mp4|webm)$") || v.contains("/")
                    || v.contains("\\")) {
                fileNames++;
            }
            try {
                double d = ValueParsers.feature(column, v);
                if (!Double.isNaN(d)) {
                    numeric++;
                    if (counts.containsKey(d) || counts.size() < MAX_COUNTED_VALUES) {
                        counts.merge(d, 1, Integer::sum);
                    } else {
                        uncounted++;
                    }
                    integers &= d == Math.rint(d);
                    if (integers) {
                        distinct.add(d);
                    }
                }
            } catch (ValueParsers.BadValueException e) {
                // text
            }
        }

        boolean isNumeric() {
            return present > 0 && numeric >= 0.9 * present;
        }

        /**
         * When at most {@link #ARTEFACT_MAX_VALUES} values cover {@link #ARTEFACT_MIN_COVERAGE} of the numeric rows
         * (at least {@link #ARTEFACT_MIN_ROWS} of them), what they are, e.g. "2 distinct values (661794, 661504) in the 400 sampled rows".
         */
        Optional<String> fewValues() {
            List<Map.Entry<Double, Integer>> common = counts.entrySet().stream()
                    .sorted(Map.Entry.<Double, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(ARTEFACT_MAX_VALUES).toList();
            int covered = common.stream().mapToInt(Map.Entry::getValue).sum();
            if (numeric < ARTEFACT_MIN_ROWS || covered < ARTEFACT_MIN_COVERAGE * numeric) {
                return Optional.empty();
            }
            String values = common.stream().map(e -> plain(e.getKey())).collect(Collectors.joining(", "));
            return Optional.of(covered == numeric && uncounted == 0 && counts.size() == common.size()
                    ? common.size() + " distinct values (" + values + ") in the " + numeric + " sampled rows"
                    : "its " + common.size() + " most common values (" + values + ") cover "
                    + Math.round(100.0 * covered / numeric) + "% of the " + numeric + " sampled rows");
        }

        private static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }

        /** Why the column is not a feature, or null when it is one. */
        String whyNot(String column) {
            if (present == 0) {
                return "empty in every row";
            }
            if (numeric < 0.9 * present) {
                return fileNames >= 0.5 * present ? "file names (e.g. '" + first + "'), not a measurement"
                        : "text, not numeric (e.g. '" + first + "')";
            }
            if (!varies) {
                return column.contains("duration") || column.contains("length")
                        ? "a duration identical for every clip (" + first + "), it tells the clips apart by nothing"
                        : "constant (every row is " + first + ")";
            }
            if (integers && numeric >= MIN_ROWS_FOR_UNIQUE && distinct.size() == numeric) {
                return "unique per row (" + numeric + " different whole numbers: a row number or identifier)";
            }
            return null;
        }
    }
}
