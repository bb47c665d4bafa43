package org.audiu.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.audiu.core.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {
    @TempDir
    Path tmp;

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static TrackDataset read(Path p) {
        return new CsvDatasetReader(CsvReadOptions.defaults()).read(p);
    }

    @Test
    void handlesTheQuirksOfRealFiles() throws Exception {
        Path p = write("quirky.csv", "\uFEFFinstance_id,artist_name,track_name,popularity,danceability,energy,key,"
                + "mode,tempo,duration_ms,obtained_date,music_genre\n"
                + "1.0,Ann,\"Song, with comma\",40.0,0.5,0.6,A#,Minor,120.5,200000.0,4-Apr,Jazz\n"
                + ",,,,,,,,,,,\n"
                + "2.0,empty_field,Two,30,0.4,0.3,C,Major,?,-1,4-Apr,Rock\n"
                + "1.0,Ann,\"Song, with comma\",40.0,0.5,0.6,A#,Minor,120.5,200000.0,4-Apr,Blues\n"
                + "3.0,Bob,Three,20,abc,0.3,C,Major,100,1000,4-Apr,Rock\n"
                + "4.0,Bob,Four,20,0.7,0.2,Db,major,100,1000,4-Apr,Rock\n");
        TrackDataset d = read(p);
        assertEquals(List.of("danceability", "energy", "key", "mode", "tempo", "duration_ms"), d.schema().names());
        assertEquals(Optional.of("music_genre"), d.labelColumn());
        assertEquals(List.of("1", "2", "4"), List.copyOf(d.tracks().keySet()));
        DatasetTrack first = d.tracks().get("1");
        assertEquals("Song, with comma", first.track().name());
        assertEquals(List.of("Ann"), first.track().artists());
        assertEquals(10, first.features().get("key"));
        assertEquals(0, first.features().get("mode"));
        assertEquals(Optional.of("Jazz"), first.label());
        assertEquals(40.0, first.track().popularity().orElseThrow());
        DatasetTrack second = d.tracks().get("2");
        assertTrue(Double.isNaN(second.features().get("tempo")), "? is missing");
        assertTrue(Double.isNaN(second.features().get("duration_ms")), "-1 duration is missing");
        assertEquals(1, second.features().get("mode"));
        assertEquals(List.of(), second.track().artists(), "empty_field is no artist");
        assertEquals(1, d.tracks().get("4").features().get("key"), "Db is 1");
        assertEquals(1, d.emptyRows());
        assertEquals(1, d.duplicateRows());
        assertEquals(1, d.conflictingLabels());
        assertEquals(1, d.problems().size());
        DatasetProblem problem = d.problems().get(0);
        assertEquals(6, problem.line());
        assertTrue(problem.reason().contains("'danceability' has 'abc'"), problem.reason());
        assertFalse(d.schema().contains("obtained_date"), "obtained_date leaks the label");
    }

    @Test
    void strictModeFailsOnTheFirstBadLine() throws Exception {
        Path p = write("bad.csv", "track_id,energy\na,0.5\nb,oops\nc,0.2\n");
        DataException e = assertThrows(DataException.class,
                () -> new CsvDatasetReader(CsvReadOptions.defaults().withStrict(true)).read(p));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'energy' has 'oops'"), e.getMessage());
        assertTrue(e.getMessage().contains("strict"), e.getMessage());
        assertEquals(2, read(p).tracks().size(), "lenient mode keeps the good rows");
    }

    @Test
    void shortRowsAreReportedNotLost() throws Exception {
        Path p = write("short.csv", "track_id,energy,valence\na,0.5,0.1\nb,0.4\nc,0.2,0.3\n");
        TrackDataset d = read(p);
        assertEquals(List.of("a", "c"), List.copyOf(d.tracks().keySet()));
        assertEquals(3, d.problems().get(0).line());
    }

    @Test
    void emptyFileIsAClearError() throws Exception {
        Path p = write("empty.csv", "");
        DataException e = assertThrows(DataException.class, () -> read(p));
        assertTrue(e.getMessage().contains("empty or has no header"), e.getMessage());
    }

    @Test
    void headerOnlyIsAClearError() throws Exception {
        Path p = write("header.csv", "track_id,energy\n");
        DataException e = assertThrows(DataException.class, () -> read(p));
        assertTrue(e.getMessage().contains("no usable track rows"), e.getMessage());
    }

    @Test
    void noFeatureColumnIsAClearError() throws Exception {
        Path p = write("names.csv", "track_id,track_name,track_artist\na,One,Ann\n");
        DataException e = assertThrows(DataException.class, () -> read(p));
        assertTrue(e.getMessage().contains("no usable feature column"), e.getMessage());
        assertTrue(e.getMessage().contains("[track_id, track_name, track_artist]"), e.getMessage());
    }

    @Test
    void otherNumericColumnsBecomeFeaturesWhenNoStandardOnesExist() throws Exception {
        Path p = write("custom.csv", "id,name,bpm_band,brightness,genre\na,One,3,0.5,x\nb,Two,4,0.7,y\n");
        TrackDataset d = read(p);
        assertEquals(List.of("bpm_band", "brightness"), d.schema().names());
        assertEquals(2, d.labelledData().size());
    }

    @Test
    void explicitFeatureColumnsMustExist() throws Exception {
        Path p = write("x.csv", "track_id,energy\na,0.5\n");
        DataException e = assertThrows(DataException.class, () -> new CsvDatasetReader(
                new CsvReadOptions(false, List.of("loudness"), Optional.empty())).read(p));
        assertTrue(e.getMessage().contains("[loudness]"), e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        DataException e = assertThrows(DataException.class, () -> read(tmp.resolve("missing.csv")));
        assertTrue(e.getMessage().contains("Dataset file not found"), e.getMessage());
    }

    @Test
    void brokenQuoteKeepsTheRowsBeforeIt() throws Exception {
        Path p = write("quote.csv", "track_id,track_name,energy\na,One,0.5\nb,\"Two,0.4\nc,Three,0.2\n");
        TrackDataset d = read(p);
        assertTrue(d.tracks().containsKey("a"));
        assertFalse(d.problems().isEmpty());
    }

    @Test
    void parsesArtistLists() {
        assertEquals(List.of("A", "B"), CsvDatasetReader.parseArtists("['A', 'B']"));
        assertEquals(List.of("Tyler, The Creator"), CsvDatasetReader.parseArtists("Tyler, The Creator"));
        assertEquals(List.of("A", "B"), CsvDatasetReader.parseArtists("A;B"));
    }

    @Test
    void playlistsAndTimeSignatures() throws Exception {
        Path p = write("pl.csv", "track_id,track_artist,playlist_id,playlist_name,playlist_genre,energy,"
                + "time_signature,track_album_release_date\n"
                + "a,Ann,p1,One,pop,0.5,4-Apr,2019-06-14\nb,Bob,p1,One,pop,0.4,3/4,2001\na,Ann,p2,Two,rock,0.5,4,2019\n");
        TrackDataset d = read(p);
        assertEquals(List.of("a", "b"), d.playlists().get("p1").trackIds());
        assertEquals(List.of("p1", "p2"), d.tracks().get("a").playlistIds());
        assertEquals(4, d.tracks().get("a").features().get("time_signature"));
        assertEquals(3, d.tracks().get("b").features().get("time_signature"));
        assertEquals(2019, d.tracks().get("a").track().releaseYear().getAsInt());
        assertEquals(Optional.of("playlist_genre"), d.labelColumn());
    }
}
