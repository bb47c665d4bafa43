package org.audiu.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options every Spark command shares: where to run and extra Spark settings. */
public final class SparkOptions {
    private static final Logger LOG = LoggerFactory.getLogger(SparkOptions.class);

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
        return session(appName, master);
    }

    /**
     * A session on {@code url} (null: spark-submit's) with the shared settings. A cluster master reached from
     * {@code ./audiu spark} (audiU's classes in a folder, not a jar, and no {@code spark.jars}) gets the module's
     * job jar for its executors, found beside the classes.
     */
    public SparkSession session(String appName, String url) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (url != null) {
            b.master(url);
        }
        b.config("spark.ui.showConsoleProgress", "false");
        boolean local = url != null && url.startsWith("local");
        if (local && !conf.containsKey("spark.ui.enabled")) {
            b.config("spark.ui.enabled", "false");
        }
        if (url != null && !local && !conf.containsKey("spark.jars") && System.getProperty("spark.jars") == null) {
            Path jar = jobJarBesideClasses().orElseThrow(() -> new IllegalArgumentException("The executors on "
                    + url + " need audiU's classes: build the job jar (mvn -B -ntp package -DskipTests -pl "
                    + "audiu-spark -am) and give --conf spark.jars=audiu-spark/target/audiu-spark-VERSION-job.jar, "
                    + "or submit the job jar with spark-submit."));
            LOG.info("Shipping {} to the executors on {}", jar, url);
            b.config("spark.jars", jar.toString());
        }
        conf.forEach(b::config);
        return b.getOrCreate();
    }

    /** The {@code *-job.jar} in the build folder above {@code target/classes}, when audiU runs from there. */
    static Optional<Path> jobJarBesideClasses() {
        try {
            Path classes = Path.of(SparkOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(classes) || classes.getParent() == null) {
                return Optional.empty();
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(classes.getParent(), "audiu-spark-*-job.jar")) {
                for (Path jar : jars) {
                    return Optional.of(jar.toAbsolutePath());
                }
            }
            return Optional.empty();
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
