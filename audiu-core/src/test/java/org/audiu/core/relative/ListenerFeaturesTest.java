package org.audiu.core.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;
import org.audiu.core.spi.preference.PreferenceScores;
import org.junit.jupiter.api.Test;

class ListenerFeaturesTest {
    private static final FeatureSchema SCHEMA = FeatureSchema.of("danceability", "energy", "tempo");
    private static final double EPS = 1e-12;

    private static Track track(String id, String artist, String album, int year, double popularity) {
        return Track.builder(id, "Song " + id).artists(artist).album(album).releaseYear(year).popularity(popularity)
                .durationMs(200_000).build();
    }

    /** Six library tracks: artist A x3 (two on album X), B x2, C x1. */
    private static final List<Track> LIBRARY = List.of(
            track("a1", "Artist A", "X", 2001, 50),
            track("a2", "artist a ", "X", 2002, 60),
            track("a3", "Artist A", "Y", 2010, 70),
            track("b1", "Artist B", "Z", 1999, 20),
            track("b2", "Artist B", "Z", 2000, 30),
            track("c1", "Artist C", "W", 1985, 90));
    private static final double[][] ROWS = {
        {0.5, 0.6, 120}, {0.55, 0.65, 118}, {0.6, 0.7, 125}, {0.2, 0.3, 90}, {0.25, 0.35, 95}, {0.9, 0.9, 140}};

    /** Catalogue groups: 0 is the listener's own playlist "mine"; 1 and 2 are other people's. */
    private static final class Groups implements CoMembershipIndex {
        private final Map<String, int[]> byTrack = Map.of("a1", new int[] {0, 1}, "a2", new int[] {0, 1},
                "b1", new int[] {0, 2}, "cand-x", new int[] {1}, "cand-own-only", new int[] {0}, "cand-b",
                new int[] {2});
        private final Map<String, int[]> byArtist = Map.of("artist a", new int[] {0, 1}, "artist b",
                new int[] {0, 2}, "artist q", new int[] {1});

        @Override public int groupCount() { return 3; }
        @Override public List<String> tracksOfGroup(int group) { return membersOf(byTrack, group); }
        @Override public List<String> artistsOfGroup(int group) { return membersOf(byArtist, group); }
        @Override public int groupSize(int group) { return new int[] {6, 4, 5}[group]; }
        @Override public int[] groupsOf(String trackId) { return byTrack.getOrDefault(trackId, NONE); }
        @Override public int[] groupsOfArtist(String artist) { return byArtist.getOrDefault(artist, NONE); }
        @Override public int groupOfPlaylist(String playlistId) { return playlistId.equals("mine") ? 0 : -1; }

        /** The keys whose groups hold {@code group}, in key order. */
        private static List<String> membersOf(Map<String, int[]> groups, int group) {
            return groups.entrySet().stream().filter(e -> Arrays.stream(e.getValue()).anyMatch(g -> g == group))
                    .map(Map.Entry::getKey).sorted().toList();
        }
    }

    private static ListenerContext context(List<Track> tracks, boolean withGroups) {
        Map<String, Double> scores = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        for (Track t : tracks) {
            scores.put(t.id(), 0.2 + 0.1 * LIBRARY.indexOf(t));
            rows.add(ROWS[LIBRARY.indexOf(t)]);
        }
        ListenerLibrary library = new ListenerLibrary(List.of(), List.of(new Playlist("mine", "Mine", true,
                tracks.stream().map(PlaylistItem::of).toList())), Map.of(), Map.of(), List.of());
        return new ListenerContext(library, new PreferenceScores(scores, Map.of(), List.of()), tracks,
                rows.toArray(double[][]::new), SCHEMA, withGroups ? Optional.of(new Groups()) : Optional.empty());
    }

    private static double[] compute(ListenerFeature f, ListenerContext c, Track t, double[] row, boolean self) {
        double[] out = new double[f.columns().size()];
        f.fit(c).orElseThrow().compute(t, row, self, out, 0);
        return out;
    }

    @Test
    void artistShareCountsTheLibraryByNormalisedArtist() {
        ListenerContext c = context(LIBRARY, false);
        Track candidate = track("new", "ARTIST A", "Q", 2005, 55);
        double[] v = compute(new ArtistAffinity(), c, candidate, ROWS[0], false);
        assertEquals(3.0 / 6, v[0], EPS);
        double total = 0.2 + 0.3 + 0.4 + 0.5 + 0.6 + 0.7;
        assertEquals((0.2 + 0.3 + 0.4) / total, v[1], EPS);
        assertEquals(0, v[2], EPS, "no top artists in this library");
        double[] stranger = compute(new ArtistAffinity(), c, track("s", "Nobody", "", 2005, 55), ROWS[0], false);
        assertEquals(0, stranger[0], EPS);
        assertEquals(0, stranger[1], EPS);
    }

