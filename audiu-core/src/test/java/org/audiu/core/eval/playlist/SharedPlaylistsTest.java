package org.audiu.core.eval.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

/**
 * The protocol on the real spotify_songs.csv (a few playlists, to stay fast; the full benchmark is
 * {@code audiu evaluate playlists}). Skipped with a message when the file is absent (a fresh user clone).
 */
class SharedPlaylistsTest {
    static Path sharedFile(String name) {
        return org.audiu.core.testkit.SharedData.file(name);
    }

    @Test
    void listenersSplitsAndBaselinesOnTheRealPlaylists() {
        EvaluationCatalogue catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults())
                .read(sharedFile("spotify_songs.csv")));
        PlaylistContinuation all = new PlaylistContinuation(catalogue, PlaylistContinuation.Options.standard(42));
        assertEquals(438, all.listeners().size(), "playlists with at least 20 unique tracks");
        for (DatasetPlaylist p : all.listeners()) {
            PlaylistSplit split = PlaylistSplitter.standard().split(p, 42);
            Set<String> visible = new HashSet<>(split.visible());
            assertTrue(split.hidden().stream().noneMatch(visible::contains));
        }
        PlaylistContinuation few = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(10, 1, 42,
                2, PlaylistSplitter.standard(), 6));
        Plugins plugins = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
        EngineMethod audiu = new EngineMethod("audiu", new AudiuConfig(Map.of("model", "test-centroid"),
                Path.of("."), "test"), plugins, catalogue);
        ContinuationReport report = few.run(List.of(audiu, Baselines.random(catalogue),
                Baselines.sameArtist(catalogue)), ProgressReporter.NONE);
        assertEquals(6, report.listeners());
        double engine = report.method("audiu").orElseThrow().mean().ndcg();
        double random = report.method("random").orElseThrow().mean().ndcg();
        assertTrue(engine > random, "the engine finds hidden tracks: NDCG@10 " + engine + " vs random " + random);
    }
}
