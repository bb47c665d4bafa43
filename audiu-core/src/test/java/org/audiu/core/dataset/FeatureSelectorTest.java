package org.audiu.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.audiu.core.DataException;
import org.audiu.core.dataset.FeatureSelection.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSelectorTest {
    static final List<String> STANDARD_12 = List.of("danceability", "energy", "key", "loudness", "mode",
            "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms");

    @TempDir
    Path tmp;

    private Path write(String csv) throws Exception {
        Path file = tmp.resolve("f.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static FeatureSelection select(Path file) {
        return new FeatureSelector(FeatureSelector.Options.defaults()).select(file);
    }

    @Test
    void sixStandardFeaturesAreEnoughFiveAreNot() throws Exception {
        Path six = write("""
                track_id,danceability,energy,key,loudness,mode,tempo,spectral_mean,genre
                1,0.5,0.5,C,-5,Major,120,3.5,rock
                2,0.6,0.4,D,-6,Minor,100,2.5,pop
                """);
        FeatureSelection s = select(six);
        assertEquals(Rule.STANDARD, s.rule());
        assertEquals(List.of("danceability", "energy", "key", "loudness", "mode", "tempo"), s.features());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        Path five = write("""
                track_id,danceability,energy,key,loudness,tempo,spectral_mean,genre
                1,0.5,0.5,C,-5,120,3.5,rock
                2,0.6,0.4,D,-6,100,2.5,pop
                """);
        s = select(five);
        assertEquals(Rule.ALL_NUMERIC, s.rule());
        assertEquals(List.of("danceability", "energy", "key", "loudness", "tempo", "spectral_mean"), s.features());
        assertTrue(s.warnings().get(0).startsWith("only 5 of the 13 standard audio features are columns "
                + "(danceability, energy, key, loudness, tempo); the default needs at least 6"), s.warnings().get(0));
    }

    @Test
    void theFallBackDropsLeaksAndSaysWhy() throws Exception {
        StringBuilder sb = new StringBuilder("index,filename,length,clip_no,zcr_mean,rate,note,label\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i).append(",a/b").append(i).append(".au,30000,").append(1000 + i).append(',').append(i % 3 * 0.1)
                    .append(",22050,").append(i % 2 == 0 ? "x" : "y").append(",g").append(i % 2).append('\n');
        }
        FeatureSelection s = select(write(sb.toString()));
        assertEquals(List.of("zcr_mean"), s.features());
        assertEquals("an identifier, name or date column", reason(s, "index"));
        assertTrue(reason(s, "filename").startsWith("file names (e.g. 'a/b0.au')"), reason(s, "filename"));
        assertTrue(reason(s, "length").startsWith("a duration identical for every clip (30000)"));
        assertTrue(reason(s, "clip_no").startsWith("unique per row (40 different whole numbers"));
        assertEquals("constant (every row is 22050)", reason(s, "rate"));
        assertEquals("text, not numeric (e.g. 'x')", reason(s, "note"));
        assertEquals("the label", reason(s, "label"));
        assertTrue(s.warnings().contains("dropped rate: constant (every row is 22050)"), s.warnings().toString());
        assertTrue(s.warnings().stream().noneMatch(w -> w.contains("label") || w.contains("index")),
                s.warnings().toString());
        assertEquals("features (1): zcr_mean", s.describe(8));
    }

    @Test
    void exclusionsAndListsAndBadNames() throws Exception {
        Path file = write("""
                track_id,a,b,c,popularity,label
                1,0.1,0.5,3,40,x
                2,0.2,0.7,1,50,y
                3,0.3,0.2,2,60,x
                """);
        FeatureSelector excluding = new FeatureSelector(new FeatureSelector.Options(Optional.empty(), List.of(),
                List.of("B", "popularity"), true, true));
        FeatureSelection s = excluding.select(file);
        assertEquals(List.of("a", "c"), s.features());
        assertEquals("excluded with --exclude-features", reason(s, "b"));
        FeatureSelection withPopularity = select(file);
        assertEquals(List.of("a", "b", "c", "popularity"), withPopularity.features());
        FeatureSelection listed = new FeatureSelector(new FeatureSelector.Options(Optional.empty(),
                List.of("c", "a"), List.of(), true, true)).select(file);
        assertEquals(Rule.LISTED, listed.rule());
        assertEquals(List.of("c", "a"), listed.features());
        DataException bad = assertThrows(DataException.class, () -> new FeatureSelector(new FeatureSelector.Options(
                Optional.empty(), List.of(), List.of("mood"), true, true)).select(file));
        assertTrue(bad.getMessage().contains("'mood'") && bad.getMessage().contains("[track_id, a, b, c"),
                bad.getMessage());
        DataException none = assertThrows(DataException.class, () -> new FeatureSelector(new FeatureSelector.Options(
                Optional.empty(), List.of(), List.of("a", "b", "c", "popularity"), true, true)).select(file));
        assertTrue(none.getMessage().contains("leaves no feature") && none.getMessage().contains("--features"),
                none.getMessage());
    }

    @Test
    void theSharedFilesKeepTheirFeatures() {
        FeatureSelection genre = select(SharedDataTest.sharedFile("music_genre.csv"));
        List<String> expected = new java.util.ArrayList<>(STANDARD_12);
        expected.add("popularity");
        assertEquals(Rule.STANDARD, genre.rule());
        assertEquals(expected, genre.features());
        assertTrue(genre.warnings().isEmpty(), genre.warnings().toString());
        assertTrue(genre.suspects().isEmpty(), genre.suspects().toString());
        FeatureSelection songs = select(SharedDataTest.sharedFile("spotify_songs.csv"));
        expected.add("release_year");
        assertEquals(expected, songs.features());
        assertTrue(songs.warnings().isEmpty(), songs.warnings().toString());
        assertTrue(songs.suspects().isEmpty(), songs.suspects().toString());
    }

    /**
     * The 114k file's features, as before the recording-artefact check (issue 26): its few-valued columns (key,
     * mode, time_signature) are standard features and explicit is track metadata, so none is even a suspect.
     */
    @Test
    void theTracks114kFileKeepsItsFeaturesAndHasNoSuspect() {
        FeatureSelection tracks = select(SharedDataTest.sharedFile("spotify_tracks_114k.csv"));
        List<String> expected = new java.util.ArrayList<>(STANDARD_12);
        expected.add(12, "time_signature");
        expected.add("popularity");
        assertEquals(Rule.STANDARD, tracks.rule());
        assertEquals(expected, tracks.features());
        assertTrue(tracks.suspects().isEmpty(), tracks.suspects().toString());
        assertTrue(tracks.warnings().isEmpty(), tracks.warnings().toString());
    }

    @Test
    void fewValuedFallBackColumnsAreSuspectsButStandardAndMetadataOnesAreNot() throws Exception {
        StringBuilder sb = new StringBuilder("filename,length,sample_rate,key,mode,explicit,zcr_mean,label\n");
        for (int i = 0; i < 100; i++) {
            // length: 2 values; sample_rate: one value for 95 rows, 5 others; zcr_mean: continuous
            sb.append("c").append(i).append(".wav,").append(i % 2 == 0 ? 661794 : 661504).append(',')
                    .append(i < 95 ? 22050 : 44100 + i).append(',').append(i % 12).append(',').append(i % 2)
                    .append(',').append(i % 3 == 0).append(',').append(0.01 * i).append(",g").append(i % 2)
                    .append('\n');
        }
        FeatureSelection s = select(write(sb.toString()));
        assertEquals(Rule.ALL_NUMERIC, s.rule());
        assertEquals(List.of("length", "sample_rate", "key", "mode", "explicit", "zcr_mean"), s.features());
        assertEquals(List.of(new FeatureSelection.ArtefactSuspect("length",
                        "2 distinct values (661504, 661794) in the 100 sampled rows"),
                new FeatureSelection.ArtefactSuspect("sample_rate",
                        "its 5 most common values (22050, 44195, 44196, 44197, 44198) cover 99% of the 100 sampled "
                                + "rows")), s.suspects());
        FeatureSelection checked = s.checked(java.util.Map.of("length", "a recording artefact"));
        assertEquals(List.of("sample_rate", "key", "mode", "explicit", "zcr_mean"), checked.features());
        assertEquals("a recording artefact", reason(checked, "length"));
        assertTrue(checked.warnings().contains("dropped length: a recording artefact"), checked.warnings().toString());
        assertTrue(checked.suspects().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> s.checked(java.util.Map.of("zcr_mean", "no")));
    }

    @Test
    void keptColumnsAreFeaturesAndNeverSuspectsAndBadKeptNamesFail() throws Exception {
        Path file = write("""
                track_id,filename,length,rate,a,label
                1,x.wav,100,8000,0.1,x
                2,y.wav,200,8000,0.2,y
                3,z.wav,100,8000,0.3,x
                """);
        FeatureSelection s = keeping(file, List.of("Length", "rate"));
        assertEquals(List.of("length", "rate", "a"), s.features());
        assertTrue(s.suspects().isEmpty(), s.suspects().toString());
        Path standard = Files.writeString(tmp.resolve("standard.csv"), """
                track_id,danceability,energy,key,loudness,mode,tempo,batch,genre
                1,0.5,0.5,1,-5,1,120,3,rock
                2,0.6,0.4,2,-6,0,100,4,pop
                """, StandardCharsets.UTF_8);
        assertEquals(List.of("danceability", "energy", "key", "loudness", "mode", "tempo", "batch"),
                keeping(standard, List.of("batch")).features());
        for (var bad : List.of(List.of("mood", "which is not a column of"), List.of("label", "the label column"),
                List.of("filename", "which cannot be a feature: file names"))) {
            DataException e = assertThrows(DataException.class, () -> keeping(file, List.of(bad.get(0))));
            assertTrue(e.getMessage().startsWith("--keep-features names '" + bad.get(0) + "', " ), e.getMessage());
            assertTrue(e.getMessage().contains(bad.get(1)) && e.getMessage().contains("Its columns are [track_id"),
                    e.getMessage());
        }
    }

    private static FeatureSelection keeping(Path file, List<String> kept) {
        return new FeatureSelector(new FeatureSelector.Options(Optional.empty(), List.of(), List.of(), kept, true,
                true, StandardCharsets.UTF_8)).select(file);
    }

    private static String reason(FeatureSelection s, String column) {
        return s.dropped().stream().filter(d -> d.column().equals(column)).findFirst().orElseThrow(
                () -> new AssertionError(column + " not dropped: " + s)).reason();
    }
}
