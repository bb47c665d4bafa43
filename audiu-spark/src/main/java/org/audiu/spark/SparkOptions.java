package org.audiu.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The options every Spark command shares: where to run and extra Spark settings. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]; leave out under spark-submit, which sets it")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    /** A session on the given master (or spark-submit's), the UI off unless asked for. */
    public SparkSession session(String appName) {
        if (master == null && System.getProperty("spark.master") == null && !conf.containsKey("spark.master")) {
            throw new IllegalArgumentException("No Spark master: give --master local[2] (or spark://HOST:7077, yarn, "
                    + "k8s://...), or start the job with spark-submit, which sets it.");
        }
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (master != null) {
            b.master(master);
        }
        b.config("spark.ui.showConsoleProgress", "false");
        if (master != null && master.startsWith("local") && !conf.containsKey("spark.ui.enabled")) {
            b.config("spark.ui.enabled", "false");
        }
        conf.forEach(b::config);
        return b.getOrCreate();
    }
}
