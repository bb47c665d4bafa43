package org.audiu.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.FeatureSchema;
import org.audiu.core.spi.candidates.Candidate;

/** Writes candidates as a Parquet catalogue in the layout of {@link CatalogueColumns}. */
public final class CatalogueParquet {
    private CatalogueParquet() {
    }

    /**
     * Writes the candidates with the given feature columns (a feature a candidate lacks is NaN); returns the rows
     * written.
     */
    public static long write(SparkSession spark, JavaRDD<Candidate> candidates, FeatureSchema features, String out) {
        List<String> names = features.names();
        JavaRDD<Row> rows = candidates.mapPartitions(it -> {
            FeatureSchema schema = new FeatureSchema(names);
            return new Iterator<Row>() {
                @Override public boolean hasNext() {
                    return it.hasNext();
                }

                @Override public Row next() {
                    return CatalogueColumns.toRow(it.next(), schema);
                }
            };
        });
        spark.createDataFrame(rows, CatalogueColumns.schema(features)).write().mode(SaveMode.ErrorIfExists)
                .parquet(out);
        return spark.read().parquet(out).count();
    }

    /** Reads CSV files with audiU's reader (one file per task) and writes them as Parquet. */
    public static long convertCsv(SparkSession spark, String csv, FeatureSchema features, String out) {
        return write(spark, new CatalogueInput(csv, "csv", 0).candidates(spark, features), features, out);
    }
}
