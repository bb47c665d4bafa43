package org.audiu.models.ensemble;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.AudiuModel;
import org.audiu.models.ModelFiles;

/** Saving and loading member models, and aligning their probability columns. */
final class EnsembleSupport {
    private EnsembleSupport() {
    }

    /** Adds members as nested archives {@code member-<i>.model}. */
    static void writeMembers(List<TrainedModel> members, List<String> names, Properties meta,
                             Map<String, byte[]> entries) throws IOException {
        meta.setProperty("members.count", Integer.toString(members.size()));
        for (int i = 0; i < members.size(); i++) {
            if (!(members.get(i) instanceof AudiuModel m)) {
                throw new IOException("The member '" + names.get(i) + "' produced a " + members.get(i).getClass()
                        .getName() + ", which is not an audiU model and cannot be saved inside an ensemble.");
            }
            meta.setProperty("members." + i + ".name", names.get(i));
            entries.put("member-" + i + ".model", m.toBytes());
        }
    }

    static List<String> memberNames(ModelArchive a) {
        int n = a.requireInt("members.count", 1, 1000);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(a.require("members." + i + ".name"));
        }
        return names;
    }

    static List<TrainedModel> readMembers(ModelArchive a, ModelFiles loader, List<String> labels) {
        int n = a.requireInt("members.count", 1, 1000);
        List<TrainedModel> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AudiuModel m;
            try {
                m = loader.member(a.entry("member-" + i + ".model"), a.where() + " (member " + i + ")");
            } catch (ModelFileException e) {
                throw e;
            }
            if (!new java.util.HashSet<>(m.labels()).equals(new java.util.HashSet<>(labels))) {
                throw a.corrupt("member " + i + " predicts " + m.labels() + ", not " + labels, null);
            }
            out.add(m);
        }
        return out;
    }

    /** For each of {@code labels}, its column in {@code model}'s probabilities. */
    static int[] columns(TrainedModel model, List<String> labels) {
        int[] cols = new int[labels.size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = model.labels().indexOf(labels.get(j));
        }
        return cols;
    }

    /** A model's probabilities laid out in {@code labels} order (0 for labels it does not know). */
    static double[][] aligned(TrainedModel model, List<String> labels, double[][] rows) {
        int[] cols = columns(model, labels);
        double[][] p = model.predictProbabilities(rows);
        double[][] out = new double[p.length][labels.size()];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = cols[j] < 0 ? 0 : p[i][cols[j]];
            }
        }
        return out;
    }
}
