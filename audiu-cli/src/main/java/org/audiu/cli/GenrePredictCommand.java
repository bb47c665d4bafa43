package org.audiu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.metrics.ClassificationReport;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.ModelFiles;
import org.audiu.models.genre.GenreModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu genres predict}: loads a saved model and predicts the genre of every track of a CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict genres with a saved model. The CSV needs the model's feature columns; when it also "
                + "has a label column, accuracy and macro-F1 are reported.")
public final class GenrePredictCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "MODEL", required = true, description = "A model saved by 'genres train'.")
    Path modelFile;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "CSV of tracks.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column to score against (optional).")
    String label;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The file's encoding (default ${DEFAULT-VALUE}), e.g. ISO-8859-1 for a Latin-1 file.")
    java.nio.charset.Charset charset;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N predictions (default: all).")
    Integer limit;

    @Option(names = "--json", description = "Print JSON: {\"predictions\":[…], \"accuracy\":…} .")
    boolean json;

    @Option(names = "--verbose", description = "Log progress details and show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrainedModel model = ModelFiles.load(modelFile);
        GenreDataOptions options = new GenreDataOptions();
        options.data = data;
        options.label = label;
        options.charset = charset;
        GenreDataOptions.GenreData read = options.readWith(model.schema().names());
        ModelFiles.requireSchema(model, read.schema(), modelFile.toString());
        TrackDataset dataset = read.dataset();
        List<DatasetTrack> tracks = new ArrayList<>(dataset.tracks().values());
        double[][] rows = tracks.stream().map(t -> EvaluationData.row(t, read.schema())).toArray(double[][]::new);
        GenreModel genres = GenreModel.of(model, model.provenance().trainer());
        List<GenreModel.Prediction> p = genres.predict(rows);
        List<Map<String, Object>> predictions = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        List<GenreModel.Prediction> labelled = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            DatasetTrack t = tracks.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trackId", t.track().id());
            m.put("name", t.track().name());
            m.put("artists", t.track().artists());
            m.put("genre", p.get(i).predicted());
            m.put("probability", GenreReports.round(p.get(i).probability()));
            t.label().ifPresent(l -> m.put("label", l));
            predictions.add(m);
            if (t.label().isPresent()) {
                truth.add(t.label().get());
                labelled.add(p.get(i));
            }
        }
        ClassificationReport report = truth.isEmpty() ? null : genres.report(truth, labelled);
        int shown = limit == null ? predictions.size() : Math.max(0, Math.min(limit, predictions.size()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model.provenance().trainer());
            m.put("tracks", predictions.size());
            if (report != null) {
                m.put("accuracy", GenreReports.round(report.accuracy()));
                m.put("macroF1", GenreReports.round(report.macroF1()));
            }
            m.put("predictions", predictions.subList(0, shown));
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "%-24s %-32s %-24s %-14s %s%n", "track", "name", "artists", "genre", "prob.");
            for (Map<String, Object> m : predictions.subList(0, shown)) {
                DatasetTrack t = dataset.tracks().get((String) m.get("trackId"));
                out.printf(Locale.ROOT, "%-24s %-32s %-24s %-14s %.3f%n", cut(t.track().id(), 24),
                        cut(t.track().name(), 32), cut(t.track().artistsText(), 24), m.get("genre"),
                        (double) m.get("probability"));
            }
            out.printf(Locale.ROOT, "%n%d tracks predicted by %s (%s)%n", predictions.size(),
                    model.provenance().trainer(), modelFile);
            if (report != null) {
                out.printf(Locale.ROOT, "against the file's labels: accuracy %.4f, macro-F1 %.4f (tracks the model "
                        + "was trained on score too high)%n", report.accuracy(), report.macroF1());
            }
        }
        out.flush();
        return 0;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
