package org.audiu.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 part 2 on the shared files (skipped when absent): the 114-genre export keeps each track's several genres,
 * one row per track; music_genre.csv has no track with several labels, and spotify_songs.csv (playlist entries)
 * keeps its first label by default.
 */
class SharedMultiLabelTest {
    static Path sharedFile(String name) {
        return org.audiu.core.testkit.SharedData.file(name);
    }

    @Test
    void theTracksExportHasTracksWithSeveralGenres() {
        TrackDataset d = new CsvDatasetReader(CsvReadOptions.defaults()).read(sharedFile("spotify_tracks_114k.csv"));
        assertEquals(89_741, d.tracks().size());
        assertEquals(16_299, d.tracks().values().stream().filter(t -> !t.otherLabels().isEmpty()).count());
        assertEquals(EvaluationData.LabelRule.ALL, EvaluationData.defaultRule(d));
        EvaluationData e = EvaluationData.fromDataset(d, d.schema(), null, EvaluationData.LabelRule.ALL);
        assertEquals(80_977, e.data().size());
        assertEquals(13_359, e.truth().tracksWithSeveral());
    }

    @Test
    void theOtherSharedFilesScoreAgainstOneLabel() {
        TrackDataset genres = new CsvDatasetReader(CsvReadOptions.defaults()).read(sharedFile("music_genre.csv"));
        EvaluationData g = EvaluationData.fromDataset(genres, genres.schema(), null,
                EvaluationData.defaultRule(genres));
        assertEquals(0, g.tracksWithSeveral());
        TrackDataset songs = new CsvDatasetReader(CsvReadOptions.defaults()).read(sharedFile("spotify_songs.csv"));
        assertEquals(EvaluationData.LabelRule.FIRST, EvaluationData.defaultRule(songs));
        EvaluationData s = EvaluationData.fromDataset(songs, songs.schema(), null, EvaluationData.defaultRule(songs));
        assertEquals(0, s.truth().tracksWithSeveral());
        assertEquals(1_545, s.tracksWithSeveral());
    }
}
