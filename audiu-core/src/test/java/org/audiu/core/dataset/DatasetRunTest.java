package org.audiu.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.EngineSettings;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.plugin.Components;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run over one CSV file: library, features and candidates read it once, and a broken quote loses one line. */
class DatasetRunTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
    private static final int ROWS = 600;

    @TempDir
    Path tmp;

    /** Tracks in two playlists (p0: the first 40 rows, p1: the rest), a broken quote on the row {@code brokenRow}. */
    private Path songs(int brokenRow) throws Exception {
        StringBuilder sb = new StringBuilder("track_id,track_name,track_artist,playlist_id,playlist_name,"
                + "danceability,energy,valence,tempo\n");
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < ROWS; i++) {
            String name = (i == brokenRow ? "\"" : "") + "Song " + i;
            String playlist = i < 40 ? "p0" : "p1";
            sb.append("t").append(i).append(',').append(name).append(",Artist ").append(i % 37).append(',')
                    .append(playlist).append(",List ").append(playlist).append(',').append(r.nextDouble()).append(',')
                    .append(r.nextDouble()).append(',').append(r.nextDouble()).append(',').append(80 + r.nextInt(80))
                    .append('\n');
        }
        Path p = tmp.resolve("songs.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static AudiuConfig config(Path csv) {
        Map<String, String> values = new HashMap<>();
        values.put("model", "test-centroid");
        values.put("library.source", "csv-playlist");
        values.put("library.path", csv.toString());
        values.put("library.playlist", "p0");
        values.put("features", "dataset");
        values.put("features.dataset.path", csv.toString());
        values.put("candidates.source", "dataset");
        values.put("candidates.path", csv.toString());
        values.put("features.columns", "danceability,energy,valence,tempo");
        values.put("listener-features", "none");
        return new AudiuConfig(values, csv.getParent(), "test");
    }

    @Test
    void aBrokenQuoteEarlyInTheFileLosesOneRowAndTheRunSucceeds() throws Exception {
        Path csv = songs(5);
        RecommendationResult result = RecommendationEngine.fromConfig(config(csv), PLUGINS, ProgressReporter.NONE)
                .recommend();
        assertEquals(20, result.recommendations().size());
        assertEquals(39, result.report().libraryTracks(), "the playlist without its broken row");
        assertEquals(ROWS - 40, result.report().poolSize(), "every row after the broken quote is in the pool");
    }

    @Test
    void theComponentsOfOneRunReadTheFileOnce() throws Exception {
        Path csv = songs(-1);
        Components components = new Components(config(csv), PLUGINS, EngineSettings.KEYS);
        LibrarySource library = components.create(LibrarySourceFactory.KIND);
        FeatureProvider features = components.create(FeatureProviderFactory.KIND, "dataset");
        CandidateSource candidates = components.create(CandidateSourceFactory.KIND);
        ListenerLibrary loaded = library.load();
        Files.delete(csv); // read once: the other components have it already
        try (Stream<Candidate> pool = candidates.candidates()) {
            assertEquals(ROWS, pool.count());
        }
        List<Track> tracks = List.copyOf(loaded.tracksById().values());
        assertEquals(40, features.lookup(tracks).size());
        assertSame(((DatasetFactories.DatasetCandidateSource) candidates).dataset(),
                ((DatasetFactories.DatasetFeatureProvider) features).dataset());
    }

    @Test
    void anotherRunReadsTheFileAgain() throws Exception {
        Path csv = songs(-1);
        CandidateSource first = new Components(config(csv), PLUGINS, EngineSettings.KEYS)
                .create(CandidateSourceFactory.KIND);
        try (Stream<Candidate> pool = first.candidates()) {
            assertEquals(ROWS, pool.count());
        }
        Files.writeString(csv, Files.readString(csv) + "t-new,New,Artist 1,p1,List p1,0.1,0.2,0.3,120\n");
        CandidateSource second = new Components(config(csv), PLUGINS, EngineSettings.KEYS)
                .create(CandidateSourceFactory.KIND);
        try (Stream<Candidate> pool = second.candidates()) {
            assertEquals(ROWS + 1, pool.count(), "a new run sees the file as it is now");
        }
    }

    @Test
    void theBadLineReportTellsTheTotalAndTheFirstLines() throws Exception {
        StringBuilder sb = new StringBuilder("track_id,energy\n");
        for (int i = 0; i < 30; i++) {
            sb.append("t").append(i).append(',').append(i % 3 == 0 ? "oops" : "0.5").append('\n');
        }
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, sb.toString());
        TrackDataset d = new CsvDatasetReader(CsvReadOptions.defaults()).read(csv);
        String report = d.problemReport(5);
        assertTrue(report.startsWith("bad.csv: 10 rows lost to bad lines, 20 distinct tracks kept; the first 5:"),
                report);
        assertTrue(report.contains("line 2: column 'energy' has 'oops'") && report.contains("line 14:")
                && !report.contains("line 17:") && report.contains("... and 5 more"), report);
    }
}
