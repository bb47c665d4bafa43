package org.audiu.core.spi.training;

/**
 * Reads the saved form of one format of {@link TrainedModel} ({@link TrainedModel#format()}). Readers are found
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/org.audiu.core.spi.training.TrainedModelReader}),
 * so a model type from a third-party jar can be saved inside a trained recommender and loaded back. Never use Java
 * deserialization: the bytes may come from anyone.
 */
public interface TrainedModelReader {
    /** The format this reader reads, as {@link TrainedModel#format()} names it ({@code audiu-model}). */
    String format();

    /**
     * Rebuilds a model from {@link TrainedModel#toBytes()}.
     *
     * @param where names the file (and the part of it) for messages
     * @throws org.audiu.core.archive.ModelFileException when the bytes are not a valid model of this format
     */
    TrainedModel read(byte[] bytes, String where);
}
