package org.audiu.models.ensemble;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.AudiuModel;
import org.audiu.models.ModelFiles;
import org.audiu.models.ModelReader;

/** Stacked generalisation: a meta model predicts from the members' (log) probabilities. */
public final class StackingModel extends AudiuModel {
    public static final String KIND = "stacking";
    static final String META_ENTRY = "meta.model";

    private final List<String> names;
    private final List<TrainedModel> members;
    private final TrainedModel meta;
    private final boolean passthrough;

    StackingModel(List<String> names, List<TrainedModel> members, TrainedModel meta, boolean passthrough,
                  ModelProvenance provenance) {
        super(provenance);
        this.names = List.copyOf(names);
        this.members = List.copyOf(members);
        this.meta = meta;
        this.passthrough = passthrough;
    }

    @Override
    public String kind() {
        return KIND;
    }

    public List<TrainedModel> members() {
        return members;
    }

    public TrainedModel meta() {
        return meta;
    }

    @Override
    public double[][] predictProbabilities(double[][] rows) {
        List<String> labels = labels();
        int width = meta.schema().size();
        double[][] metaRows = new double[rows.length][width];
        for (int m = 0; m < members.size(); m++) {
            StackingFeatures.put(metaRows, null, EnsembleSupport.aligned(members.get(m), labels, rows), m,
                    labels.size());
        }
        if (passthrough) {
            StackingFeatures.passthrough(metaRows, rows, members.size() * labels.size());
        }
        return EnsembleSupport.aligned(meta, labels, metaRows);
    }

    @Override
    protected void writePayload(Properties metaProps, Map<String, byte[]> entries) throws IOException {
        EnsembleSupport.writeMembers(members, names, metaProps, entries);
        metaProps.setProperty("stacking.passthrough", Boolean.toString(passthrough));
        if (!(meta instanceof AudiuModel m)) {
            throw new IOException("The stacking meta model is a " + meta.getClass().getName() + ", which is not an "
                    + "audiU model and cannot be saved.");
        }
        entries.put(META_ENTRY, m.toBytes());
    }

    public static StackingModel read(ModelArchive a, ModelProvenance provenance, ModelFiles loader) {
        List<String> names = EnsembleSupport.memberNames(a);
        List<TrainedModel> members = EnsembleSupport.readMembers(a, loader, provenance.labels());
        boolean passthrough = Boolean.parseBoolean(a.require("stacking.passthrough"));
        TrainedModel meta = loader.member(a.entry(META_ENTRY), a.where() + " (meta model)");
        FeatureSchema expected = StackingFeatures.schema(names, provenance.labels(), provenance.schema(), passthrough);
        if (!meta.schema().equals(expected)) {
            throw a.corrupt("its meta model expects " + meta.schema() + " instead of " + expected, null);
        }
        return new StackingModel(names, members, meta, passthrough, provenance);
    }

    /** Reads {@value #KIND} files ({@link #read}); registered in META-INF/services/org.audiu.models.ModelReader. */
    public static final class Reader implements ModelReader {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AudiuModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader) {
            return StackingModel.read(archive, provenance, loader);
        }
    }
}
