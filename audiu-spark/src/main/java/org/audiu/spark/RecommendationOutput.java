package org.audiu.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.audiu.core.DataException;
import org.audiu.core.Recommendation;

/**
 * Writes the job's result: one row per listener and rank, as Parquet ({@code OUT/recommendations.parquet}) and JSON
 * lines ({@code OUT/recommendations.json}), each a folder with one part file. Columns: {@code listener},
 * {@code source}, {@code rank} (1 = best), {@code track_id}, {@code track_name}, {@code artists}, {@code album},
 * {@code genre}, {@code score}, {@code reasons}.
 */
public final class RecommendationOutput {
    public static final String PARQUET = "recommendations.parquet";
    public static final String JSON = "recommendations.json";

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("listener", DataTypes.StringType, false),
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("rank", DataTypes.IntegerType, false),
            DataTypes.createStructField("track_id", DataTypes.StringType, false),
            DataTypes.createStructField("track_name", DataTypes.StringType, false),
            DataTypes.createStructField("artists", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("album", DataTypes.StringType, false),
            DataTypes.createStructField("genre", DataTypes.StringType, true),
            DataTypes.createStructField("score", DataTypes.DoubleType, false),
            DataTypes.createStructField("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false)));

    private final SparkSession spark;

    public RecommendationOutput(SparkSession spark) {
        this.spark = spark;
    }

    /** The result as rows of {@link #SCHEMA}. */
    public Dataset<Row> rows(CatalogueScoring.Result result) {
        List<Row> rows = new ArrayList<>();
        for (CatalogueScoring.ListenerResult l : result.listeners()) {
            int rank = 1;
            for (Recommendation r : l.recommendations()) {
                rows.add(RowFactory.create(l.listener(), l.source(), rank++, r.track().id(), r.track().name(),
                        r.track().artists().toArray(String[]::new), r.track().album(), r.track().genre().orElse(null), r.score(),
                        r.reasons().toArray(String[]::new)));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * Refuses an {@code out} that exists already (a folder, even empty, or a file) unless {@code overwrite}: the
     * job checks this before it scores anything, so a wrong {@code --out} costs no cluster time.
     */
    public void checkTarget(String out, boolean overwrite) {
        if (overwrite) {
            return;
        }
        Path dir = new Path(out);
        try {
            if (dir.getFileSystem(hadoop()).exists(dir)) {
                throw new DataException("The output folder " + out + " exists already; choose another --out folder "
                        + "or add --overwrite to replace its " + PARQUET + " and " + JSON + ".");
            }
        } catch (IOException e) {
            throw new DataException("Could not check the output folder " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes both outputs, each committed once by Spark's output committer. When writing fails, an {@code out}
     * this call created is deleted again, so a failed job leaves no partial output folder.
     *
     * @param overwrite replace earlier results in {@code out}; otherwise an existing {@code out} is an error
     */
    public void write(CatalogueScoring.Result result, String out, boolean overwrite) {
        checkTarget(out, overwrite);
        Path dir = new Path(out);
        FileSystem fs;
        boolean existed;
        try {
            fs = dir.getFileSystem(hadoop());
            existed = fs.exists(dir);
        } catch (IOException e) {
            throw new DataException("Could not check the output folder " + out + ": " + e.getMessage(), e);
        }
        Dataset<Row> rows = rows(result).coalesce(1);
        SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        try {
            rows.write().mode(mode).parquet(new Path(dir, PARQUET).toString());
            rows.write().mode(mode).json(new Path(dir, JSON).toString());
        } catch (RuntimeException e) {
            if (!existed) {
                try {
                    fs.delete(dir, true);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private org.apache.hadoop.conf.Configuration hadoop() {
        return spark.sparkContext().hadoopConfiguration();
    }
}
