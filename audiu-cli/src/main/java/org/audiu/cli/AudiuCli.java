package org.audiu.cli;

import java.io.PrintWriter;
import org.audiu.core.AudiuException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code audiu} command-line program. */
@Command(name = "audiu", mixinStandardHelpOptions = true, versionProvider = AudiuCli.Version.class,
        description = "Learns what a listener likes and recommends music they have not heard yet.",
        subcommands = {RecommendCommand.class, TrainCommand.class, GenresCommand.class, EvaluateCommand.class,
                HistoryCommand.class, CatalogueCommand.class, RankerCommand.class,
            BenchCommand.class, org.audiu.cli.serve.ServeCommand.class, PluginsCommand.class,
            CommandLine.HelpCommand.class})
public final class AudiuCli implements Runnable {
    /** Exit code for bad input: configuration, data, plugin names. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an unexpected failure. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        configureLogging(args);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AudiuCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            if (e instanceof AudiuException) {
                err.println("error: " + e.getMessage());
                if (verbose) {
                    e.printStackTrace(err);
                }
                return EXIT_BAD_INPUT;
            }
            err.println("unexpected error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    /** SLF4J simple logger: warnings only, unless --verbose; set before the first logger is created. */
    static void configureLogging(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AudiuCli.class.getPackage().getImplementationVersion();
            return new String[] {"audiu " + (v == null ? "development build" : v)};
        }
    }
}
