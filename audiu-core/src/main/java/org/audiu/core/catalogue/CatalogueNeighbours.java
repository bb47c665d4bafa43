package org.audiu.core.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.recommender.ArtistCap;
import org.audiu.core.recommender.CappedTopK;
import org.audiu.core.recommender.LibraryExclusions;
import org.audiu.core.recommender.TopK;

/**
 * "More like these" for a handful of seed tracks, without training a model: a model fitted to three rows learns
 * noise (and a single artist's tracks are one tight cluster that a linear model extrapolates away from), while a few
 * seeds are exactly what neighbour methods are made for. A candidate's score adds up:
 * <ul>
 *   <li><b>sound</b>: a kernel density over the seeds in audio-feature space, {@code ln mean_s exp(-d(c,s)^2 / 2h^2)}.
 *   Features are standardised over the catalogue and weighted by how well they tell artists apart (Fisher's ratio
 *   of their variance between artists to their variance within one artist's tracks: key, which varies within every
 *   artist, counts for nothing), and {@code h^2} is the mean squared distance between two tracks of one artist in
 *   that space, so "close" means "as close as an artist's own songs are to each other";</li>
 *   <li><b>artist neighbours</b>: minus {@code artistSoundWeight * |centre(candidate's artist) - centre(seeds)|^2 /
 *   2h^2}: the candidate's artist sounds, on average, like the seeds do;</li>
 *   <li><b>playlists</b>: {@code playlistWeight * ln(1 + sum over the catalogue's playlists holding the candidate of
 *   (seeds in it) / sqrt(its size))}: songs that people put next to the seeds;</li>
 *   <li><b>artists in playlists</b>: {@code artistPlaylistWeight * ln(1 + playlists holding both the candidate's
 *   artist and a seed's artist)}: artists played alongside the seeds' artists;</li>
 *   <li><b>same artist</b>: {@code sameArtistWeight} when the candidate is by a seed's artist (more by the artist of
 *   a track you picked).</li>
 * </ul>
 * No genre label is used. The seeds themselves (by id and by artist + title) are never recommended, each song comes
 * once, and at most {@link Settings#perArtist()} tracks per artist. The score in each {@link Recommendation} is the
 * logistic of that sum (0..1) and its ranking score is the sum itself. Built once per catalogue
 * (linear in its size); immutable and thread-safe.
 */
public final class CatalogueNeighbours {
    /**
     * @param artistSoundWeight    weight of the distance between the candidate's artist's average sound and the
     *                             seeds' average (artist neighbours; 0 to compare tracks only)
     * @param playlistWeight       weight of playlist co-membership with the seeds (0 to ignore playlists)
     * @param artistPlaylistWeight weight of the candidate's artist sharing playlists with a seed's artist
     * @param sameArtistWeight     bonus for a candidate by a seed's artist
     * @param perArtist            at most this many recommendations per artist
     */
    public record Settings(double artistSoundWeight, double playlistWeight, double artistPlaylistWeight,
                           double sameArtistWeight, int perArtist) {
        public Settings {
            for (double w : new double[] {artistSoundWeight, playlistWeight, artistPlaylistWeight,
                sameArtistWeight}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("Neighbour weights must be finite and >= 0, got "
                            + artistSoundWeight + ", " + playlistWeight + ", " + artistPlaylistWeight + ", "
                            + sameArtistWeight);
                }
            }
            if (perArtist < 1) {
                throw new IllegalArgumentException("perArtist must be >= 1, got " + perArtist);
            }
        }

