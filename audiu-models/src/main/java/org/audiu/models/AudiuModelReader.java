package org.audiu.models;

import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.TrainedModelReader;

/** Reads every audiU model format ({@link AudiuModel#FORMAT}) through {@link ModelFiles}; found by ServiceLoader. */
public final class AudiuModelReader implements TrainedModelReader {
    @Override
    public String format() {
        return AudiuModel.FORMAT;
    }

    @Override
    public TrainedModel read(byte[] bytes, String where) {
        return ModelFiles.fromBytes(bytes, where);
    }
}
