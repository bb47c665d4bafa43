package org.audiu.models;

import org.audiu.core.archive.ModelArchive;
import org.audiu.core.spi.training.ModelProvenance;

/** Rebuilds one kind of {@link AudiuModel} from its archive. */
@FunctionalInterface
public interface ModelReader {
    /**
     * @param archive    the checked archive
     * @param provenance the provenance read from it
     * @param loader     reads nested member archives (ensembles)
     */
    AudiuModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader);
}
