package org.audiu.models.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.prep.PreprocessingOptions;

/**
 * {@code model = mlp}: a multilayer perceptron (Deeplearning4j) with ReLU hidden layers, a softmax output, Adam,
 * weight decay, dropout and early stopping on an artist-grouped validation split; example weights scale each row's
 * loss. Parameters: {@code hidden} (128,64; why this size: docs/measurements.md), {@code epochs} (200), {@code
 * learning-rate} (0.001),
 * {@code batch-size} (256), {@code l2} (0.0001), {@code dropout} (0.1), {@code validation-fraction} (0.1),
 * {@code patience} (15), {@code threads} (1: OpenMP/BLAS threads; more is slower for nets this small), and the
 * preprocessing keys (defaults: log of skewed features, one-hot key, standardise).
 *
 * <p>Registered in this jar's META-INF/services, so {@code mlp} exists exactly when org.audiu:audiu-models-dl4j is on
 * the classpath; without it the trainer registry's "No trainer named 'mlp'" error names the jar.
 */
public final class MlpTrainerFactory implements TrainerFactory {
    @Override public String name() { return "mlp"; }

    @Override
    public String description() {
        return "multilayer perceptron (Deeplearning4j; org.audiu:audiu-models-dl4j)";
    }

    @Override
    public Trainer create(ComponentConfig c) {
        return new MlpTrainer(settings(c));
    }

    static MlpSettings settings(ComponentConfig c) {
        List<String> hiddenText = c.getList("hidden", List.of("128", "64"));
        List<Integer> hidden = new ArrayList<>();
        for (String h : hiddenText) {
            int units;
            try {
                units = Integer.parseInt(h);
            } catch (NumberFormatException e) {
                units = -1;
            }
            if (units < 1 || units > 100_000) {
                throw new ConfigException("Invalid value '" + String.join(",", hiddenText) + "' for '"
                        + c.qualified("hidden") + "' (trainer 'mlp'): expected layer sizes such as 128,64.");
            }
            hidden.add(units);
        }
        int epochs = c.getInt("epochs", 200, 1, 100_000);
        double rate = c.getDouble("learning-rate", 0.001, 1e-9, 10);
        int batch = c.getInt("batch-size", 256, 1, 1_000_000);
        double l2 = c.getDouble("l2", 1e-4, 0, 10);
        double dropout = c.getDouble("dropout", 0.1, 0, 0.95);
        double validation = c.getDouble("validation-fraction", 0.1, 0, 0.5);
        int patience = c.getInt("patience", 15, 1, 100_000);
        int threads = c.getInt("threads", 1, 1, 4096);
        PreprocessingOptions prep = PreprocessingOptions.from(c, PreprocessingOptions.forLinear());
        return new MlpSettings(hidden, epochs, rate, batch, l2, dropout, validation, patience, threads, prep,
                c.effectiveParameters(), c.seed());
    }
}