    /**
     * The leave-one-out rule: a library track's training row equals what the same track would get as a candidate
     * of the library without it. Holds exactly for every built-in column but year_distance (whose spread is the
     * whole library's).
     */
    @Test
    void libraryTracksLeaveThemselvesOut() {
        ListenerContext full = context(LIBRARY, true);
        List<ListenerFeature> features = List.of(new ArtistAffinity(), new AlbumAffinity(), new CoMembership(),
                new PopularityProximity(), new AudioSimilarity(AudioSimilarity.DEFAULT_FEATURES),
                new ReleaseYearProximity(2));
        for (int i = 0; i < LIBRARY.size(); i++) {
            Track t = LIBRARY.get(i);
            List<Track> others = new ArrayList<>(LIBRARY);
            others.remove(t);
            ListenerContext without = context(others, true);
            for (ListenerFeature f : features) {
                double[] asTraining = compute(f, full, t, ROWS[i], true);
                double[] asCandidate = compute(f, without, t, ROWS[i], false);
                for (int j = 0; j < asTraining.length; j++) {
                    if (f.columns().get(j).equals("year_distance")) {
                        continue;
                    }
                    assertEquals(asCandidate[j], asTraining[j], 1e-9, f.columns().get(j) + " of " + t.id());
                }
            }
        }
    }

    @Test
    void albumShareKeysAlbumsByArtist() {
        ListenerContext c = context(LIBRARY, false);
        assertEquals(2.0 / 6, compute(new AlbumAffinity(), c, track("n", "Artist A", "x", 2001, 1), ROWS[0],
                false)[0], EPS);
        assertEquals(0, compute(new AlbumAffinity(), c, track("n", "Artist B", "X", 2001, 1), ROWS[0], false)[0],
                EPS, "album X of another artist is another album");
    }

    @Test
    void coMembershipIgnoresTheListenersOwnPlaylist() {
        ListenerContext c = context(LIBRARY, true);
        // Group 1 (size 4) holds a1, a2 of the library; group 2 (size 5) holds b1; group 0 is the listener's own.
        double[] x = compute(new CoMembership(), c, track("cand-x", "Artist Q", "", 2000, 1), ROWS[0], false);
        assertEquals(2.0 / 4, x[0], EPS);
        assertEquals(2.0 / 4, x[1], EPS, "artist Q is in group 1");
        double[] own = compute(new CoMembership(), c, track("cand-own-only", "Nobody", "", 2000, 1), ROWS[0],
                false);
        assertEquals(0, own[0], EPS, "sharing only the listener's own playlist says nothing");
        assertEquals(0, own[1], EPS);
        double[] b = compute(new CoMembership(), c, track("cand-b", "Artist B", "", 2000, 1), ROWS[0], false);
        assertEquals(1.0 / 5, b[0], EPS);
        assertEquals(1.0 / 5, b[1], EPS, "artist B's groups: own (ignored) and group 2");
    }

    @Test
    void releaseYearAndPopularityAreRelativeToTheLibrary() {
        ListenerContext c = context(LIBRARY, false);
        // years 1985 1999 2000 2001 2002 2010: median 2000.5, deviations 0.5 0.5 1.5 1.5 10.5 15.5 -> MAD 1.5
        double[] y = compute(new ReleaseYearProximity(2), c, track("n", "Q", "", 2003, 1), ROWS[0], false);
        assertEquals(2.5 / (1.4826 * 1.5), y[0], EPS);
        assertEquals(2.0 / 6, y[1], EPS, "within 2 years of 2003: 2001 and 2002");
        double mean = (50 + 60 + 70 + 20 + 30 + 90) / 6.0;
        double sd = Math.sqrt((50 * 50 + 60 * 60 + 70 * 70 + 20 * 20 + 30 * 30 + 90 * 90) / 6.0 - mean * mean);
        double[] p = compute(new PopularityProximity(), c, track("n", "Q", "", 2003, 80), ROWS[0], false);
        assertEquals(Math.abs(80 - mean) / sd, p[0], EPS);
        Track unknown = Track.builder("u", "U").artists("Q").build();
        double[] none = compute(new PopularityProximity(), c, unknown, ROWS[0], false);
        assertTrue(Double.isNaN(none[0]), "unknown popularity is missing, for the model to impute");
    }

