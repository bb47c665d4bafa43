package org.audiu.models;

import org.audiu.core.archive.ModelArchive;
import org.audiu.core.spi.training.ModelProvenance;

/**
 * Rebuilds one kind of {@link AudiuModel} from its archive. Readers are found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.audiu.models.ModelReader}; a public class with a public no-argument constructor), so
 * a jar that adds a model type (audiu-models-dl4j: {@code mlp}) also makes its files loadable, inside ensembles too.
 */
public interface ModelReader {
    /** The payload kind this reader reads, as {@link AudiuModel#kind()} writes it ({@code "forest"}). */
    String kind();

    /**
     * @param archive    the checked archive
     * @param provenance the provenance read from it
     * @param loader     reads nested member archives (ensembles)
     */
    AudiuModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader);
}
