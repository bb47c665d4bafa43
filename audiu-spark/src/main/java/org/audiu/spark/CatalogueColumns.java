package org.audiu.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.Candidate;

/**
 * The columns of a Parquet catalogue and the conversion between its rows and audiU candidates. A catalogue has one
 * row per track: {@code track_id} (string, required), optional {@code track_name}, {@code artists} (array of
 * strings, main artist first), {@code album}, {@code release_year} (int), {@code duration_ms} (long),
 * {@code explicit} (boolean), {@code popularity} (double), {@code isrc}, {@code genre}, and one numeric column per
 * feature (NaN or null for a missing value). {@link #schema} writes that layout; {@link #reading} checks a file's
 * schema on the driver and converts its rows on the executors.
 *
 * @param features     the feature columns read, in this order (names: a {@link FeatureSchema} is not serializable)
 * @param featureIndex each feature's column position
 */
public record CatalogueColumns(List<String> features, int[] featureIndex, int id, int name, int artists, int album,
                               int releaseYear, int durationMs, int explicit, int popularity, int isrc, int genre)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TRACK_ID = "track_id";
    public static final String TRACK_NAME = "track_name";
    public static final String ARTISTS = "artists";
    public static final String ALBUM = "album";
    public static final String RELEASE_YEAR = "release_year";
    public static final String DURATION_MS = "duration_ms";
    public static final String EXPLICIT = "explicit";
    public static final String POPULARITY = "popularity";
    public static final String ISRC = "isrc";
    public static final String GENRE = "genre";
    private static final List<String> METADATA = List.of(TRACK_ID, TRACK_NAME, ARTISTS, ALBUM, RELEASE_YEAR,
            DURATION_MS, EXPLICIT, POPULARITY, ISRC, GENRE);

    /**
     * The Parquet layout for a catalogue with these features. A feature named like a metadata column
     * ({@code duration_ms}, {@code popularity}) is that column, not a second one.
     */
    public static StructType schema(FeatureSchema features) {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField(TRACK_ID, DataTypes.StringType, false),
                DataTypes.createStructField(TRACK_NAME, DataTypes.StringType, false),
                DataTypes.createStructField(ARTISTS, DataTypes.createArrayType(DataTypes.StringType, false), false),
                DataTypes.createStructField(ALBUM, DataTypes.StringType, false),
                DataTypes.createStructField(RELEASE_YEAR, DataTypes.IntegerType, true),
                DataTypes.createStructField(DURATION_MS, DataTypes.LongType, false),
                DataTypes.createStructField(EXPLICIT, DataTypes.BooleanType, false),
                DataTypes.createStructField(POPULARITY, DataTypes.DoubleType, true),
                DataTypes.createStructField(ISRC, DataTypes.StringType, true),
                DataTypes.createStructField(GENRE, DataTypes.StringType, true)));
        for (String f : features.names()) {
            if (!METADATA.contains(f)) {
                fields.add(DataTypes.createStructField(f, DataTypes.DoubleType, false));
            }
        }
        return DataTypes.createStructType(fields);
    }

    /** A candidate as a row of {@link #schema}{@code (features)}; features it lacks are written as NaN. */
    public static Row toRow(Candidate c, FeatureSchema features) {
        Track t = c.track();
        List<Object> values = new ArrayList<>(List.of(t.id(), t.name(), t.artists().toArray(String[]::new), t.album()));
        values.add(t.releaseYear().isPresent() ? t.releaseYear().getAsInt() : null);
        values.add(t.durationMs());
        values.add(t.explicit());
        values.add(t.popularity().isPresent() ? t.popularity().getAsDouble() : null);
        values.add(t.isrc().orElse(null));
        values.add(t.genre().orElse(null));
        double[] v = c.features().map(f -> f.project(features)).orElseGet(() -> {
            double[] missing = new double[features.size()];
            Arrays.fill(missing, Double.NaN);
            return missing;
        });
        for (int i = 0; i < v.length; i++) {
            if (!METADATA.contains(features.names().get(i))) {
                values.add(v[i]);
            }
        }
        return RowFactory.create(values.toArray());
    }

    /**
     * The columns to read from a catalogue with this Spark schema: the wanted features it has (numeric columns),
     * the metadata columns it has.
     *
     * @param where the catalogue's path, for messages
     * @throws DataException without a string {@code track_id}, with a wanted feature column that is not numeric, or
     *                       when the catalogue has none of the wanted features
     */
    public static CatalogueColumns reading(StructType schema, FeatureSchema wanted, String where) {
        List<String> names = Arrays.stream(schema.fieldNames()).toList();
        int id = index(schema, TRACK_ID);
        if (id < 0 || !schema.fields()[id].dataType().equals(DataTypes.StringType)) {
            throw new DataException("The catalogue " + where + " needs a string column '" + TRACK_ID + "'; its columns "
                    + "are " + describe(schema) + ". Write one with './audiu spark convert' (from an audiU CSV).");
        }
        List<String> found = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (String f : wanted.names()) {
            int i = index(schema, f);
            if (i < 0) {
                continue;
            }
            DataType type = schema.fields()[i].dataType();
            if (!(type instanceof NumericType)) {
                throw new DataException("The catalogue " + where + " has the feature column '" + f + "' as " + type
                        .simpleString() + "; features must be numeric (double, float, int or long).");
            }
            found.add(f);
            positions.add(i);
        }
        if (found.isEmpty()) {
            throw new DataException("The catalogue " + where + " has none of the recommenders' features " + wanted
                    + "; its columns are " + names + ".");
        }
        int artists = index(schema, ARTISTS);
        if (artists >= 0 && !(schema.fields()[artists].dataType() instanceof ArrayType)
                && !schema.fields()[artists].dataType().equals(DataTypes.StringType)) {
            throw new DataException("The catalogue " + where + " has '" + ARTISTS + "' as "
                    + schema.fields()[artists].dataType().simpleString() + "; use an array of strings (main artist "
                    + "first) or a string with ';' between artists.");
        }
        return new CatalogueColumns(List.copyOf(found), positions.stream().mapToInt(Integer::intValue).toArray(),
                id, index(schema, TRACK_NAME), artists, index(schema, ALBUM), index(schema, RELEASE_YEAR),
                index(schema, DURATION_MS), index(schema, EXPLICIT), index(schema, POPULARITY), index(schema, ISRC),
                index(schema, GENRE));
    }

    /** The wanted features the catalogue lacks (they score as missing values). */
    public List<String> missingFrom(FeatureSchema wanted) {
        return wanted.names().stream().filter(f -> !features.contains(f)).toList();
    }

    /** The features read, as a schema (build it once per partition). */
    public FeatureSchema schema() {
        return new FeatureSchema(features);
    }

    /** One row as a candidate with its own features; {@code schema} is {@link #schema()}. */
    public Candidate candidate(Row row, FeatureSchema schema) {
        String trackId = row.isNullAt(id) ? "" : row.getString(id);
        if (trackId.isBlank()) {
            throw new DataException("A catalogue row has no " + TRACK_ID + " (row: " + row + ")");
        }
        Track.Builder t = Track.builder(trackId, text(row, name)).artists(artistsOf(row)).album(text(row, album));
        if (releaseYear >= 0 && !row.isNullAt(releaseYear)) {
            t.releaseYear(OptionalInt.of((int) number(row, releaseYear)));
        }
        if (durationMs >= 0 && !row.isNullAt(durationMs)) {
            double d = number(row, durationMs);
            t.durationMs(Double.isNaN(d) || d < 0 ? 0 : (long) d);
        }
        if (explicit >= 0 && !row.isNullAt(explicit)) {
            t.explicit(row.getBoolean(explicit));
        }
        if (popularity >= 0 && !row.isNullAt(popularity)) {
            double p = number(row, popularity);
            t.popularity(Double.isNaN(p) ? OptionalDouble.empty() : OptionalDouble.of(p));
        }
        if (isrc >= 0 && !row.isNullAt(isrc)) {
            t.isrc(row.getString(isrc));
        }
        if (genre >= 0 && !row.isNullAt(genre)) {
            t.genre(row.getString(genre));
        }
        double[] values = new double[featureIndex.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.isNullAt(featureIndex[i]) ? Double.NaN : number(row, featureIndex[i]);
        }
        return Candidate.of(t.build(), new FeatureVector(schema, values));
    }

    private List<String> artistsOf(Row row) {
        if (artists < 0 || row.isNullAt(artists)) {
            return List.of();
        }
        Object v = row.get(artists);
        if (v instanceof String s) {
            return Arrays.stream(s.split(";")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        }
        return row.<String>getList(artists).stream().filter(a -> a != null && !a.isBlank()).toList();
    }

    private static String text(Row row, int i) {
        return i < 0 || row.isNullAt(i) ? "" : row.get(i).toString();
    }

    private static double number(Row row, int i) {
        return ((Number) row.get(i)).doubleValue();
    }

    private static int index(StructType schema, String name) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(StructType schema) {
        return Arrays.stream(schema.fields()).map(f -> f.name() + ":" + f.dataType().simpleString()).toList()
                .toString();
    }
}
