package org.audiu.models.genre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.eval.GroupedSplitter;
import org.audiu.core.eval.Split;
import org.audiu.core.metrics.ClassificationReport;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

/** Genre models: held-out artists through core's grouped splitter, reports through its ClassificationReport. */
class GenreModelTest {
    private static final FeatureSchema SCHEMA = FeatureSchema.of("a", "b");
    private static final List<String> GENRES = List.of("jazz", "rock", "pop");

    /** Three well separated genres, four tracks per artist, ten artists per genre. */
    static Catalogue catalogue(long seed) {
        Random r = new Random(seed);
        List<CatalogueTrack> tracks = new ArrayList<>();
        for (int g = 0; g < GENRES.size(); g++) {
            for (int artist = 0; artist < 10; artist++) {
                for (int i = 0; i < 4; i++) {
                    String id = GENRES.get(g) + "-" + artist + "-" + i;
                    double[] v = {g * 3 + r.nextGaussian() * 0.3, -g * 2 + r.nextGaussian() * 0.3};
                    tracks.add(new CatalogueTrack(Track.builder(id, id).artists(" Artist " + GENRES.get(g) + artist)
                            .genre(GENRES.get(g)).build(), new FeatureVector(SCHEMA, v)));
                }
            }
        }
        tracks.add(new CatalogueTrack(Track.builder("unlabelled", "x").artists("Nobody").build(),
                new FeatureVector(SCHEMA, new double[] {0, 0})));
        return new Catalogue("test", SCHEMA, tracks, List.of());
    }

    @Test
    void labelledRowsAreTheGenreTracksGroupedByArtist() {
        LabelledData data = GenreModel.labelled(catalogue(1));
        assertEquals(120, data.size(), "the unlabelled track is left out");
        assertEquals(List.of("jazz", "pop", "rock"), data.labels());
        assertEquals("artist jazz0", data.examples().get(0).group(), "the main artist, trimmed and lower-case");
    }

    @Test
    void holdsOutWholeArtistsWithTheGroupedSplitterAndReportsOnThem() {
        Catalogue c = catalogue(2);
        GenreTraining training = new GenreTraining("test-centroid", Map.of("k", "v"), 0.25, 7);
        GenreModel model = GenreModel.train(c, new CentroidTrainer(7), training).orElseThrow();

        LabelledData data = GenreModel.labelled(c);
        Split split = new GroupedSplitter(7).holdout(data, 0.25);
        split.verifyNoLeak(data);
        assertEquals(split.train().length, model.trainingRows());
        assertEquals(split.test().length, model.heldOutRows());
        assertTrue(model.heldOutRows() > 0 && model.heldOutRows() % 4 == 0, "whole artists: " + model.heldOutRows());
        Set<String> heldOutArtists = new HashSet<>();
        Set<String> trainedArtists = new HashSet<>();
        for (LabelledExample e : data.examples()) {
            (model.isHeldOut(e.id()) ? heldOutArtists : trainedArtists).add(e.group());
        }
        heldOutArtists.retainAll(trainedArtists);
        assertTrue(heldOutArtists.isEmpty(), "no artist on both sides: " + heldOutArtists);

        ClassificationReport report = model.heldOutReport().orElseThrow();
        assertEquals(model.heldOutRows(), report.total());
        assertEquals(report.accuracy(), model.heldOutAccuracy());
        assertTrue(model.heldOutAccuracy() > 0.9, "separated genres: " + report);
        assertEquals("test-centroid", model.trainer());
        assertEquals(Map.of("k", "v"), model.parameters());
        assertEquals(List.of("jazz", "pop", "rock"), model.labels());
        assertTrue(model.trainSeconds() >= 0);
    }

    @Test
    void predictsTheMostProbableGenre() {
        Catalogue c = catalogue(3);
        GenreModel model = GenreModel.train(c, new CentroidTrainer(1),
                GenreTraining.onAllRows("test-centroid", Map.of(), 1)).orElseThrow();
        assertEquals(0, model.heldOutRows(), "nothing held out");
        assertTrue(model.heldOutReport().isEmpty());
        assertTrue(Double.isNaN(model.heldOutAccuracy()));
        assertEquals(120, model.trainingRows());

        GenreModel.Prediction rock = model.predict(new FeatureVector(SCHEMA, new double[] {3, -2}));
        assertEquals("rock", rock.predicted());
        double[] p = rock.probabilities();
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        assertEquals(p[rock.labels().indexOf("rock")], rock.probability());

        List<GenreModel.Prediction> both = model.predict(new double[][] {{0, 0}, {6, -4}});
        assertEquals(List.of("jazz", "pop"), both.stream().map(GenreModel.Prediction::predicted).toList());
        ClassificationReport report = model.report(List.of("jazz", "rock"), both);
        assertEquals(0.5, report.accuracy(), 1e-12);

        GenreModel saved = GenreModel.of(model.model(), "test-centroid");
        assertEquals("rock", saved.predict(new FeatureVector(SCHEMA, new double[] {3, -2})).predicted());
        assertEquals(0, saved.heldOutRows());
    }

    @Test
    void tooFewArtistsOrGenresTrainOnEverything() {
        List<LabelledExample> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new LabelledExample("t" + i, new double[] {i, -i}, i < 3 ? "jazz" : "rock", 1, "one artist"));
        }
        GenreModel model = GenreModel.train(new LabelledData(SCHEMA, rows), new CentroidTrainer(1),
                new GenreTraining("test-centroid", Map.of(), 0.5, 1));
        assertEquals(6, model.trainingRows(), "one artist: nothing can be held out");
        assertEquals(0, model.heldOutRows());
    }

    @Test
    void aSingleGenreGivesNoGenreModel() {
        Catalogue one = new Catalogue("one genre", SCHEMA, List.of(
                new CatalogueTrack(Track.builder("a", "A").artists("X").genre("Jazz").build(),
                        new FeatureVector(SCHEMA, new double[] {0, 1})),
                new CatalogueTrack(Track.builder("b", "B").artists("Y").genre("Jazz").build(),
                        new FeatureVector(SCHEMA, new double[] {1, 0}))), List.of());
        assertTrue(GenreModel.train(one, data -> {
            throw new AssertionError("must not train");
        }, new GenreTraining("none", Map.of(), 0.2, 1)).isEmpty());
    }

    @Test
    void theHoldoutIsAShareBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new GenreTraining("x", Map.of(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new GenreTraining("x", Map.of(), -0.1, 1));
        assertFalse(new GenreTraining("x", Map.of("a", "1"), 0, 1).parameters().isEmpty());
    }
}
