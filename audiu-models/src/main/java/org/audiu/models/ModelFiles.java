package org.audiu.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;

/**
 * Loads any model saved by audiU's trainers: Tribuo protobuf models, audiU tree ensembles, voting/stacking ensembles
 * of them, and whatever kinds other jars add readers for (audiu-models-dl4j: Deeplearning4j networks). Each payload
 * kind is read by the {@link ModelReader} registered for it ({@link ModelReaders}, found with
 * {@link java.util.ServiceLoader} on every top-level load). Never uses Java deserialization; a foreign, corrupt or
 * truncated file, or one whose kind no reader on the classpath reads, fails with a {@link ModelFileException}.
 *
 * <pre>
 * TrainedModel model = ModelFiles.load(Path.of("genres.model"), data.schema());
 * </pre>
 */
public final class ModelFiles {
    private static final int MAX_NESTING = 4;

    private final ModelReaders readers;
    private final int depth;

    private ModelFiles(ModelReaders readers, int depth) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.depth = depth;
    }

    /** A loader with exactly these readers (for tests and programmatic use); the static methods use the classpath's. */
    public static ModelFiles with(ModelReaders readers) {
        return new ModelFiles(readers, 0);
    }

    /** Loads a saved model with this loader's readers (see {@link #load(Path)}). */
    public AudiuModel read(Path file) {
        return read(ModelArchive.read(file));
    }

    /**
     * Loads a saved model.
     *
     * @throws ModelFileException when the file is missing, not an audiU model, corrupt, truncated, from a newer
     *                            format, or needs a library that is not on the classpath
     */
    public static AudiuModel load(Path file) {
        return new ModelFiles(ModelReaders.fromClasspath(), 0).read(file);
    }

    /** Reads a model from the bytes of {@link AudiuModel#toBytes()}; {@code where} names them in messages. */
    public static AudiuModel fromBytes(byte[] bytes, String where) {
        return new ModelFiles(ModelReaders.fromClasspath(), 0).read(ModelArchive.fromBytes(bytes, where));
    }

    /**
     * Loads a saved model for data with the given features.
     *
     * @throws DataException when the model was trained on other features (names or order), listing the difference
     */
    public static AudiuModel load(Path file, FeatureSchema dataSchema) {
        AudiuModel model = load(file);
        requireSchema(model, dataSchema, file.toString());
        return model;
    }

    /** Reads a model from the bytes of {@link AudiuModel#toBytes()} (e.g. an ensemble member). */
    public AudiuModel member(byte[] bytes, String where) {
        if (depth + 1 > MAX_NESTING) {
            throw new ModelFileException("The model file " + where + " nests ensembles deeper than " + MAX_NESTING
                    + " levels; audiU never writes such files.");
        }
        return new ModelFiles(readers, depth + 1).read(ModelArchive.fromBytes(bytes, where));
    }

    private AudiuModel read(ModelArchive archive) {
        String kind = archive.require("kind");
        ModelReader reader = readers.get(kind, archive.where());
        ModelProvenance provenance = ModelMetadata.read(archive);
        return reader.read(archive, provenance, this);
    }

    /**
     * Fails unless the model's features are exactly the data's, in the same order.
     *
     * @throws DataException listing the missing, unexpected and reordered features
     */
    public static void requireSchema(TrainedModel model, FeatureSchema dataSchema, String where) {
        FeatureSchema expected = model.schema();
        if (expected.equals(dataSchema)) {
            return;
        }
        List<String> missing = new ArrayList<>(expected.names());
        missing.removeAll(dataSchema.names());
        List<String> extra = new ArrayList<>(dataSchema.names());
        extra.removeAll(expected.names());
        StringBuilder sb = new StringBuilder("The model ").append(where).append(" was trained on the features ")
                .append(expected).append(" but the data has ").append(dataSchema).append(':');
        if (!missing.isEmpty()) {
            sb.append(" missing ").append(missing).append(';');
        }
        if (!extra.isEmpty()) {
            sb.append(" not in the model ").append(extra).append(';');
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            sb.append(" same features in another order;");
        }
        sb.append(" read the data with the model's feature columns (model.schema()) or retrain on these features.");
        throw new DataException(sb.toString());
    }
}
