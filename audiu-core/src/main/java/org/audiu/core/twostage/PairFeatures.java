package org.audiu.core.twostage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.twostage.retrieval.ArtistRetriever;
import org.audiu.core.twostage.retrieval.CoMembershipRetriever;

/**
 * Stage 2's description of each (listener, candidate) pair, one row of {@link #names()} per candidate, NaN where a
 * value is unknown (the ranker's trees send missing values their own way):
 * <ul>
 *   <li>the listener's own model: its score, and the score over the best score among the candidates;</li>
 *   <li>artists: library tracks by the candidate's main artist, their share of the library, the share of the
 *       library's top artist (how artist-loyal the listener is);</li>
 *   <li>co-membership over the usable playlists (the query's left-out ones, the listener's own, count for nothing):
 *       the item-item score, over the best among the candidates, its largest single-playlist term, the playlists it
 *       shares with the library; the playlists its artist shares with the library's artists, and over the best.
 *       There is deliberately no "playlists holding the candidate" column: with the listener's own playlist left
 *       out, a track of no other playlist would count 0, which marks the listener's own (hidden) tracks;</li>
 *   <li>sound: cosine to the library's mean standardised audio, the smallest squared distance to a library track;</li>
 *   <li>popularity, and its difference from the library's mean; release year, and its distance from the library's
 *       median; library tracks from the candidate's album; the library's size;</li>
 *   <li>per retriever: the candidate's rank in its list (NaN when it did not propose it); how many proposed it.</li>
 * </ul>
 * Listening-history signals (plays, skips) are not columns yet: playlist listeners have none.
 */
public final class PairFeatures {
    private static final List<String> FIXED = List.of("model-score", "model-score-to-best", "artist-tracks",
            "artist-share", "top-artist-share", "co-membership", "co-membership-to-best", "co-membership-max",
            "co-membership-playlists", "related-artist", "related-artist-to-best",
            "audio-cosine", "audio-nearest", "popularity", "popularity-diff", "year", "year-distance", "album-tracks",
            "library-size");

    private final TwoStageCatalogue catalogue;
    private final List<String> retrievers;
    private final List<String> names;

    /** @param retrievers the retrievers' names, in the candidate sets' column order */
    public PairFeatures(TwoStageCatalogue catalogue, List<String> retrievers) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.retrievers = List.copyOf(retrievers);
        List<String> n = new ArrayList<>(FIXED);
        for (String r : this.retrievers) {
            n.add("rank:" + r);
        }
        n.add("retrievers-found");
        this.names = List.copyOf(n);
    }

    /** The columns, in row order. */
    public List<String> names() {
        return names;
    }

    /** The columns that come from the listener's own model (NaN in every row when it did not run). */
    public static List<String> modelColumns() {
        return List.of("model-score", "model-score-to-best", "rank:listener-model");
    }

    /** One row per candidate, in the set's order. */
    public double[][] rows(RetrievalQuery query, CandidateSet set) {
        if (!set.retrievers().equals(retrievers)) {
            throw new IllegalArgumentException("Candidate set of retrievers " + set.retrievers() + "; these features "
                    + "were laid out for " + retrievers);
        }
        int[] lib = query.library();
        int n = set.size();
        double libSize = Math.max(1, lib.length);
        int[] artistCount = ArtistRetriever.artistCounts(query);
        int topArtist = Arrays.stream(artistCount).max().orElse(0);
        double[] groupWeight = CoMembershipRetriever.groupWeights(query);
        double[] related = ArtistRetriever.relatedArtists(query);
        int d = lib.length == 0 ? 0 : catalogue.audio(lib[0]).length;
        double[] centre = new double[d];
        double popSum = 0;
        List<Double> years = new ArrayList<>();
        Map<Integer, Integer> albums = new HashMap<>();
        for (int i : lib) {
            double[] a = catalogue.audio(i);
            for (int j = 0; j < d; j++) {
                centre[j] += a[j] / libSize;
            }
            popSum += catalogue.popularity(i);
            if (!Double.isNaN(catalogue.year(i))) {
                years.add(catalogue.year(i));
            }
            if (catalogue.album(i) >= 0) {
                albums.merge(catalogue.album(i), 1, Integer::sum);
            }
        }
        double centreNorm = Math.sqrt(dot(centre, centre));
        double popMean = popSum / libSize;
        double medianYear = Double.NaN;
        if (!years.isEmpty()) {
            years.sort(null);
            int m = years.size();
            medianYear = m % 2 == 1 ? years.get(m / 2) : (years.get(m / 2 - 1) + years.get(m / 2)) / 2;
        }
        double[][] rows = new double[n][names.size()];
        double bestModel = Double.NEGATIVE_INFINITY;
        double bestCo = 0;
        double bestRelated = 0;
        for (int j = 0; j < n; j++) {
            int c = set.positions()[j];
            double[] r = rows[j];
            double model = query.hasModelScores() ? query.modelScores()[c] : Double.NaN;
            r[0] = model;
            if (!Double.isNaN(model)) {
                bestModel = Math.max(bestModel, model);
            }
            int a = catalogue.artist(c);
            r[2] = artistCount[a];
            r[3] = artistCount[a] / libSize;
            r[4] = topArtist / libSize;
            double co = 0;
            double coMax = 0;
            int shared = 0;
            for (int g : catalogue.groupsOfTrack(c)) {
                if (!query.usable(g)) {
                    continue;
                }
                if (groupWeight[g] > 0) {
                    co += groupWeight[g];
                    coMax = Math.max(coMax, groupWeight[g]);
                    shared++;
                }
            }
            r[5] = co;
            r[7] = coMax;
            r[8] = shared;
            bestCo = Math.max(bestCo, co);
            r[9] = related[a];
            bestRelated = Math.max(bestRelated, related[a]);
            double[] x = catalogue.audio(c);
            double xn = Math.sqrt(dot(x, x));
            r[11] = xn == 0 || centreNorm == 0 ? 0 : dot(x, centre) / (xn * centreNorm);
            double nearest = Double.POSITIVE_INFINITY;
            for (int i : lib) {
                nearest = Math.min(nearest, squared(x, catalogue.audio(i)));
            }
            r[12] = lib.length == 0 ? Double.NaN : nearest;
            r[13] = catalogue.popularity(c);
            r[14] = catalogue.popularity(c) - popMean;
            r[15] = catalogue.year(c);
            r[16] = Double.isNaN(medianYear) || Double.isNaN(catalogue.year(c)) ? Double.NaN
                    : Math.abs(catalogue.year(c) - medianYear);
            r[17] = catalogue.album(c) >= 0 ? albums.getOrDefault(catalogue.album(c), 0) : 0;
            r[18] = lib.length;
            int found = 0;
            for (int k = 0; k < retrievers.size(); k++) {
                int rank = set.ranks()[k][j];
                r[FIXED.size() + k] = rank < 0 ? Double.NaN : rank;
                found += rank < 0 ? 0 : 1;
            }
            r[FIXED.size() + retrievers.size()] = found;
        }
        for (double[] r : rows) {
            r[1] = Double.isNaN(r[0]) || !(bestModel > 0) ? Double.NaN : r[0] / bestModel;
            r[6] = bestCo > 0 ? r[5] / bestCo : 0;
            r[10] = bestRelated > 0 ? r[9] / bestRelated : 0;
        }
        return rows;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
