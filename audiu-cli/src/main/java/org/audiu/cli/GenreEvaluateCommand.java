package org.audiu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.AudiuException;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.eval.EvaluationProtocol;
import org.audiu.core.eval.EvaluationResult;
import org.audiu.core.eval.Evaluator;
import org.audiu.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu genres evaluate}: honest evaluation of one trainer. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a trainer on artist-grouped (or --group), de-duplicated splits (mean over seeds): "
                + "accuracy, top-5 accuracy, macro-F1, per-class precision/recall and a confusion matrix (printed and "
                + "saved as a PNG). A track listed under several genres is one row, right when predicted as any "
                + "of them (--multi-label).")
public final class GenreEvaluateCommand implements Callable<Integer> {
    @Mixin
    GenreDataOptions data;

    @Mixin
    ModelOptions model;

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--chart", paramLabel = "PNG", defaultValue = "genres-confusion.png",
            description = "Where to write the confusion-matrix chart (default: ${DEFAULT-VALUE}).")
    Path chart;

    @Option(names = "--write-split", paramLabel = "CSV",
            description = "Also write every split evaluated (seed, fold, train/test side, track id, training label, "
                    + "all true labels, feature values) to this CSV, for a reference run elsewhere "
                    + "(scripts/genre_reference.py).")
    Path writeSplit;

    @Option(names = "--no-chart", description = "Do not write the chart.")
    boolean noChart;

    @Option(names = "--json",
            description = "Print {\"accuracy\":…, \"macroF1\":…, \"perClass\":{…}, …} as JSON.")
    boolean json;

    @Option(names = "--verbose", description = "Log progress details and show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EvaluationProtocol p = protocol.protocol(model.seed);
        GenreDataOptions.GenreData read = data.read(p);
        EvaluationData prepared = read.prepared();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String described = p.describe(prepared.grouping());
        GenreReports.features(err, read.selection());
        err.println(prepared.summary() + "; " + described);
        GenreReports.split(err, prepared);
        Plugins plugins = Plugins.fromClasspath();
        model.trainer(plugins, model.seed); // fails on a bad name or parameter before any work
        Evaluator evaluator = new Evaluator(p, run -> err.printf(Locale.ROOT,
                "  seed %d fold %d: accuracy %.4f, macro-F1 %.4f, trained in %.1f s%n", run.seed(), run.fold(),
                run.report().accuracy(), run.report().macroF1(), run.trainSeconds()));
        if (writeSplit != null) {
            SplitFile.write(writeSplit, p, prepared);
            err.println("split written to " + writeSplit + " (seed, fold, side, track id, labels, features per row)");
        }
        EvaluationResult result = evaluator.evaluate(model.model, prepared.data(), prepared.truth(),
                seed -> model.trainer(plugins, seed));
        if (!noChart) {
            try {
                ConfusionChart.write(result.pooled(), "audiU genres: " + model.model + " (" + described + ")",
                        chart);
            } catch (IOException | RuntimeException | LinkageError e) {
                throw new AudiuException("Could not write the chart " + chart + ": " + e, e);
            }
        }
        if (json) {
            Map<String, Object> m = GenreReports.json(result, described, prepared.data().size());
            GenreReports.putSplit(m, prepared);
            GenreReports.putLabels(m, prepared);
            GenreReports.putFeatures(m, read.selection());
            if (!noChart) {
                m.put("chart", chart.toString());
            }
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "%s on %s (%d tracks), %s%n", model.model, data.data.getFileName(),
                    prepared.data().size(), described);
            prepared.grouping().note().ifPresent(out::println);
            GenreReports.labels(out, prepared);
            out.println(read.selection().describe(GenreReports.FEATURES_SHOWN));
            out.println();
            GenreReports.text(out, result);
            if (!noChart) {
                out.println();
                out.println("confusion-matrix chart: " + chart);
            }
        }
        out.flush();
        return 0;
    }
}
