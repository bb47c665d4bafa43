package org.audiu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.history.CatalogueMatcher;
import org.audiu.core.history.HistoryReader;
import org.audiu.core.history.LoadedHistory;
import org.audiu.core.history.MatchReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audiu catalogue}: track files read as one catalogue. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = "Track CSVs read as one catalogue: load them and say what they hold, how long it took and how "
                + "much heap it used.",
        subcommands = {CatalogueCommand.Load.class})
public final class CatalogueCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code audiu catalogue load FILE[,FILE...]}: the load's figures (the measurement of issue 23's "at most 3 s and
     * 300 MB of heap": run it with {@code AUDIU_JAVA_OPTS=-Xmx300m}), and with {@code --match} a history's match
     * report against it.
     */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Load one track CSV or several as one catalogue (each song once) and print tracks, "
                    + "seconds, heap peak and the heap the catalogue keeps after a collection.",
                    "Measure against a heap cap with AUDIU_JAVA_OPTS=-Xmx300m ./audiu catalogue load A.csv,B.csv"})
    public static final class Load implements Callable<Integer> {
        @Parameters(paramLabel = "CSV", arity = "1..*", split = ",",
                description = "Track CSVs, comma-separated or one after another.")
        List<Path> files;

        @Option(names = "--match", paramLabel = "EXPORT",
                description = "Also match a listening-history export (zip, folder or file) to the catalogue.")
        Path match;

        @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            long start = System.nanoTime();
            TrackDataset catalogue = new CsvDatasetReader(CsvReadOptions.defaults()).read(files);
            double seconds = (System.nanoTime() - start) / 1e9;
            double peak = HistoryCommand.peakHeapMb();
            double retained = retainedHeapMb();
            MatchReport report = null;
            if (match != null) {
                CatalogueMatcher matcher = new CatalogueMatcher(catalogue.tracks().values().stream()
                        .map(DatasetTrack::track));
                report = LoadedHistory.of(new HistoryReader().read(match), matcher).match();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("files", files.stream().map(Path::toString).toList());
                m.put("tracks", catalogue.tracks().size());
                m.put("rows", catalogue.rowsRead());
                m.put("repeatsMerged", catalogue.duplicateRows());
                m.put("features", catalogue.schema().names());
                m.put("seconds", seconds);
                m.put("peakHeapMb", peak);
                m.put("retainedHeapMb", retained);
                m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1e6);
                if (report != null) {
                    m.put("matchedSongs", report.matched());
                    m.put("songs", report.songs());
                    m.put("songShare", report.songShare());
                    m.put("matchedPlays", report.matchedPlays());
                    m.put("plays", report.plays());
                    m.put("playShare", report.playShare());
                    m.put("match", report.summary());
                }
                out.println(Json.write(m));
            } else {
                out.println(catalogue.summary());
                out.printf(Locale.ROOT, "loaded in %.2f s, heap peak %.0f MB, %.0f MB kept after a collection, of "
                        + "%.0f MB%n", seconds, peak, retained, Runtime.getRuntime().maxMemory() / 1e6);
                if (report != null) {
                    out.println(report.summary());
                }
            }
            out.flush();
            return 0;
        }

        /** Heap in use after a full collection, in MB: what the loaded catalogue keeps. */
        private static double retainedHeapMb() {
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return (rt.totalMemory() - rt.freeMemory()) / 1e6;
        }
    }
}
