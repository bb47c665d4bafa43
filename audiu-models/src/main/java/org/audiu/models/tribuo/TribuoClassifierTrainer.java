package org.audiu.models.tribuo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.models.ModelMetadata;
import org.audiu.models.prep.FeaturePipeline;
import org.audiu.models.prep.PreprocessingOptions;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Trains any Tribuo classification trainer on audiU data: fits the preprocessing, converts rows to a weighted Tribuo
 * dataset, trains, and wraps the result with the preprocessing and provenance.
 */
public final class TribuoClassifierTrainer implements Trainer {
    /** Tribuo logs through java.util.logging (a line per tree or epoch); a strong reference keeps the level set. */
    private static final java.util.logging.Logger TRIBUO_LOGGER = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOGGER.setLevel(Level.WARNING);
    }

    /** Fits a Tribuo model to a training run's rows, given both as audiU rows and as the Tribuo dataset. */
    @FunctionalInterface
    public interface Fit {
        /**
         * @param data    the (weighted) rows before preprocessing, parallel to {@code dataset}'s examples
         * @param dataset the preprocessed rows
         */
        Model<Label> fit(LabelledData data, MutableDataset<Label> dataset);
    }

    private final String name;
    private final Fit fit;
    private final Map<String, String> parameters;
    private final long seed;
    private final PreprocessingOptions preprocessing;
    private final boolean batchPrediction;

    /**
     * @param name            the audiU trainer name (for provenance)
     * @param tribuoTrainer   makes a fresh, seeded Tribuo trainer for each training run, given its (weighted) data
     * @param parameters      the effective parameters (for provenance)
     * @param preprocessing   what to fit before training
     * @param batchPrediction predict a batch in one Tribuo call (XGBoost) instead of parallel chunks
     */
    public TribuoClassifierTrainer(String name, Function<LabelledData, org.tribuo.Trainer<Label>> tribuoTrainer,
                                   Map<String, String> parameters, long seed, PreprocessingOptions preprocessing,
                                   boolean batchPrediction) {
        this(name, fitWith(tribuoTrainer), parameters, seed, preprocessing, batchPrediction);
    }

    /**
     * @param fit             fits a model to each training run's rows (a fresh, seeded Tribuo trainer, or several,
     *                        as early stopping needs)
     * @param parameters      the effective parameters (for provenance)
     * @param preprocessing   what to fit before training
     * @param batchPrediction predict a batch in one Tribuo call (XGBoost) instead of parallel chunks
     */
    public TribuoClassifierTrainer(String name, Fit fit, Map<String, String> parameters, long seed,
                                   PreprocessingOptions preprocessing, boolean batchPrediction) {
        this.name = Objects.requireNonNull(name, "name");
        this.fit = Objects.requireNonNull(fit, "fit");
        this.parameters = new LinkedHashMap<>(parameters);
        this.seed = seed;
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.batchPrediction = batchPrediction;
    }

    @Override
    public TrainedModel train(LabelledData original) {
        original.requireTrainable("trainer '" + name + "'");
        LabelledData data = preprocessing.weigh(original);
        double[][] raw = data.featureMatrix();
        FeaturePipeline pipeline = FeaturePipeline.fit(data.schema(), raw, preprocessing);
        String[] names = TribuoData.featureNames(pipeline.outputSchema());
        MutableDataset<Label> dataset = TribuoData.toDataset(names, pipeline.applyAll(raw), data.examples());
        Model<Label> model = fit.fit(data, dataset);
        ModelProvenance provenance = new ModelProvenance(name, parameters, seed, data.size(), data.schema(),
                data.labels(), pipeline.describe(), versions(), Instant.now());
        return new TribuoModel(model, pipeline, provenance, batchPrediction);
    }

    private static Fit fitWith(Function<LabelledData, org.tribuo.Trainer<Label>> tribuoTrainer) {
        Objects.requireNonNull(tribuoTrainer, "tribuoTrainer");
        return (data, dataset) -> tribuoTrainer.apply(data).train(dataset);
    }

    static Map<String, String> versions() {
        Map<String, String> v = ModelMetadata.baseVersions();
        v.put("tribuo", org.tribuo.Tribuo.VERSION);
        return v;
    }
}
