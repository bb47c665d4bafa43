package org.audiu.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.eval.EvaluationProtocol;
import org.audiu.core.eval.EvaluationResult;
import org.audiu.core.eval.Evaluator;
import org.audiu.core.eval.HeldOutMeasure;
import org.audiu.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu genres compare}: every named trainer on the same splits, one leaderboard. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train and test several trainers on exactly the same splits and print a leaderboard "
                + "(accuracy, macro-F1, training time, predictions/s), best first by the --by measure.")
public final class GenreCompareCommand implements Callable<Integer> {
    @Mixin
    GenreDataOptions data;

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--models", paramLabel = "A,B,...", split = ",", required = true,
            description = "Trainer names, e.g. logistic,random-forest,xgboost.")
    List<String> models;

    @Option(names = "--set", paramLabel = "NAME.KEY=VALUE",
            description = "A parameter of one trainer, e.g. --set random-forest.trees=500 (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "First seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--by", paramLabel = "MEASURE", defaultValue = "accuracy",
            description = "Held-out measure that ranks the models and picks the best: accuracy or macro-f1 "
                    + "(default ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--json", description = "Print the leaderboard as JSON.")
    boolean json;

    @Option(names = "--verbose", description = "Log progress details and show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Map<String, String>> byModel = parametersByModel();
        HeldOutMeasure measure = HeldOutMeasure.parse(by);
        EvaluationProtocol p = protocol.protocol(seed);
        GenreDataOptions.GenreData read = data.read(p);
        EvaluationData prepared = read.prepared();
        PrintWriter err = spec.commandLine().getErr();
        String described = p.describe(prepared.grouping());
        GenreReports.features(err, read.selection());
        err.println(prepared.summary() + "; " + described);
        GenreReports.split(err, prepared);
        Plugins plugins = Plugins.fromClasspath();
        for (String name : models) {
            ModelOptions.createNamed(plugins, name, byModel.get(name), seed); // fail fast on names and keys
        }
        List<EvaluationResult> results = new ArrayList<>();
        for (String name : models) {
            Evaluator evaluator = new Evaluator(p, run -> err.printf(Locale.ROOT,
                    "  %s seed %d fold %d: accuracy %.4f, macro-F1 %.4f, trained in %.1f s%n", name, run.seed(),
                    run.fold(), run.report().accuracy(), run.report().macroF1(), run.trainSeconds()));
            results.add(evaluator.evaluate(name, prepared.data(), prepared.truth(),
                    s -> ModelOptions.createNamed(plugins, name, byModel.get(name), s)));
        }
        results.sort(measure.bestFirst());
        EvaluationResult best = results.get(0);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("data", data.data.toString());
            m.put("rows", prepared.data().size());
            m.put("protocol", described);
            GenreReports.putSplit(m, prepared);
            GenreReports.putLabels(m, prepared);
            GenreReports.putFeatures(m, read.selection());
            m.put("rankedBy", measure.cliName());
            m.put("best", best.trainer());
            m.put("bestScore", GenreReports.round(measure.of(best)));
            List<Map<String, Object>> board = new ArrayList<>();
            for (EvaluationResult r : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", r.trainer());
                row.put("accuracy", GenreReports.round(r.meanAccuracy()));
                row.put("accuracySd", GenreReports.round(r.sdAccuracy()));
                row.put("macroF1", GenreReports.round(r.meanMacroF1()));
                row.put("macroF1Sd", GenreReports.round(r.sdMacroF1()));
                row.put("top5Accuracy", GenreReports.round(r.meanTop5Accuracy()));
                row.put("trainSeconds", GenreReports.round(r.meanTrainSeconds()));
                row.put("predictionsPerSecond", Math.round(r.predictionsPerSecond()));
                row.put("zeroRecallClasses", r.zeroRecallClasses());
                board.add(row);
            }
            m.put("leaderboard", board);
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "%s, %d tracks, %s%n", data.data.getFileName(), prepared.data().size(),
                    described);
            prepared.grouping().note().ifPresent(out::println);
            GenreReports.labels(out, prepared);
            out.println(read.selection().describe(GenreReports.FEATURES_SHOWN));
            out.println();
            out.printf(Locale.ROOT, "%-3s %-16s %-17s %-17s %9s %13s%n", "#", "model", "accuracy", "macro-F1",
                    "train s", "predictions/s");
            for (int i = 0; i < results.size(); i++) {
                EvaluationResult r = results.get(i);
                out.printf(Locale.ROOT, "%-3d %-16s %.4f ± %.4f   %.4f ± %.4f   %9.1f %,13.0f%n", i + 1, r.trainer(),
                        r.meanAccuracy(), r.sdAccuracy(), r.meanMacroF1(), r.sdMacroF1(), r.meanTrainSeconds(),
                        r.predictionsPerSecond());
            }
            out.printf(Locale.ROOT, "%nbest by held-out %s: %s (%.4f)%n", measure.cliName(), best.trainer(),
                    measure.of(best));
            for (EvaluationResult r : results) {
                if (!r.zeroRecallClasses().isEmpty()) {
                    out.println(r.trainer() + ": recall 0 for " + String.join(", ", r.zeroRecallClasses()));
                }
            }
        }
        out.flush();
        return 0;
    }

    /** {@code --set random-forest.trees=500} → parameters of random-forest. */
    Map<String, Map<String, String>> parametersByModel() {
        return ModelOptions.parametersByTrainer(models, parameters, "compare");
    }
}
