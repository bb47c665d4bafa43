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

    /** {@code rows} rows r0, r1, ... after a header; row {@code i} at line i + 2. */
    private static StringBuilder rows(int rows) {
        StringBuilder sb = new StringBuilder("track_id,track_name,track_artist,energy\n");
        for (int i = 0; i < rows; i++) {
            sb.append("r").append(i).append(",Song ").append(i).append(",Artist ").append(i % 7).append(",0.")
                    .append(i % 10).append('\n');
        }
        return sb;
    }

    @Test
    void anUnclosedQuoteLosesOnlyItsOwnLine() throws Exception {
        String text = rows(3000).toString().replace("r10,Song 10,", "r10,\"Song 10,");
        TrackDataset d = read(write("unclosed.csv", text));
        assertEquals(2999, d.tracks().size(), "every good row after the quote is kept");
        assertFalse(d.tracks().containsKey("r10"));
        assertTrue(d.tracks().containsKey("r11") && d.tracks().containsKey("r2999"));
        assertEquals(1, d.problems().size(), d.problems().toString());
        assertEquals(12, d.problems().get(0).line(), "the line of the broken quote");
        assertTrue(d.problems().get(0).reason().contains("quote"), d.problems().get(0).reason());
        assertEquals(13, d.tracks().get("r11").line(), "lines after it keep their numbers");
        assertTrue(d.summary().contains("1 row lost"), d.summary());
    }

    @Test
    void aQuoteClosedOnALaterLineLosesOnlyItsOwnLine() throws Exception {
        Path p = write("later.csv", "track_id,track_name,energy\na,One,0.5\nb,\"Two,0.4\nc,Three,0.2\n"
                + "d,\"Four\",0.1\ne,Five,0.3\nf,Six,oops\n");
        TrackDataset d = read(p);
        assertEquals(List.of("a", "c", "d", "e"), List.copyOf(d.tracks().keySet()));
        assertEquals(List.of(3L, 7L), d.problems().stream().map(DatasetProblem::line).toList(), d.problems().toString());
        assertEquals("Four", d.tracks().get("d").track().name());
    }

    @Test
    void severalBrokenQuotesEachLoseOneLine() throws Exception {
        String text = rows(200).toString().replace("r5,Song 5,", "r5,\"Song 5,").replace("r50,Song 50,",
                "r50,Song 50,\"").replace("r150,", "\"r150,");
        TrackDataset d = read(write("several.csv", text));
        assertEquals(197, d.tracks().size(), d.problems().toString());
        assertEquals(List.of(7L, 52L, 152L), d.problems().stream().map(DatasetProblem::line).toList());
        assertTrue(d.summary().contains("3 rows lost"), d.summary());
    }

    @Test
    void aQuotedFieldOverSeveralLinesIsStillOneRow() throws Exception {
        Path p = write("multiline.csv", "track_id,track_name,energy\na,\"One\nand more\",0.5\nb,Two,0.4\n"
                + "c,Three,oops\n");
        TrackDataset d = read(p);
        assertEquals(List.of("a", "b"), List.copyOf(d.tracks().keySet()));
        assertEquals("One\nand more", d.tracks().get("a").track().name());
        assertEquals(List.of(5L), d.problems().stream().map(DatasetProblem::line).toList());
    }

    @Test
    void strictModeFailsAtABrokenQuoteNamingItsLine() throws Exception {
        Path p = write("strict-quote.csv", "track_id,track_name,energy\na,One,0.5\nb,\"Two,0.4\nc,Three,0.2\n");
        DataException e = assertThrows(DataException.class,
                () -> new CsvDatasetReader(CsvReadOptions.defaults().withStrict(true)).read(p));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("quote"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8SaysWhereTheFirstBadByteIs() throws Exception {
        Path p = tmp.resolve("latin1.csv");
        byte[] head = "track_id,track_name,track_artist,energy\na,One,Ann,0.5\nb,Caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",Bob,0.4\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // é in Latin-1
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(p, bytes);
        DataException e = assertThrows(DataException.class, () -> read(p));
        assertTrue(e.getMessage().contains("not UTF-8 text"), e.getMessage());
        assertTrue(e.getMessage().contains("0xE9") && e.getMessage().contains("line 3")
                && e.getMessage().contains("byte offset " + head.length), e.getMessage());
        assertTrue(e.getMessage().contains("ISO-8859-1"), "says how to read it: " + e.getMessage());
        assertFalse(e.getMessage().contains("Input length"), e.getMessage());

        TrackDataset latin1 = new CsvDatasetReader(CsvReadOptions.defaults()
                .withCharset(java.nio.charset.StandardCharsets.ISO_8859_1)).read(p);
        assertEquals("Café", latin1.tracks().get("b").track().name());
    }

    @Test
    void binaryFilesAreNamedForWhatTheyAre() throws Exception {
        Path zip = tmp.resolve("songs.csv");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("songs.csv"));
            out.write("track_id,energy\na,0.5\n".getBytes(StandardCharsets.UTF_8));
        }
        DataException e = assertThrows(DataException.class, () -> read(zip));
        assertTrue(e.getMessage().contains("not a UTF-8 text CSV") && e.getMessage().contains("ZIP"),
                e.getMessage());

        Path gz = tmp.resolve("songs.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("track_id,energy\na,0.5\n".getBytes(StandardCharsets.UTF_8));
        }
        e = assertThrows(DataException.class, () -> read(gz));
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());

        Path binary = tmp.resolve("data.csv");
        Files.write(binary, new byte[] {'t', 'r', 'a', 'c', 'k', 0, 1, 2, 3, '\n'});
        e = assertThrows(DataException.class, () -> read(binary));
        assertTrue(e.getMessage().contains("binary") && e.getMessage().contains("byte offset 5"), e.getMessage());

        Path utf16 = tmp.resolve("utf16.csv");
        Files.write(utf16, "\uFEFFtrack_id,energy\na,0.5\n".getBytes(StandardCharsets.UTF_16LE));
        e = assertThrows(DataException.class, () -> read(utf16));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
        TrackDataset d = new CsvDatasetReader(CsvReadOptions.defaults().withCharset(StandardCharsets.UTF_16)).read(
                utf16);
        assertEquals(0.5, d.tracks().get("a").features().get("energy"));
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
