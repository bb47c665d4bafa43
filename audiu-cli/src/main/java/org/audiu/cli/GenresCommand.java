package org.audiu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code audiu genres}: the genre classifier (train, evaluate, predict, compare). */
@Command(name = "genres", mixinStandardHelpOptions = true,
        description = "Genre classification on any CSV of tracks with numeric features: train and save a model, "
                + "evaluate trainers honestly (artist-grouped, de-duplicated splits), predict, compare.",
        subcommands = {GenreTrainCommand.class, GenreEvaluateCommand.class, GenrePredictCommand.class,
                GenreCompareCommand.class})
public final class GenresCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
