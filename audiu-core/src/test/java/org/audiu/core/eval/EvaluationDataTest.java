package org.audiu.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.spi.training.LabelledExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationDataTest {
    @TempDir
    Path tmp;

    private TrackDataset read(String csv) throws Exception {
        Path file = tmp.resolve("tracks.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return new CsvDatasetReader(CsvReadOptions.defaults()).read(file);
    }

    @Test
    void dropsRepeatedArtistAndNameAndGroupsByArtist() throws Exception {
        TrackDataset ds = read("""
                instance_id,artist_name,track_name,danceability,energy,obtained_date,music_genre
                1,Kendrick Lamar,HUMBLE.,0.9,0.6,4-Apr,Rap
                2,Kendrick Lamar,HUMBLE.,0.9,0.6,3-Apr,Hip-Hop
                3,kendrick lamar ,humble.,0.9,0.6,3-Apr,Hip-Hop
                4,Kendrick Lamar,DNA.,0.6,0.8,4-Apr,Rap
                5,empty_field,Intro,0.2,0.3,4-Apr,Jazz
                6,empty_field,Intro,0.4,0.3,4-Apr,Rock
                7,Miles Davis,So What,0.5,0.3,4-Apr,Jazz
                """);
        EvaluationData e = EvaluationData.fromDataset(ds);
        assertEquals(2, e.artistNameDuplicates());
        assertEquals(2, e.conflictingLabels());
        List<LabelledExample> rows = e.data().examples();
        assertEquals(List.of("1", "4", "5", "6", "7"), rows.stream().map(LabelledExample::id).toList());
        assertEquals("Rap", rows.get(0).label(), "the first row of a repeated track is kept");
        assertEquals("kendrick lamar", rows.get(0).group());
        assertEquals(rows.get(0).group(), rows.get(1).group());
        // Unattributed tracks with the same name share a group, so they never straddle a split.
        assertEquals(rows.get(2).group(), rows.get(3).group());
        assertTrue(e.summary().contains("2 repeated artist+name rows dropped"), e.summary());
    }

    @Test
    void featuresMayComeFromTrackMetadata() throws Exception {
        TrackDataset ds = read("""
                track_id,track_artist,track_name,track_popularity,track_album_release_date,danceability,playlist_genre
                a,X,one,70,2019-06-14,0.5,pop
                b,Y,two,20,1975,0.7,rock
                """);
        EvaluationData e = EvaluationData.fromDataset(ds,
                org.audiu.core.FeatureSchema.of("danceability", "popularity", "release_year", "tempo"));
        double[] first = e.data().examples().get(0).features();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.5, 70, 2019, Double.NaN}, first);
        assertEquals(1975, e.data().examples().get(1).feature(2));
    }

    @Test
    void leakyColumnsAreNeverFeaturesByDefault() throws Exception {
        // No standard audio feature: the reader falls back to numeric columns, and must skip ids, dates, names,
        // popularity and the label.
        TrackDataset ds = read("""
                instance_id,track_id,artist_name,track_name,obtained_date,popularity,bpm_x,loudness_y,genre
                1,11,A,a,2020,50,120,-5,Rock
                2,12,B,b,2021,60,90,-7,Jazz
                """);
        List<String> features = ds.schema().names();
        assertEquals(List.of("bpm_x", "loudness_y"), features);
        assertFalse(features.contains("obtained_date"));
        assertFalse(features.contains("instance_id"));
    }
}
