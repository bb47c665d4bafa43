package org.audiu.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session the module's tests share (two cores, UI off, few shuffle partitions); Spark hands the
 * same session to every caller of {@code getOrCreate}, and it ends with the test JVM.
 */
final class SharedSpark {
    private SharedSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder().appName("audiu-spark tests").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .getOrCreate();
    }
}
