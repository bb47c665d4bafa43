package org.audiu.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.junit.jupiter.api.Test;

/** Few-seed recommendations by sound, artists and playlists, on small catalogues built to show each part. */
class CatalogueNeighboursTest {
    /** "sound" tells artists apart; "key" varies within every artist and must not count. */
    private static final FeatureSchema SCHEMA = FeatureSchema.of("sound", "key");

    private static CatalogueTrack track(String id, String artist, double sound, double key) {
        return new CatalogueTrack(Track.builder(id, "Song " + id).artists(artist).build(),
                new FeatureVector(SCHEMA, new double[] {sound, key}));
    }

    /** 12 artists at sounds 0, 1, ..., 11, five tracks each close to their artist's sound, keys at random. */
    private static List<CatalogueTrack> artists(Random random) {
        List<CatalogueTrack> out = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            for (int t = 0; t < 5; t++) {
                out.add(track("a" + a + "t" + t, "Artist " + a, a + 0.3 * random.nextGaussian(),
                        random.nextInt(12)));
            }
        }
        return out;
    }

    private static CatalogueNeighbours neighbours(List<CatalogueTrack> tracks, List<CataloguePlaylist> playlists,
                                                  int perArtist) {
        return new CatalogueNeighbours(new Catalogue("test", SCHEMA, tracks, playlists),
                CatalogueNeighbours.Settings.defaults(perArtist));
    }

    private static List<String> artistsOf(List<Recommendation> recs) {
        return recs.stream().map(r -> r.track().mainArtist()).toList();
    }

    @Test
    void theNearestArtistsBySoundComeFirstWhateverTheirKey() {
        List<CatalogueTrack> tracks = artists(new Random(1));
        CatalogueNeighbours n = neighbours(tracks, List.of(), 2);
        List<CatalogueTrack> seeds = tracks.stream().filter(t -> t.track().mainArtist().equals("Artist 5")).toList();
        List<Recommendation> recs = n.recommend(seeds, 4);
        assertEquals(4, recs.size());
        assertEquals(Set.of("Artist 4", "Artist 6"), new HashSet<>(artistsOf(recs)),
                "the two artists next to artist 5 on the sound axis, two tracks each (the cap): " + artistsOf(recs));
        for (int i = 1; i < recs.size(); i++) {
            assertTrue(recs.get(i - 1).score() >= recs.get(i).score(), "best first");
        }
        assertTrue(recs.get(0).reasons().get(0).startsWith("sounds like 'Song a5t"), recs.get(0).reasons().toString());
    }

    @Test
    void seedsAreNeverRecommendedAndEachSongComesOnce() {
        List<CatalogueTrack> tracks = new ArrayList<>(artists(new Random(2)));
        // the seed again under another id, and one song of artist 6 twice
        tracks.add(new CatalogueTrack(Track.builder("copy", "Song a5t0").artists("Artist 5").build(),
                new FeatureVector(SCHEMA, new double[] {5, 0})));
        tracks.add(new CatalogueTrack(Track.builder("twin", "Song a6t0").artists("Artist 6").build(),
                new FeatureVector(SCHEMA, new double[] {6, 0})));
        CatalogueNeighbours n = neighbours(tracks, List.of(), 10);
        CatalogueTrack seed = tracks.stream().filter(t -> t.id().equals("a5t0")).findFirst().orElseThrow();
        List<Recommendation> recs = n.recommend(List.of(seed), 30);
        List<String> ids = recs.stream().map(r -> r.track().id()).toList();
        assertFalse(ids.contains("a5t0") || ids.contains("copy"), "the seed, by id or by artist + title: " + ids);
        assertEquals(1, ids.stream().filter(id -> id.equals("twin") || id.equals("a6t0")).count(), ids.toString());
        assertEquals(new HashSet<>(ids).size(), ids.size());
    }

    @Test
    void aTrackSeedBringsMoreByItsArtistAndTheArtistCapHolds() {
        List<CatalogueTrack> tracks = artists(new Random(3));
        CatalogueNeighbours n = neighbours(tracks, List.of(), 2);
        List<Recommendation> recs = n.recommend(List.of(tracks.get(0)), 10);
        Map<String, Integer> perArtist = new HashMap<>();
        recs.forEach(r -> perArtist.merge(r.track().mainArtist(), 1, Integer::sum));
        assertEquals(2, perArtist.get("Artist 0"), "more by the seed's artist first, up to the cap: " + perArtist);
        assertTrue(perArtist.values().stream().allMatch(c -> c <= 2), perArtist.toString());
        assertTrue(recs.get(0).reasons().stream().anyMatch(r -> r.startsWith("more by Artist 0")),
                recs.get(0).reasons().toString());
    }

    @Test
    void playlistsSharedWithTheSeedsLiftATrackAboveCloserSoundingOnes() {
        List<CatalogueTrack> tracks = artists(new Random(4));
        CatalogueTrack seed = tracks.get(0);
        // without playlists: the neighbouring artist's track that sounds least like the seed
        List<String> without = neighbours(tracks, List.of(), 5).recommend(List.of(seed), 60).stream()
                .filter(r -> r.track().mainArtist().equals("Artist 1")).map(r -> r.track().id()).toList();
        String lifted = without.get(without.size() - 1);
        List<CataloguePlaylist> playlists = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            playlists.add(new CataloguePlaylist("p" + p, "mix " + p, List.of(seed.id(), lifted)));
        }
        List<Recommendation> with = neighbours(tracks, playlists, 5).recommend(List.of(seed), 60).stream()
                .filter(r -> r.track().mainArtist().equals("Artist 1")).toList();
        List<String> withIds = with.stream().map(r -> r.track().id()).toList();
        assertEquals(without.size() - 1, without.indexOf(lifted));
        assertTrue(withIds.indexOf(lifted) <= 1, "from last of " + without.size() + " to first or second, as people "
                + "put it next to the seed three times: " + withIds);
        Recommendation r = with.get(withIds.indexOf(lifted));
        assertTrue(r.reasons().contains("in 3 playlists with your seeds"), r.reasons().toString());
    }

    @Test
    void scoresOrderTheListWithoutTies() {
        List<CatalogueTrack> tracks = artists(new Random(5));
        List<Recommendation> recs = neighbours(tracks, List.of(), 2).recommend(tracks.subList(0, 3), 10);
        Set<String> shown = new HashSet<>();
        recs.forEach(r -> shown.add(String.format(java.util.Locale.ROOT, "%.2f", r.rankingScore())));
        assertEquals(recs.size(), shown.size(), "every ranking score differs at two decimals: " + shown);
        recs.forEach(r -> assertTrue(r.score() > 0 && r.score() < 1, "a logistic of the sum: " + r.score()));
    }

    @Test
    void badArgumentsAreRejected() {
        List<CatalogueTrack> tracks = artists(new Random(6));
        CatalogueNeighbours n = neighbours(tracks, List.of(), 2);
        assertThrows(IllegalArgumentException.class, () -> n.recommend(tracks.subList(0, 1), 0));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> n.recommend(
                List.of(track("elsewhere", "Nobody", 1, 1)), 3));
        assertTrue(unknown.getMessage().contains("None of the 1 seeds is in the catalogue"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CatalogueNeighbours.Settings(-1, 1, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new CatalogueNeighbours.Settings(1, Double.NaN, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new CatalogueNeighbours.Settings(1, 1, 1, 1, 0));
    }
}
