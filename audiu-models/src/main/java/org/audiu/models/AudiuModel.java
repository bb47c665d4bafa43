package org.audiu.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;

/**
 * Base of the models this module trains: they save into a {@link ModelArchive} and load back through
 * {@link ModelFiles#load}. Subclasses add their payload and the metadata their reader needs.
 */
public abstract class AudiuModel implements TrainedModel {
    private final ModelProvenance provenance;

    protected AudiuModel(ModelProvenance provenance) {
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /** The payload kind, which picks the reader ("tribuo", "forest", "mlp", "voting", "stacking"). */
    public abstract String kind();

    /** Adds this model's metadata and payload entries. */
    protected abstract void writePayload(Properties meta, Map<String, byte[]> entries) throws IOException;

    @Override
    public final FeatureSchema schema() {
        return provenance.schema();
    }

    @Override
    public final List<String> labels() {
        return provenance.labels();
    }

    @Override
    public final ModelProvenance provenance() {
        return provenance;
    }

    /** The format name of every audiU model file, read by {@code AudiuModelReader}. */
    public static final String FORMAT = "audiu-model";

    @Override
    public final String format() {
        return FORMAT;
    }

    /** The saved form, for nesting inside ensembles and trained recommenders. */
    @Override
    public final byte[] toBytes() throws IOException {
        Properties meta = new Properties();
        meta.setProperty("kind", kind());
        ModelMetadata.write(provenance, meta);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        writePayload(meta, entries);
        return ModelArchive.toBytes(meta, entries);
    }

    @Override
    public final void save(Path file) throws IOException {
        ModelArchive.writeFile(file, toBytes());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + provenance.trainer() + ", " + labels().size() + " labels, "
                + schema().size() + " features]";
    }
}
