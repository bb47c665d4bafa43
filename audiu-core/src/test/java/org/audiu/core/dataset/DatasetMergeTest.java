package org.audiu.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.candidates.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several track files read as one catalogue: each song once, by id and by artist + title, the first file winning. */
class DatasetMergeTest {
    @TempDir
    Path tmp;

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Like spotify_songs.csv: one artist column, playlists, no time_signature. */
    private Path songs() throws Exception {
        return write("songs.csv", "track_id,track_name,track_artist,playlist_id,playlist_name,playlist_genre,"
                + "danceability,energy,tempo\n"
                + "a,Halo,Beyoncé,p1,Mix,pop,0.5,0.6,120\n"
                + "b,Here Comes The Sun - Remastered 2019,The Beatles,p1,Mix,pop,0.4,0.3,130\n"
                + "c,Only Here,Solo,p2,Other,rock,0.1,0.2,90\n");
    }

    /** Like spotify_tracks_114k.csv: artists split by ';', a genre per row, time_signature. */
    private Path tracks() throws Exception {
        return write("tracks.csv", "track_id,artists,track_name,danceability,energy,tempo,time_signature,track_genre\n"
                + "a,Beyoncé,Halo,0.9,0.9,99,4,dance\n"
                + "x,The Beatles,Here Comes The Sun,0.45,0.35,129,4,rock\n"
                + "y,Marshmello;Imanbek,New Song,0.7,0.8,124,4,edm\n"
                + "y,Marshmello;Imanbek,New Song,0.7,0.8,124,4,house\n");
    }

    private static TrackDataset read(List<Path> files) {
        return new CsvDatasetReader(CsvReadOptions.defaults()).read(files);
    }

    @Test
    void theSameSongIsOneTrackByIdAndByArtistAndTitle() throws Exception {
        TrackDataset d = read(List.of(songs(), tracks()));
        assertEquals(List.of("a", "b", "c", "y"), List.copyOf(d.tracks().keySet()));
        assertEquals(0.5, d.tracks().get("a").features().get("danceability"), 1e-9, "the first file's row wins");
        assertEquals(List.of("Marshmello", "Imanbek"), d.tracks().get("y").track().artists());
        assertEquals(List.of("danceability", "energy", "tempo"), d.schema().names(),
                "time_signature is only in the second file");
        assertEquals(List.of("danceability", "energy", "tempo"), d.tracks().get("y").features().schema().names());
        assertEquals(2, d.playlists().size());
        assertEquals(List.of(tmp.resolve("songs.csv"), tmp.resolve("tracks.csv")), d.sources());
        assertEquals(7, d.rowsRead());
        assertEquals(3, d.duplicateRows(), "y twice in its file, a by id, x by artist + title");
        assertTrue(d.summary().startsWith("songs.csv + tracks.csv: 4 distinct tracks"), d.summary());
    }

    @Test
    void theOrderOfTheFilesDecidesWhichTrackIsKept() throws Exception {
        TrackDataset d = read(List.of(tracks(), songs()));
        assertEquals(List.of("a", "x", "y", "c"), List.copyOf(d.tracks().keySet()));
        assertEquals(List.of("a", "x"), d.playlists().get("p1").trackIds(),
                "the playlist points to the kept track of the same song");
        assertEquals(List.of("p1"), d.tracks().get("x").playlistIds());
        assertEquals(List.of("danceability", "energy", "tempo"), d.schema().names());
    }

    @Test
    void oneFileReadsAsItAlwaysDid() throws Exception {
        Path songs = songs();
        TrackDataset one = read(List.of(songs));
        TrackDataset plain = new CsvDatasetReader(CsvReadOptions.defaults()).read(songs);
        assertEquals(plain.tracks().keySet(), one.tracks().keySet());
        assertEquals(plain.schema(), one.schema());
        assertEquals(List.of(songs), one.sources());
    }

    @Test
    void aMissingFileIsNamedBeforeAnyIsRead() throws Exception {
        Path missing = tmp.resolve("nope.csv");
        DataException e = assertThrows(DataException.class, () -> read(List.of(songs(), missing)));
        assertTrue(e.getMessage().contains("Dataset file not found: " + missing.toAbsolutePath())
                && e.getMessage().contains("one of the 2 files"), e.getMessage());
    }

    @Test
    void filesWithoutACommonFeatureCannotBeOneCatalogue() throws Exception {
        Path other = write("other.csv", "track_id,track_name,track_artist,loudness\nq,Q,R,-5\n");
        DataException e = assertThrows(DataException.class, () -> read(List.of(songs(), other)));
        assertTrue(e.getMessage().contains("no feature column in common") && e.getMessage().contains("other.csv"),
                e.getMessage());
    }

    private ComponentConfig config(String path) {
        return new ComponentConfig("candidate source", "dataset", "candidates.", Map.of("path", path), 1, tmp,
                "test.properties", Set.of());
    }

    @Test
    void thePathKeyTakesSeveralFilesSeparatedByCommas() throws Exception {
        songs();
        tracks();
        ComponentConfig c = config("songs.csv, tracks.csv");
        assertEquals(List.of(tmp.resolve("songs.csv"), tmp.resolve("tracks.csv")), DatasetFactories.paths(c));
        var source = (DatasetFactories.DatasetCandidateSource) new DatasetFactories.CandidatesFactory()
                .create(config("songs.csv,tracks.csv"), PluginContext.NONE);
        assertEquals(4, source.size());
        // The ranking pass reads a pool in parts: the parts of a two-file pool are its tracks, once each, in order.
        List<String> parts = new java.util.ArrayList<>();
        source.candidates(0, 1).map(x -> x.track().id()).forEach(parts::add);
        source.candidates(1, 4).map(x -> x.track().id()).forEach(parts::add);
        assertEquals(source.candidates().map(x -> x.track().id()).toList(), parts);
    }

    @Test
    void aBadPathListIsAClearError() throws Exception {
        songs();
        ConfigException missing = assertThrows(ConfigException.class,
                () -> DatasetFactories.paths(config("songs.csv, gone.csv")));
        assertTrue(missing.getMessage().contains(tmp.resolve("gone.csv").toAbsolutePath() + ", which does not exist")
                && missing.getMessage().contains("candidates.path") && missing.getMessage().contains("one of its 2"),
                missing.getMessage());
        ConfigException twice = assertThrows(ConfigException.class,
                () -> DatasetFactories.paths(config("songs.csv, ./songs.csv")));
        assertTrue(twice.getMessage().contains("is named twice"), twice.getMessage());
        ConfigException none = assertThrows(ConfigException.class, () -> DatasetFactories.paths(config(" , ")));
        assertTrue(none.getMessage().contains("a path, or several separated by commas"), none.getMessage());
        ConfigException folder = assertThrows(ConfigException.class, () -> DatasetFactories.paths(config(".")));
        assertTrue(folder.getMessage().contains("a folder, not a track CSV"), folder.getMessage());
    }
}
