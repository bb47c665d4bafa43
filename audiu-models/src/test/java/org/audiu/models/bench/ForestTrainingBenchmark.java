package org.audiu.models.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.testkit.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training time of a 100-tree forest on the first 40,000 rows of {@code music_genre.csv} (the 12 standard audio
 * features, like scikit-learn's reference run), all cores. Not a unit test; run it with
 * <pre>
 * mvn -B -q -pl audiu-models -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp audiu-models/target/test-classes:audiu-models/target/classes:$(cat audiu-models/target/bench.cp) \
 *     org.openjdk.jmh.Main ForestTrainingBenchmark
 * </pre>
 * Without the shared data it times 40,000 generated rows instead (and says so).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class ForestTrainingBenchmark {
    @Param({"random-forest"})
    public String trainer;

    @Param({"100"})
    public int trees;

    private LabelledData data;
    private Plugins plugins;

    @Setup
    public void load() {
        Path file = Path.of(System.getProperty("audiu.shared.data", "../shared/data"), "music_genre.csv");
        if (Files.isRegularFile(file)) {
            LabelledData all = new CsvDatasetReader(CsvReadOptions.defaults()).read(file).labelledData();
            data = all.subset(IntStream.range(0, 40_000).toArray());
        } else {
            System.err.println(file + " is absent: timing 40,000 generated rows instead.");
            data = TestData.blobs(10, 4_000, 12, 1);
        }
        plugins = Plugins.fromClasspath();
    }

    @Benchmark
    public TrainedModel train() {
        ComponentConfig c = ComponentConfig.of("trainer", trainer, Map.of("trees", Integer.toString(trees)), 42);
        Trainer t = plugins.trainers().create(trainer, c);
        return t.train(data);
    }
}
