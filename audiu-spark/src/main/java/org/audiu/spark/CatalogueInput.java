package org.audiu.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetFactories;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.spi.candidates.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the catalogue comes from: Parquet (one row per track, {@link CatalogueColumns}; split by Spark into as many
 * partitions as it likes) or CSV files in any format audiU's {@link CsvDatasetReader} reads (each file read whole
 * by that reader in one task, so the rows, ids and features are exactly what the local engine sees; split a big
 * CSV catalogue into many files, or convert it to Parquet once with {@code ./audiu spark convert}).
 *
 * @param path       a file or folder (Parquet: a folder of part files or one file; CSV: a file, a folder or a glob)
 * @param format     {@code parquet} or {@code csv}
 * @param partitions the minimum number of partitions (0: Spark's choice)
 */
public record CatalogueInput(String path, String format, int partitions) {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueInput.class);
    public static final List<String> FORMATS = List.of("parquet", "csv");

    public CatalogueInput {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("The catalogue path is empty; give --catalogue FILE-OR-FOLDER");
        }
        format = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("Unknown catalogue format '" + format + "'; use one of " + FORMATS);
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        }
    }

    /** {@code parquet} unless the path ends in {@code .csv} (or names a folder of them with a glob). */
    public static String guessFormat(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "parquet";
    }

    /**
     * The catalogue's candidates, read lazily inside each partition; never collected.
     *
     * @param wanted the union of the recommenders' base features (Parquet reads those columns)
     */
    public JavaRDD<Candidate> candidates(SparkSession spark, FeatureSchema wanted) {
        return format.equals("csv") ? csv(spark) : parquet(spark, wanted);
    }

    private JavaRDD<Candidate> parquet(SparkSession spark, FeatureSchema wanted) {
        Dataset<Row> rows = spark.read().parquet(path);
        CatalogueColumns columns = CatalogueColumns.reading(rows.schema(), wanted, path);
        List<String> missing = columns.missingFrom(wanted);
        if (!missing.isEmpty()) {
            LOG.warn("The catalogue {} has no column for the features {}: they score as missing values (or come from "
                    + "the track's metadata, as in the local engine)", path, missing);
        }
        JavaRDD<Row> rdd = rows.javaRDD();
        if (partitions > rdd.getNumPartitions()) {
            rdd = rdd.repartition(partitions);
        }
        return rdd.mapPartitions(it -> candidates(it, columns));
    }

    private static Iterator<Candidate> candidates(Iterator<Row> rows, CatalogueColumns columns) {
        FeatureSchema schema = columns.schema();
        return new Iterator<>() {
            @Override public boolean hasNext() {
                return rows.hasNext();
            }

            @Override public Candidate next() {
                return columns.candidate(rows.next(), schema);
            }
        };
    }

    private JavaRDD<Candidate> csv(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> files = csvFiles(spark);
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sparkContext());
        int slices = Math.max(partitions, files.size());
        return sc.parallelize(files, slices).flatMap(file -> readCsv(file, hadoop.value().value()).iterator());
    }

    /** The CSV files the path names (a file, a folder's visible files, or a glob), listed on the driver. */
    private List<String> csvFiles(SparkSession spark) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] found = fs.globStatus(p);
            List<String> files = new ArrayList<>();
            for (FileStatus s : found == null ? new FileStatus[0] : found) {
                FileStatus[] inside = s.isDirectory() ? fs.listStatus(s.getPath(), f -> !f.getName().startsWith(".")
                        && !f.getName().startsWith("_")) : new FileStatus[] {s};
                for (FileStatus f : inside) {
                    if (f.isFile()) {
                        files.add(f.getPath().toString());
                    }
                }
            }
            if (files.isEmpty()) {
                throw new DataException("No CSV catalogue file at " + path + ". Give a CSV file, a folder of them or "
                        + "a glob such as 'tracks/*.csv'.");
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new DataException("Could not list the catalogue " + path + ": " + e.getMessage(), e);
        }
    }

    /** One CSV file through audiU's reader, as the {@code csv} candidate source gives it to the local engine. */
    static List<Candidate> readCsv(String name, Configuration hadoop) {
        Path local;
        try {
            local = Files.createTempFile("audiu-catalogue-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file for " + name, e);
        }
        try {
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(name);
            try (InputStream in = file.getFileSystem(hadoop).open(file)) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
            TrackDataset dataset;
            try {
                dataset = new CsvDatasetReader(CsvReadOptions.defaults()).read(local);
            } catch (DataException e) {
                throw new DataException("The catalogue file " + name + ": "
                        + e.getMessage().replace(local.toString(), name), e);
            }
            if (!dataset.problems().isEmpty()) {
                LOG.warn("{}: {} bad lines skipped; first: {}", name, dataset.problems().size(),
                        dataset.problems().get(0));
            }
            try (var stream = new DatasetFactories.DatasetCandidateSource(dataset).candidates()) {
                return stream.toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the catalogue file " + name, e);
        } finally {
            try {
                Files.deleteIfExists(local);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary copy {} of {}", local, name);
            }
        }
    }
}