        /** The weights measured on the demo catalogue and spotify_songs.csv (docs/measurements.md). */
        public static Settings defaults(int perArtist) {
            return new Settings(0.5, 2.0, 0.5, 1.0, perArtist);
        }
    }

    private final Catalogue catalogue;
    private final Settings settings;
    private final List<CatalogueTrack> tracks;
    private final Map<String, Integer> indexOf;
    /** Weighted standardised features, row per track; a missing value is 0 (the catalogue mean). */
    private final double[][] space;
    private final double twoBandwidthSquared;
    private final double artistPairSquaredDistance;
    /** The mean of each track's artist's tracks in {@link #space} (shared arrays per artist). */
    private final double[][] artistCentre;
    private final int[][] playlistsOfTrack;
    private final double[] playlistScale;
    private final Map<String, int[]> playlistsOfArtist;
    private final String[] artistOf;

    public CatalogueNeighbours(Catalogue catalogue, Settings settings) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tracks = List.copyOf(catalogue.tracks());
        this.indexOf = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            indexOf.put(tracks.get(i).id(), i);
        }
        this.artistOf = new String[tracks.size()];
        for (int i = 0; i < artistOf.length; i++) {
            artistOf[i] = ArtistCap.groupOf(tracks.get(i).track());
        }
        int f = catalogue.schema().size();
        double[][] raw = new double[tracks.size()][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = tracks.get(i).features().values();
        }
        double[] mean = new double[f];
        double[] sd = new double[f];
        double[] weight = new double[f];
        double spread = 0;
        for (int j = 0; j < f; j++) {
            double[] stats = artistVariance(raw, j);
            mean[j] = stats[0];
            sd[j] = Math.sqrt(stats[1]);
            // Fisher's ratio, between-artist over within-artist variance; 0 when the feature does not vary
            weight[j] = stats[2] > 0 ? Math.max(0, stats[1] / stats[2] - 1) : 0;
            spread += stats[1] > 0 ? weight[j] * stats[2] / stats[1] : 0;
        }
        this.space = new double[tracks.size()][f];
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < f; j++) {
                double x = raw[i][j];
                space[i][j] = Double.isFinite(x) && sd[j] > 0 ? (x - mean[j]) / sd[j] * Math.sqrt(weight[j]) : 0;
            }
        }
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < space.length; i++) {
            double[] acc = sums.computeIfAbsent(artistOf[i], a -> new double[f + 1]);
            for (int j = 0; j < f; j++) {
                acc[j] += space[i][j];
            }
            acc[f]++;
        }
        this.artistCentre = new double[space.length][];
        Map<String, double[]> centres = new HashMap<>();
        sums.forEach((a, acc) -> {
            double[] c = new double[f];
            for (int j = 0; j < f; j++) {
                c[j] = acc[j] / acc[f];
            }
            centres.put(a, c);
        });
        for (int i = 0; i < space.length; i++) {
            artistCentre[i] = centres.get(artistOf[i]);
        }
        // h^2 is the expected squared distance between two tracks of one artist, 2 * spread (measured best against
        // h^2 = spread and 4 * spread on the demo catalogue: docs/measurements.md)
        this.artistPairSquaredDistance = 2 * Math.max(spread, 1e-6);
        this.twoBandwidthSquared = 2 * artistPairSquaredDistance;
        List<CataloguePlaylist> lists = List.copyOf(catalogue.playlists());
        List<List<Integer>> byTrack = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            byTrack.add(new ArrayList<>(1));
        }
        Map<String, Set<Integer>> byArtist = new HashMap<>();
        this.playlistScale = new double[lists.size()];
        for (int p = 0; p < lists.size(); p++) {
            List<String> ids = lists.get(p).trackIds();
            playlistScale[p] = 1 / Math.sqrt(ids.size());
            for (String id : ids) {
                Integer i = indexOf.get(id);
                if (i != null) {
                    byTrack.get(i).add(p);
                    byArtist.computeIfAbsent(artistOf[i], a -> new HashSet<>()).add(p);
                }
            }
        }
        this.playlistsOfTrack = byTrack.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        Map<String, int[]> artists = new HashMap<>();
        byArtist.forEach((a, set) -> artists.put(a, set.stream().mapToInt(Integer::intValue).sorted().toArray()));
        this.playlistsOfArtist = Map.copyOf(artists);
    }

    /** {mean, total variance, mean within-artist variance} of feature {@code j} over the finite values. */
    private double[] artistVariance(double[][] raw, int j) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        Map<String, double[]> perArtist = new HashMap<>();
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i][j];
            if (!Double.isFinite(x)) {
                continue;
            }
            sum += x;
            sumSq += x * x;
            n++;
            double[] a = perArtist.computeIfAbsent(artistOf[i], k -> new double[3]);
            a[0] += x;
            a[1] += x * x;
            a[2]++;
        }
        if (n < 2) {
            return new double[] {0, 0, 0};
        }
        double mean = sum / n;
        double total = Math.max(0, sumSq / n - mean * mean);
        double within = 0;
        double weightSum = 0;
        for (double[] a : perArtist.values()) {
            if (a[2] >= 2) {
                double m = a[0] / a[2];
                within += Math.max(0, a[1] - a[2] * m * m);
                weightSum += a[2] - 1;
            }
        }
        // without artists of two or more tracks, nothing tells within from between: count it all as within
        double withinVariance = weightSum > 0 ? within / weightSum : total;
        return new double[] {mean, total, Math.min(total, withinVariance)};
    }

    /**
     * The best {@code k} catalogue tracks for the seeds, best first, with reasons.
     *
     * @param seeds catalogue tracks (at least one); tracks not in this catalogue are ignored
     * @throws IllegalArgumentException when no seed is in the catalogue or {@code k < 1}
     */
    public List<Recommendation> recommend(List<CatalogueTrack> seeds, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        List<Integer> seedIndex = new ArrayList<>();
        for (CatalogueTrack s : new LinkedHashSet<>(seeds)) {
            Integer i = indexOf.get(s.id());
            if (i != null) {
                seedIndex.add(i);
            }
        }
        if (seedIndex.isEmpty()) {
            throw new IllegalArgumentException("None of the " + seeds.size() + " seeds is in the catalogue ("
                    + catalogue.source() + ")");
        }
        LibraryExclusions exclusions = LibraryExclusions.of(new ListenerLibrary(List.of(), List.of(new Playlist(
                "seeds", "Seeds", true, seedIndex.stream().map(i -> PlaylistItem.of(tracks.get(i).track())).toList())),
                Map.of(), Map.of(), List.of()));
        double[] seedsInPlaylist = new double[playlistScale.length];
        for (int s : seedIndex) {
            for (int p : playlistsOfTrack[s]) {
                seedsInPlaylist[p]++;
            }
        }
        Set<String> seedArtists = new HashSet<>();
        seedIndex.forEach(s -> seedArtists.add(artistOf[s]));
        boolean[] seedArtistPlaylist = new boolean[playlistScale.length];
        for (String a : seedArtists) {
            for (int p : playlistsOfArtist.getOrDefault(a, new int[0])) {
                seedArtistPlaylist[p] = true;
            }
        }
        Map<String, Integer> artistShared = new HashMap<>();
        double[] seedCentre = new double[space[0].length];
        for (int sIdx : seedIndex) {
            for (int j = 0; j < seedCentre.length; j++) {
                seedCentre[j] += space[sIdx][j] / seedIndex.size();
            }
        }
        CappedTopK<Integer> top = new CappedTopK<>(k, settings.perArtist(), i -> artistOf[i],
                i -> songIdentity(tracks.get(i).track()));
        for (int c = 0; c < tracks.size(); c++) {
            CatalogueTrack candidate = tracks.get(c);
            Track t = candidate.track();
            if (exclusions.excludes(t, candidate.keys())) {
                continue;
            }
            top.offer(c, score(c, seedIndex, seedCentre, seedsInPlaylist, seedArtists, seedArtistPlaylist, artistShared), t.id());
        }
        List<Recommendation> out = new ArrayList<>();
        for (TopK.Scored<Integer> s : top.sortedDescending()) {
            int c = s.item();
            out.add(new Recommendation(tracks.get(c).track(), 1 / (1 + Math.exp(-s.score())), s.score(),
                    reasons(c, seedIndex, seedsInPlaylist, seedArtists, artistShared)));
        }
        return out;
    }

    private double score(int c, List<Integer> seeds, double[] seedCentre, double[] seedsInPlaylist,
                         Set<String> seedArtists, boolean[] seedArtistPlaylist, Map<String, Integer> artistShared) {
        double sound = soundDensity(c, seeds)
                - settings.artistSoundWeight() * squared(artistCentre[c], seedCentre) / twoBandwidthSquared;
        double together = playlistsWithSeeds(c, seedsInPlaylist);
        double score = sound + settings.playlistWeight() * Math.log1p(together);
        String artist = artistOf[c];
        if (seedArtists.contains(artist)) {
            score += settings.sameArtistWeight();
        } else if (settings.artistPlaylistWeight() > 0) {
            int shared = artistShared.computeIfAbsent(artist, a -> sharedPlaylists(a, seedArtistPlaylist));
            score += settings.artistPlaylistWeight() * Math.log1p(shared);
        }
        return score;
    }

    /** {@code ln mean_s exp(-d^2 / 2h^2)}, computed stably (log-sum-exp). */
    private double soundDensity(int c, List<Integer> seeds) {
        double[] logs = new double[seeds.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < logs.length; s++) {
            logs[s] = -squaredDistance(c, seeds.get(s)) / twoBandwidthSquared;
            max = Math.max(max, logs[s]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return max + Math.log(sum / logs.length);
    }

    private static double squared(double[] x, double[] y) {
        double d = 0;
        for (int j = 0; j < x.length; j++) {
            double diff = x[j] - y[j];
            d += diff * diff;
        }
        return d;
    }

    private double squaredDistance(int a, int b) {
        double[] x = space[a];
        double[] y = space[b];
        double d = 0;
        for (int j = 0; j < x.length; j++) {
            double diff = x[j] - y[j];
            d += diff * diff;
        }
        return d;
    }

    private double playlistsWithSeeds(int c, double[] seedsInPlaylist) {
        double together = 0;
        for (int p : playlistsOfTrack[c]) {
            together += seedsInPlaylist[p] * playlistScale[p];
        }
        return together;
    }

    private int sharedPlaylists(String artist, boolean[] seedArtistPlaylist) {
        int n = 0;
        for (int p : playlistsOfArtist.getOrDefault(artist, new int[0])) {
            if (seedArtistPlaylist[p]) {
                n++;
            }
        }
        return n;
    }

    private List<String> reasons(int c, List<Integer> seeds, double[] seedsInPlaylist, Set<String> seedArtists,
                                 Map<String, Integer> artistShared) {
        List<String> why = new ArrayList<>();
        int nearest = seeds.get(0);
        double best = Double.POSITIVE_INFINITY;
        for (int s : seeds) {
            double d = squaredDistance(c, s);
            if (d < best) {
                best = d;
                nearest = s;
            }
        }
        Track n = tracks.get(nearest).track();
        why.add("sounds like '" + n.name() + "'" + (n.artistsText().isEmpty() ? "" : " by " + n.artistsText())
                + " (" + closeness(best) + ")");
        int together = 0;
        for (int p : playlistsOfTrack[c]) {
            if (seedsInPlaylist[p] > 0) {
                together++;
            }
        }
        if (together > 0) {
            why.add("in " + together + (together == 1 ? " playlist" : " playlists") + " with your seeds");
        }
        Track t = tracks.get(c).track();
        if (seedArtists.contains(artistOf[c])) {
            why.add("more by " + t.mainArtist() + ", the artist of a seed");
        } else {
            int shared = artistShared.getOrDefault(artistOf[c], 0);
            if (shared > 0) {
                why.add(t.mainArtist() + " shares " + shared + (shared == 1 ? " playlist" : " playlists")
                        + " with your seeds' artists");
            }
        }
        return why;
    }

    /** The squared distance in units of the typical distance between two songs of one artist. */
    private String closeness(double squaredDistance) {
        double ratio = Math.sqrt(squaredDistance / artistPairSquaredDistance);
        return ratio <= 1 ? "as close as one artist's songs" : String.format(Locale.ROOT,
                "%.1fx the distance between one artist's songs", ratio);
    }

    private static String songIdentity(Track t) {
        return t.name().isEmpty() ? "" : LibraryExclusions.songKey(t);
    }

    /** The catalogue searched. */
    public Catalogue catalogue() {
        return catalogue;
    }

    public Settings settings() {
        return settings;
    }
}
