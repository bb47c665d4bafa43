package org.audiu.core.spi.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.audiu.core.FeatureSchema;

/** A trained classifier. Thread-safe for prediction. */
public interface TrainedModel {
    /** The features rows must be laid out in. */
    FeatureSchema schema();

    /** The labels, in the column order of {@link #predictProbabilities}. */
    List<String> labels();

    /**
     * Class probabilities (rows sum to 1) for a batch of rows in {@link #schema()} order. NaN values are imputed by
     * the model's own preprocessing. Implementations predict the whole batch at once where the backend allows.
     */
    double[][] predictProbabilities(double[][] rows);

    /** How the model was made. */
    ModelProvenance provenance();

    /** Saves the model in its safe format (never Java serialization). */
    void save(Path file) throws IOException;

    /**
     * The name of this model's saved format: a {@link TrainedModelReader} of that name on the classpath reads
     * {@link #toBytes()} back.
     */
    String format();

    /** The saved form, as {@link #save} writes it (never Java serialization). */
    byte[] toBytes() throws IOException;

    /** The probability of one label for each row. */
    default double[] probabilityOf(String label, double[][] rows) {
        int column = labels().indexOf(label);
        if (column < 0) {
            throw new IllegalArgumentException("Label '" + label + "' is not one of this model's labels " + labels());
        }
        double[][] p = predictProbabilities(rows);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i][column];
        }
        return out;
    }

    /** The most probable label of each row. */
    default String[] predictLabels(double[][] rows) {
        double[][] p = predictProbabilities(rows);
        List<String> labels = labels();
        String[] out = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int j = 1; j < p[i].length; j++) {
                if (p[i][j] > p[i][best]) {
                    best = j;
                }
            }
            out[i] = labels.get(best);
        }
        return out;
    }
}