    /** The constant columns as the engine found them before: every column of every track, then min == max. */
    private static List<String> constantByFullRows(FittedListenerFeatures f, List<Track> tracks) {
        int base = f.baseSchema().size();
        double[] nan = new double[base];
        Arrays.fill(nan, Double.NaN);
        int n = f.listenerColumns().size();
        double[] min = new double[n];
        double[] max = new double[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (Track t : tracks) {
            double[] row = f.extend(t, nan, false);
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(row[base + j])) {
                    min[j] = Math.min(min[j], row[base + j]);
                    max[j] = Math.max(max[j], row[base + j]);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (min[j] == max[j]) {
                out.add(f.listenerColumns().get(j));
            }
        }
        return out;
    }

    @Test
    void columnRangesFindTheSameConstantColumnsAsFullRows() {
        FittedListenerFeatures f = ListenerFeatures.defaults().fit(context(LIBRARY, true));
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        String[] artists = {"Artist A", "artist b", "Nobody", "Someone Else", "Artist C"};
        String[] albums = {"X", "Z", "Q"};
        List<List<Track>> pools = new ArrayList<>();
        pools.add(List.of(track("n1", "Nobody", "Q", 2000, 50), track("n2", "Nobody", "Q", 2000, 50),
                track("n3", "Nobody", "Q", 2000, 50)));
        pools.add(List.of(track("n1", "Nobody", "Q", 1990, 10), track("cand-x", "Someone", "Q", 2000, 50)));
        for (int p = 0; p < 20; p++) {
            List<Track> pool = new ArrayList<>();
            int size = 1 + r.nextInt(60);
            for (int i = 0; i < size; i++) {
                Track.Builder b = Track.builder((r.nextInt(4) == 0 ? "cand-x" : "t" + p + "-" + i), "Song " + i)
                        .artists(artists[r.nextInt(p < 5 ? 2 : artists.length)])
                        .album(albums[r.nextInt(albums.length)]).durationMs(200_000);
                if (r.nextInt(3) > 0) {
                    b.releaseYear(p < 3 ? 2000 : 1980 + r.nextInt(40));
                }
                if (r.nextInt(3) > 0) {
                    b.popularity(p < 3 ? 40 : r.nextInt(100));
                }
                pool.add(b.build());
            }
            pools.add(pool);
        }
        boolean someConstant = false;
        for (List<Track> pool : pools) {
            FittedListenerFeatures.ColumnRanges ranges = f.columnRanges();
            pool.forEach(t -> ranges.observe(t, null));
            List<String> expected = constantByFullRows(f, pool);
            assertEquals(expected, ranges.constantColumns(), pool.toString());
            FittedListenerFeatures.ColumnRanges byKeys = f.columnRanges();
            pool.forEach(t -> byKeys.observe(t, org.audiu.core.spi.candidates.TrackKeys.of(t)));
            assertEquals(expected, byKeys.constantColumns(), "with the tracks' keys");
            someConstant |= !expected.isEmpty() && expected.size() < f.listenerColumns().size();
        }
        assertTrue(someConstant, "some pools have constant columns and varying ones");
    }

    @Test
    void featuresWithoutDataAreLeftOut() {
        List<Track> bare = List.of(Track.builder("x1", "A").artists("A").build(),
                Track.builder("x2", "B").artists("B").build());
        Map<String, Double> scores = Map.of("x1", 1.0, "x2", 1.0);
        ListenerContext c = new ListenerContext(new ListenerLibrary(List.of(), List.of(new Playlist("p", "", true,
                bare.stream().map(PlaylistItem::of).toList())), Map.of(), Map.of(), List.of()),
                new PreferenceScores(scores, Map.of(), List.of()), bare, new double[][] {{0.1, 0.2, 100},
                {0.3, 0.4, 110}}, SCHEMA, Optional.empty());
        FittedListenerFeatures fitted = ListenerFeatures.defaults().fit(c);
        assertEquals(List.of("album-affinity", "co-membership", "release-year", "popularity"), fitted.skipped());
        assertEquals(List.of("artist-affinity", "audio-similarity"), fitted.used());
        assertEquals(List.of("danceability", "energy", "tempo", "artist_share", "artist_preference", "artist_top",
                "audio_distance"), fitted.schema().names());
        double[] row = fitted.extend(bare.get(0), new double[] {0.1, 0.2, 100}, true);
        assertEquals(7, row.length);
        assertEquals(0.1, row[0], EPS);
    }

    @Test
    void noListenerFeaturesLeavesRowsAsTheyAre() {
        FittedListenerFeatures none = ListenerFeatures.none().fit(context(LIBRARY, true));
        assertEquals(SCHEMA, none.schema());
        double[] row = {1, 2, 3};
        assertEquals(row, none.extend(LIBRARY.get(0), row, false));
    }

    @Test
    void twoFeaturesWithTheSameColumnFail() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ListenerFeatures(List.of(
                new ListenerFeatures.Named("a", new AlbumAffinity()), new ListenerFeatures.Named("b",
                        new AlbumAffinity()))));
        assertTrue(e.getMessage().contains("album_share"), e.getMessage());
    }
}
