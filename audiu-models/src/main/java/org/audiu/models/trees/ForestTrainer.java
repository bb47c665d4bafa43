package org.audiu.models.trees;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.models.ModelMetadata;
import org.audiu.models.prep.FeaturePipeline;
import org.audiu.models.prep.PreprocessingOptions;

/**
 * Trains a forest of audiU trees in parallel: tree {@code t} gets its own random stream derived from the seed and
 * {@code t} (bootstrap sample and feature draws), so the forest is the same for a seed however many threads grow
 * it. Random forest: bootstrap + best thresholds; extra trees: all rows + random thresholds.
 */
public final class ForestTrainer implements Trainer {
    /**
     * @param name          trainer name for provenance
     * @param trees         number of trees
     * @param maxFeatures   candidate features per split: "sqrt", "log2", "all" or a fraction in (0, 1]
     * @param bootstrap     sample rows with replacement for each tree
     * @param threads       threads growing trees
     * @param preprocessing imputation etc. before training
     * @param parameters    effective parameters, for provenance
     */
    public record Settings(String name, int trees, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                           String maxFeatures, boolean bootstrap, SplitRuleName rule, int threads,
                           PreprocessingOptions preprocessing, Map<String, String> parameters, long seed) {
        public Settings {
            Objects.requireNonNull(name, "name");
            parameters = Map.copyOf(parameters);
        }
    }

    /** Public names of the split rules. */
    public enum SplitRuleName { BEST, RANDOM }

    private final Settings settings;

    public ForestTrainer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public TrainedModel train(LabelledData original) {
        original.requireTrainable("trainer '" + settings.name() + "'");
        LabelledData data = settings.preprocessing().weigh(original);
        double[][] raw = data.featureMatrix();
        FeaturePipeline pipeline = FeaturePipeline.fit(data.schema(), raw, settings.preprocessing());
        List<String> labels = data.labels();
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        List<LabelledExample> examples = data.examples();
        int[] y = new int[examples.size()];
        double[] w = new double[examples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labelIndex.get(examples.get(i).label());
            w[i] = examples.get(i).weight();
        }
        TreeData td = new TreeData(pipeline.applyAll(raw), y, w, labels.size());
        TreeParams params = new TreeParams(settings.maxDepth(), settings.minSamplesSplit(), settings.minSamplesLeaf(),
                resolveMaxFeatures(settings.maxFeatures(), td.features),
                settings.rule() == SplitRuleName.BEST ? SplitRule.BEST : SplitRule.RANDOM);
        List<Tree> trees = grow(td, params);
        Map<String, String> versions = ModelMetadata.baseVersions();
        ModelProvenance provenance = new ModelProvenance(settings.name(), settings.parameters(), settings.seed(),
                data.size(), data.schema(), labels, pipeline.describe(), versions, Instant.now());
        return new ForestModel(trees, pipeline, provenance);
    }

    private List<Tree> grow(TreeData td, TreeParams params) {
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            return pool.submit(() -> IntStream.range(0, settings.trees()).parallel()
                    .mapToObj(t -> growOne(td, params, t)).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while growing trees", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Growing trees failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private Tree growOne(TreeData td, TreeParams params, int t) {
        SplittableRandom rng = new SplittableRandom(mix(settings.seed(), t));
        double[] weights = new double[td.rows];
        if (settings.bootstrap()) {
            for (int k = 0; k < td.rows; k++) {
                weights[rng.nextInt(td.rows)] += 1;
            }
            for (int i = 0; i < td.rows; i++) {
                weights[i] *= td.weight[i];
            }
        } else {
            System.arraycopy(td.weight, 0, weights, 0, td.rows);
        }
        return new TreeGrower(td, params).grow(weights, rng);
    }

    static long mix(long seed, int tree) {
        long z = seed * 0x9E3779B97F4A7C15L + tree * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int resolveMaxFeatures(String spec, int features) {
        int k = switch (spec) {
            case "sqrt" -> (int) Math.sqrt(features);
            case "log2" -> (int) (Math.log(features) / Math.log(2));
            case "all" -> features;
            default -> (int) Math.ceil(Double.parseDouble(spec) * features);
        };
        return Math.max(1, Math.min(features, k));
    }
}
