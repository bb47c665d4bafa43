package org.audiu.core.twostage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.recommender.ArtistCap;
import org.audiu.core.recommender.CappedTopK;
import org.audiu.core.recommender.TopK;
import org.audiu.core.spi.retrieval.RetrievalQuery;

/**
 * The two-stage recommender for one listener outside evaluation (the CLI's {@code recommend}): the retrievers
 * propose at most N catalogue tracks, {@link PairFeatures} describes them, a saved {@link Ranker} orders them, and
 * audiU's artist cap applies. The listener's own playlists, when the catalogue holds them, are left out of every
 * co-membership group, as in evaluation. Immutable and thread-safe.
 */
public final class TwoStageRecommender {
    private final TwoStageCatalogue catalogue;
    private final TwoStageSettings settings;
    private final Ranker ranker;
    private final PairFeatures features;

    /**
     * @throws IllegalArgumentException when the ranker reads other columns than these retrievers' pair features
     *                                  (it was trained with other {@code two-stage.retrievers})
     */
    public TwoStageRecommender(TwoStageCatalogue catalogue, TwoStageSettings settings, Ranker ranker) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ranker = Objects.requireNonNull(ranker, "ranker");
        this.features = new PairFeatures(catalogue, settings.retrieverNames());
        if (!ranker.features().equals(features.names())) {
            throw new IllegalArgumentException("The ranker reads the columns " + ranker.features() + ", but the "
                    + "configured retrievers " + settings.retrieverNames() + " give " + features.names()
                    + ". Configure two-stage.retrievers as when the ranker was trained, or train it again.");
        }
    }

    /**
     * The best {@code k} tracks for the listener, best first, none of them in the library (nor the same songs).
     *
     * @param modelScores the listener's own model's score of every catalogue position, NaN where unscored; null
     *                    when there is none (the ranker then reads those columns as missing)
     * @param excluded    by catalogue position, tracks never to recommend (the library and the same songs at least)
     * @param perArtist   at most this many tracks per artist
     */
    public List<Recommendation> recommend(ListenerLibrary library, double[] modelScores, boolean[] excluded, int k,
                                          int perArtist) {
        return recommend(library.distinctTracks().stream().map(Track::id).toList(),
                library.playlists().stream().map(Playlist::id).toList(), modelScores, excluded, k, perArtist);
    }

    /**
     * The same for a listener known by ids only (the Spark job ships ids, not the library): {@code trackIds} the
     * library's tracks in {@link ListenerLibrary#distinctTracks()} order (ids outside the catalogue are ignored),
     * {@code playlistIds} its playlists, left out of co-membership when the catalogue holds them.
     */
    public List<Recommendation> recommend(List<String> trackIds, List<String> playlistIds, double[] modelScores,
                                          boolean[] excluded, int k, int perArtist) {
        int[] lib = trackIds.stream().mapToInt(catalogue::indexOf).filter(i -> i >= 0).distinct().toArray();
        boolean[] leftOut = new boolean[catalogue.groupCount()];
        for (String p : playlistIds) {
            int g = catalogue.groupOfPlaylist(p);
            if (g >= 0) {
                leftOut[g] = true;
            }
        }
        RetrievalQuery query = new RetrievalQuery(catalogue, lib, excluded, leftOut, modelScores, 0);
        CandidateSet set = CandidateSet.retrieve(query, settings.retrievers(), settings.candidates());
        double[][] rows = features.rows(query, set);
        double[] scores = ranker.score(rows);
        CappedTopK<Integer> top = new CappedTopK<>(k, perArtist, j -> ArtistCap.groupOf(track(set, j)));
        for (int j = 0; j < set.size(); j++) {
            top.offer(j, scores[j], track(set, j).id());
        }
        List<Recommendation> out = new ArrayList<>();
        for (TopK.Scored<Integer> s : top.sortedDescending()) {
            int j = s.item();
            out.add(new Recommendation(track(set, j), s.score(), s.score(), reasons(set, rows[j], j)));
        }
        return out;
    }

    private List<String> reasons(CandidateSet set, double[] row, int j) {
        List<String> why = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (int r = 0; r < set.retrievers().size(); r++) {
            if (set.ranks()[r][j] >= 0) {
                found.add(set.retrievers().get(r) + " #" + (set.ranks()[r][j] + 1));
            }
        }
        why.add("found by " + String.join(", ", found));
        int artistTracks = (int) row[features.names().indexOf("artist-tracks")];
        if (artistTracks > 0) {
            why.add(artistTracks + " of your tracks are by " + track(set, j).mainArtist());
        }
        double co = row[features.names().indexOf("co-membership-playlists")];
        if (co > 0) {
            why.add(String.format(Locale.ROOT, "in %d playlists with your tracks", (int) co));
        }
        return why;
    }

    private Track track(CandidateSet set, int j) {
        return catalogue.track(set.positions()[j]);
    }

    public Ranker ranker() {
        return ranker;
    }
}
