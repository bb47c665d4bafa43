package org.audiu.models.ensemble;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.AudiuModel;
import org.audiu.models.ModelFiles;
import org.audiu.models.ModelReader;

/** Soft voting: the weighted mean of the members' class probabilities. */
public final class VotingModel extends AudiuModel {
    public static final String KIND = "voting";

    private final List<String> names;
    private final List<TrainedModel> members;
    private final double[] weights;

    VotingModel(List<String> names, List<TrainedModel> members, double[] weights, ModelProvenance provenance) {
        super(provenance);
        this.names = List.copyOf(names);
        this.members = List.copyOf(members);
        this.weights = weights.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    public List<TrainedModel> members() {
        return members;
    }

    @Override
    public double[][] predictProbabilities(double[][] rows) {
        List<String> labels = labels();
        double[][] out = new double[rows.length][labels.size()];
        double total = Arrays.stream(weights).sum();
        for (int m = 0; m < members.size(); m++) {
            double[][] p = EnsembleSupport.aligned(members.get(m), labels, rows);
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < labels.size(); j++) {
                    out[i][j] += weights[m] / total * p[i][j];
                }
            }
        }
        return out;
    }

    @Override
    protected void writePayload(Properties meta, Map<String, byte[]> entries) throws IOException {
        EnsembleSupport.writeMembers(members, names, meta, entries);
        meta.setProperty("voting.weights", Arrays.stream(weights).mapToObj(Double::toString)
                .collect(Collectors.joining(",")));
    }

    public static VotingModel read(ModelArchive a, ModelProvenance provenance, ModelFiles loader) {
        List<String> names = EnsembleSupport.memberNames(a);
        List<TrainedModel> members = EnsembleSupport.readMembers(a, loader, provenance.labels());
        double[] weights;
        try {
            weights = Arrays.stream(a.require("voting.weights").split(",")).mapToDouble(Double::parseDouble)
                    .toArray();
        } catch (NumberFormatException e) {
            throw a.corrupt("its voting weights are not numbers", e);
        }
        if (weights.length != members.size() || Arrays.stream(weights).anyMatch(w -> !(w >= 0))
                || Arrays.stream(weights).sum() <= 0) {
            throw a.corrupt("its voting weights do not fit its " + members.size() + " members", null);
        }
        return new VotingModel(names, members, weights, provenance);
    }

    /** Reads {@value #KIND} files ({@link #read}); registered in META-INF/services/org.audiu.models.ModelReader. */
    public static final class Reader implements ModelReader {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AudiuModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader) {
            return VotingModel.read(archive, provenance, loader);
        }
    }
}
