package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueArtist;
import org.audiu.core.catalogue.CataloguePlaylist;
import org.audiu.core.catalogue.CatalogueTrack;
import org.junit.jupiter.api.Test;

/** The seeds a visitor picks and the server's small response cache. */
class SeedsTest {
    static final FeatureSchema SCHEMA = AudioFeatures.DEFAULT_MODEL_FEATURES;

    static CatalogueTrack track(String id, String name, String artist, String genre) {
        double[] v = new double[SCHEMA.size()];
        Arrays.fill(v, id.hashCode() % 7 / 10.0);
        return new CatalogueTrack(Track.builder(id, name).artists(artist).genre(genre).build(),
                new FeatureVector(SCHEMA, v));
    }

    static Catalogue catalogue() {
        return new Catalogue("test", SCHEMA, List.of(
                track("t1", "Velvet Horizon", "The Comets", "Jazz"),
                track("t2", "Horizon", "Ava Hart", "Rock"),
                track("t3", "Blue Velvet", "Ava Hart", "Jazz"),
                track("t4", "Café Noir", "Beyoncé", "Jazz")),
                List.of(new CataloguePlaylist("p1", "Night horizons", List.of("t1", "t2", "missing"))));
    }

    @Test
    void seedsKeyIgnoresOrderAndExpandsArtistsAndPlaylists() {
        Catalogue c = catalogue();
        CatalogueTrack t1 = c.track("t1").orElseThrow();
        CatalogueTrack t4 = c.track("t4").orElseThrow();
        CatalogueArtist ava = c.artist("ava hart").orElseThrow();
        Seeds a = new Seeds(List.of(t1, t4), List.of(ava), c.playlist("p1"));
        Seeds b = new Seeds(List.of(t4, t1), List.of(ava), c.playlist("p1"));
        assertEquals(a.key(), b.key());
        assertEquals(List.of("t1", "t4", "t2", "t3"), a.trackIds(10), "distinct, tracks first");
        assertEquals(List.of("t1", "t4"), a.trackIds(2));
        assertTrue(new Seeds(List.of(), List.of(), Optional.empty()).isEmpty());
    }

    @Test
    void theCacheIsBounded() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(Optional.of(1), cache.get("a"));
        cache.put("c", 3);
        assertEquals(Optional.empty(), cache.get("b"), "least recently used goes first");
        assertEquals(2, cache.size());
        LruCache<String, Integer> off = new LruCache<>(0);
        off.put("a", 1);
        assertEquals(Optional.empty(), off.get("a"));
    }
}
