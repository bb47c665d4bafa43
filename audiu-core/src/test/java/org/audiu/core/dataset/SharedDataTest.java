package org.audiu.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.audiu.core.spi.training.LabelledData;
import org.junit.jupiter.api.Test;

/** Loads the real datasets in ../shared/data; skipped with a message when they are absent (a fresh user clone). */
class SharedDataTest {
    static Path sharedFile(String name) {
        return org.audiu.core.testkit.SharedData.file(name);
    }

    @Test
    void readsMusicGenreWithAllItsQuirks() {
        TrackDataset d = new CsvDatasetReader(CsvReadOptions.defaults()).read(sharedFile("music_genre.csv"));
        assertEquals(50_000, d.tracks().size());
        assertEquals(50_000, d.rowsRead());
        assertEquals(5, d.emptyRows());
        assertTrue(d.problems().isEmpty(), () -> "unexpected bad lines: " + d.problems().subList(0,
                Math.min(5, d.problems().size())));
        int tempo = d.schema().indexOf("tempo");
        long missingTempo = d.tracks().values().stream().filter(t -> t.features().isMissing(tempo)).count();
        assertEquals(4_980, missingTempo);
        int duration = d.schema().indexOf("duration_ms");
        long missingDuration = d.tracks().values().stream().filter(t -> t.features().isMissing(duration)).count();
        assertEquals(4_939, missingDuration);
        assertTrue(!d.schema().contains("obtained_date"));
        LabelledData labelled = d.labelledData();
        assertEquals(10, labelled.labels().size());
        assertEquals(50_000, labelled.size());
    }

    @Test
    void readsSpotifySongsWithPlaylists() {
        TrackDataset d = new CsvDatasetReader(CsvReadOptions.defaults()).read(sharedFile("spotify_songs.csv"));
        assertEquals(28_356, d.tracks().size());
        assertEquals(32_833, d.rowsRead());
        assertEquals(32_833 - 28_356, d.duplicateRows());
        assertEquals(471, d.playlists().size());
        assertTrue(d.problems().isEmpty(), () -> "unexpected bad lines: " + d.problems());
        assertEquals(6, d.labelledData().labels().size());
        assertTrue(d.tracks().values().stream().allMatch(t -> t.track().releaseYear().isPresent()
                || t.track().album().isEmpty()));
    }
}
