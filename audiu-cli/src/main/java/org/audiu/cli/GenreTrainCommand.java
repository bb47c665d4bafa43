package org.audiu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.AudiuException;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.genre.GenreModel;
import org.audiu.models.genre.GenreTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu genres train}: trains on every (de-duplicated) labelled track and saves the model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a genre model on all labelled tracks of a CSV and save it.")
public final class GenreTrainCommand implements Callable<Integer> {
    @Mixin
    GenreDataOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to save the model.")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary.")
    boolean json;

    @Option(names = "--verbose", description = "Log progress details and show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        InputFiles.prepareOutput(out, "--out");
        GenreDataOptions.GenreData read = data.readForTraining(model.seed);
        EvaluationData prepared = read.prepared();
        PrintWriter err = spec.commandLine().getErr();
        GenreReports.features(err, read.selection());
        if (!json) {
            err.println(prepared.summary());
        }
        GenreModel genres = GenreModel.train(prepared.data(), model.trainer(Plugins.fromClasspath(), model.seed),
                GenreTraining.onAllRows(model.model, model.parameters, model.seed));
        TrainedModel trained = genres.model();
        double seconds = genres.trainSeconds();
        try {
            genres.save(out);
        } catch (IOException e) {
            throw new AudiuException("Could not save the model to " + out + ": " + e.getMessage(), e);
        }
        long bytes;
        try {
            bytes = Files.size(out);
        } catch (IOException e) {
            bytes = -1;
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model.model);
            m.put("out", out.toString());
            m.put("rows", prepared.data().size());
            m.put("labels", trained.labels());
            GenreReports.putFeatures(m, read.selection());
            m.put("features", trained.schema().names());
            m.put("trainSeconds", GenreReports.round(seconds));
            m.put("bytes", bytes);
            m.put("parameters", trained.provenance().parameters());
            o.println(Json.write(m));
        } else {
            o.printf(Locale.ROOT, "trained %s on %d tracks (%d classes, features %s) in %.1f s%n", model.model,
                    prepared.data().size(), trained.labels().size(), trained.schema(), seconds);
            o.printf(Locale.ROOT, "saved %s (%,d bytes); preprocessing: %s%n", out, bytes,
                    trained.provenance().preprocessing());
        }
        o.flush();
        return 0;
    }
}
