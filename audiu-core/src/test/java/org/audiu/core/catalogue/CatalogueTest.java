package org.audiu.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.junit.jupiter.api.Test;

/** The in-memory catalogue and its search. */
class CatalogueTest {
    static final FeatureSchema SCHEMA = AudioFeatures.DEFAULT_MODEL_FEATURES;

    static CatalogueTrack track(String id, String name, String artist, String genre) {
        double[] v = new double[SCHEMA.size()];
        java.util.Arrays.fill(v, id.hashCode() % 7 / 10.0);
        return new CatalogueTrack(Track.builder(id, name).artists(artist).genre(genre).build(),
                new FeatureVector(SCHEMA, v));
    }

    static Catalogue catalogue() {
        return new Catalogue("test", SCHEMA, List.of(
                track("t1", "Velvet Horizon", "The Comets", "Jazz"),
                track("t2", "Horizon", "Ava Hart", "Rock"),
                track("t3", "Blue Velvet", "Ava Hart", "Jazz"),
                track("t4", "Café Noir", "Beyoncé", "Jazz"),
                track("t5", "Distant Horizon Line", "Velvet Underground", "Rock"),
                track("t1", "A duplicate id", "Nobody", "Pop")),
                List.of(new CataloguePlaylist("p1", "Night horizons", List.of("t1", "t2", "missing")),
                        new CataloguePlaylist("p2", "Empty", List.of("missing"))));
    }

    @Test
    void duplicatesAndUnknownPlaylistTracksAreDropped() {
        Catalogue c = catalogue();
        assertEquals(5, c.size());
        assertEquals("Velvet Horizon", c.track("t1").orElseThrow().track().name(), "the first of a repeated id wins");
        assertEquals(List.of("t1", "t2"), c.playlist("p1").orElseThrow().trackIds());
        assertTrue(c.playlist("p2").isEmpty(), "a playlist with no known track is left out");
        assertEquals(List.of("Jazz", "Rock"), c.genres());
        assertEquals(List.of("t2", "t3"), c.artist("  ava HART ").orElseThrow().trackIds());
        assertEquals(4, c.artists().size());
        assertEquals(5, c.asCandidateSource().candidates().count());
        Track unknown = Track.builder("zz", "x").build();
        assertEquals(Map.of("t4", c.track("t4").orElseThrow().features()), c.asFeatureProvider()
                .lookup(List.of(c.track("t4").orElseThrow().track(), unknown)));
    }

    @Test
    void anEmptyCatalogueOrAWrongSchemaFails() {
        assertThrows(DataException.class, () -> new Catalogue("nothing", SCHEMA, List.of(), List.of()));
        CatalogueTrack other = new CatalogueTrack(Track.builder("x", "x").build(),
                new FeatureVector(FeatureSchema.of("a"), new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Catalogue("bad", SCHEMA, List.of(other), List.of()));
    }

    @Test
    void searchRanksTitlesBeforeArtistsAndIgnoresAccents() {
        TrackSearch search = new TrackSearch(catalogue());
        TrackSearch.Result horizon = search.search("Horizon", 10);
        assertEquals(List.of("t2", "t5", "t1"), horizon.tracks().stream().map(CatalogueTrack::id).toList(),
                "the exact title, then titles with the word, alphabetically");
        assertEquals(List.of("p1"), search.search("night", 5).playlists().stream().map(CataloguePlaylist::id)
                .toList());
        assertEquals(List.of("t1", "t5"), search.search("velv hor", 10).tracks().stream().map(CatalogueTrack::id)
                .toList(), "every word starts a word: of the title first, then of title or artist");
        TrackSearch.Result velvet = search.search("velvet", 10);
        assertEquals(List.of("t1", "t3", "t5"), velvet.tracks().stream().map(CatalogueTrack::id).toList(),
                "title prefix, title word, then artist");
        assertEquals("Velvet Underground", velvet.artists().get(0).name());
        assertEquals("t4", search.search("CAFE noir", 3).tracks().get(0).id());
        assertEquals("Beyoncé", search.search("beyonce", 3).artists().get(0).name());
        assertEquals(1, search.search("horizon", 1).tracks().size());
        assertTrue(search.search("?!…", 10).tracks().isEmpty());
        assertTrue(search.search("elvet", 10).tracks().isEmpty(), "words match from their start");
        assertEquals(" cafe noir 2", TrackSearch.normalise("  Café—NOIR (2) "));
    }
}
