package org.audiu.models.tribuo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.audiu.core.ml.LabelledData;
import org.audiu.core.ml.ModelProvenance;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.ml.TrainedModel;
import org.audiu.core.spi.Trainer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Trains any Tribuo classification trainer on audiU data: fits the preprocessing (median imputation, optional
 * standardisation), converts rows to a weighted Tribuo dataset, trains, and wraps the result with provenance.
 */
public final class TribuoClassifierTrainer implements Trainer {
    /** Tribuo logs a line per bagged tree through java.util.logging; a strong reference keeps the level set. */
    private static final java.util.logging.Logger TRIBUO_LOGGER = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOGGER.setLevel(Level.WARNING);
    }

    private final String name;
    private final Supplier<org.tribuo.Trainer<Label>> tribuoTrainer;
    private final Map<String, String> parameters;
    private final long seed;
    private final boolean standardise;

    /**
     * @param name          the audiU trainer name (for provenance)
     * @param tribuoTrainer makes a fresh Tribuo trainer (seeded) for each training run
     * @param parameters    the effective parameters (for provenance)
     */
    public TribuoClassifierTrainer(String name, Supplier<org.tribuo.Trainer<Label>> tribuoTrainer,
                                   Map<String, String> parameters, long seed, boolean standardise) {
        this.name = Objects.requireNonNull(name, "name");
        this.tribuoTrainer = Objects.requireNonNull(tribuoTrainer, "tribuoTrainer");
        this.parameters = Map.copyOf(new LinkedHashMap<>(parameters));
        this.seed = seed;
        this.standardise = standardise;
    }

    @Override
    public TrainedModel train(LabelledData data) {
        data.requireTrainable("trainer '" + name + "'");
        Preprocessor preprocessor = Preprocessor.fit(data.schema(), data.featureMatrix(), standardise);
        MutableDataset<Label> dataset = TribuoData.toDataset(data, preprocessor);
        Model<Label> model = tribuoTrainer.get().train(dataset);
        ModelProvenance provenance = new ModelProvenance(name, parameters, seed, data.size(), data.schema(),
                data.labels(), preprocessor.describe(), versions(), Instant.now());
        return new TribuoModel(model, preprocessor, provenance);
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("audiu", ModelProvenance.versionOf(TribuoClassifierTrainer.class));
        v.put("tribuo", org.tribuo.Tribuo.VERSION);
        v.put("java", System.getProperty("java.version"));
        return v;
    }
}
