package org.audiu.models;

import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.dl4j.Dl4jSupport;
import org.audiu.models.ensemble.StackingModel;
import org.audiu.models.ensemble.VotingModel;
import org.audiu.models.trees.ForestModel;
import org.audiu.models.tribuo.TribuoModel;

/**
 * Loads any model saved by this module's trainers: Tribuo protobuf models, audiU tree ensembles, Deeplearning4j
 * networks (when Deeplearning4j is on the classpath) and voting/stacking ensembles of them. Never uses Java
 * deserialization; a foreign, corrupt or truncated file fails with a {@link ModelFileException}.
 *
 * <pre>
 * TrainedModel model = ModelFiles.load(Path.of("genres.model"), data.schema());
 * </pre>
 */
public final class ModelFiles {
    private static final int MAX_NESTING = 4;
    private static final Map<String, ModelReader> READERS = Map.of(
            TribuoModel.KIND, TribuoModel::read,
            ForestModel.KIND, ForestModel::read,
            VotingModel.KIND, VotingModel::read,
            StackingModel.KIND, StackingModel::read,
            Dl4jSupport.MODEL_KIND, (a, p, l) -> Dl4jSupport.modelReader(a.where()).read(a, p, l));

    private final int depth;

    private ModelFiles(int depth) {
        this.depth = depth;
    }

    /**
     * Loads a saved model.
     *
     * @throws ModelFileException when the file is missing, not an audiU model, corrupt, truncated, from a newer
     *                            format, or needs a library that is not on the classpath
     */
    public static AudiuModel load(Path file) {
        return new ModelFiles(0).read(ModelArchive.read(file));
    }

    /** Reads a model from the bytes of {@link AudiuModel#toBytes()}; {@code where} names them in messages. */
    public static AudiuModel fromBytes(byte[] bytes, String where) {
        return new ModelFiles(0).read(ModelArchive.fromBytes(bytes, where));
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
        return new ModelFiles(depth + 1).read(ModelArchive.fromBytes(bytes, where));
    }

    private AudiuModel read(ModelArchive archive) {
        String kind = archive.require("kind");
        ModelReader reader = READERS.get(kind);
        if (reader == null) {
            throw new ModelFileException("The model file " + archive.where() + " holds a model of kind '" + kind
                    + "', which this version of audiU cannot read (it reads " + READERS.keySet() + ").");
        }
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
