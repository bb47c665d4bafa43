package org.audiu.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiu.core.AudiuException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.metrics.ClassificationReport;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.ModelFiles;
import org.audiu.models.genre.GenreModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code audiu genres predict}: loads a saved model and predicts the genre of every row of a CSV. The file is
 * streamed in batches of {@value #BATCH} rows and each prediction written as it is made, so a file of millions of
 * rows predicts in the memory of one batch (a 1 M-row file within a 256 MB heap: {@code audiu bench}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict genres with a saved model. The CSV needs the model's feature columns; when it also "
                + "has a label column, accuracy and macro-F1 are reported. The file is streamed: every row is "
                + "predicted (a repeated track id again), and the output is written as it goes.")
public final class GenrePredictCommand implements Callable<Integer> {
    /** Rows predicted at once. */
    static final int BATCH = 4096;

    @Option(names = "--model", paramLabel = "MODEL", required = true, description = "A model saved by 'genres train'.")
    Path modelFile;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "CSV of tracks.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column to score against (optional).")
    String label;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The file's encoding (default ${DEFAULT-VALUE}), e.g. ISO-8859-1 for a Latin-1 file.")
    java.nio.charset.Charset charset;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N predictions (default: all; every "
            + "row is still predicted and scored).")
    Integer limit;

    @Option(names = "--json", description = "Print JSON: {\"model\":…, \"predictions\":[…], \"tracks\":…, "
            + "\"accuracy\":…} .")
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
        FeatureSchema schema = new FeatureSchema(model.schema().names());
        ModelFiles.requireSchema(model, schema, modelFile.toString());
        GenreModel genres = GenreModel.of(model, model.provenance().trainer());
        PrintWriter out = spec.commandLine().getOut();
        long shown = limit == null ? Long.MAX_VALUE : Math.max(0, limit);
        Output output = json ? new JsonOutput(out, model.provenance().trainer(), shown) : new TextOutput(out, shown);
        ClassificationReport.Counter counter = ClassificationReport.counter(model.labels());
        List<DatasetTrack> batch = new ArrayList<>(BATCH);
        long[] predicted = {0};
        Runnable flush = () -> {
            double[][] rows = new double[batch.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = EvaluationData.row(batch.get(i), schema);
            }
            List<GenreModel.Prediction> p = genres.predict(rows);
            for (int i = 0; i < rows.length; i++) {
                DatasetTrack t = batch.get(i);
                GenreModel.Prediction one = p.get(i);
                output.prediction(t, one);
                t.label().ifPresent(l -> counter.add(l, one.predicted()));
            }
            predicted[0] += rows.length;
            batch.clear();
        };
        CsvDatasetReader.Streamed streamed = options.streamWith(model.schema().names(), t -> {
            batch.add(t);
            if (batch.size() == BATCH) {
                flush.run();
            }
        });
        if (!batch.isEmpty()) {
            flush.run();
        }
        ClassificationReport report = counter.total() == 0 ? null : counter.report();
        output.end(predicted[0], streamed, report, model.provenance().trainer());
        out.flush();
        return 0;
    }

    /** Where predictions go, one at a time. */
    private interface Output {
        void prediction(DatasetTrack t, GenreModel.Prediction p);

        void end(long tracks, CsvDatasetReader.Streamed streamed, ClassificationReport report, String trainer);
    }

    private final class TextOutput implements Output {
        private final PrintWriter out;
        private final long shown;
        private long written;

        TextOutput(PrintWriter out, long shown) {
            this.out = out;
            this.shown = shown;
            out.printf(Locale.ROOT, "%-24s %-32s %-24s %-14s %s%n", "track", "name", "artists", "genre", "prob.");
        }

        @Override
        public void prediction(DatasetTrack t, GenreModel.Prediction p) {
            if (written++ < shown) {
                out.printf(Locale.ROOT, "%-24s %-32s %-24s %-14s %.3f%n", cut(t.track().id(), 24),
                        cut(t.track().name(), 32), cut(t.track().artistsText(), 24), p.predicted(),
                        GenreReports.round(p.probability()));
            }
        }

        @Override
        public void end(long tracks, CsvDatasetReader.Streamed streamed, ClassificationReport report,
                        String trainer) {
            out.printf(Locale.ROOT, "%n%d tracks predicted by %s (%s)%s%n", tracks, trainer, modelFile,
                    streamed.problems().isEmpty() ? "" : "; " + streamed.problems().size() + " bad rows skipped, "
                    + "first: " + streamed.problems().get(0));
            if (report != null) {
                out.printf(Locale.ROOT, "against the file's labels: accuracy %.4f, macro-F1 %.4f over %d labelled "
                        + "rows (tracks the model was trained on score too high)%n", report.accuracy(),
                        report.macroF1(), report.total());
            }
        }
    }

    /** Streams {"model", "predictions": [...], "tracks", "accuracy", "macroF1"} as the rows come. */
    private static final class JsonOutput implements Output {
        private final JsonGenerator json;
        private final long shown;
        private long written;

        JsonOutput(PrintWriter out, String trainer, long shown) {
            this.shown = shown;
            try {
                json = new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeStringField("model", trainer);
                json.writeArrayFieldStart("predictions");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void prediction(DatasetTrack t, GenreModel.Prediction p) {
            if (written++ >= shown) {
                return;
            }
            try {
                json.writeStartObject();
                json.writeStringField("trackId", t.track().id());
                json.writeStringField("name", t.track().name());
                json.writeArrayFieldStart("artists");
                for (String a : t.track().artists()) {
                    json.writeString(a);
                }
                json.writeEndArray();
                json.writeStringField("genre", p.predicted());
                json.writeNumberField("probability", GenreReports.round(p.probability()));
                if (t.label().isPresent()) {
                    json.writeStringField("label", t.label().get());
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new AudiuException("Could not write the predictions: " + e.getMessage(), e);
            }
        }

        @Override
        public void end(long tracks, CsvDatasetReader.Streamed streamed, ClassificationReport report,
                        String trainer) {
            try {
                json.writeEndArray();
                json.writeNumberField("tracks", tracks);
                json.writeNumberField("badRows", streamed.problems().size());
                if (report != null) {
                    json.writeNumberField("accuracy", GenreReports.round(report.accuracy()));
                    json.writeNumberField("macroF1", GenreReports.round(report.macroF1()));
                    json.writeNumberField("labelledRows", report.total());
                }
                json.writeEndObject();
                json.flush();
            } catch (IOException e) {
                throw new AudiuException("Could not write the predictions: " + e.getMessage(), e);
            }
        }
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
