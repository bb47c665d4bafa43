package org.audiu.core.twostage.retrieval;

import org.audiu.core.spi.retrieval.RetrievalCatalogue;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.spi.retrieval.Retrieved;
import org.audiu.core.spi.retrieval.Retriever;

/**
 * Item-item co-membership: a track scores the sum, over the usable playlists holding it, of (library tracks in the
 * playlist) / (playlist size); the query's left-out playlists (the listener's own) count for nothing.
 */
public final class CoMembershipRetriever implements Retriever {
    @Override
    public Retrieved retrieve(RetrievalQuery query, int limit) {
        return Retrieved.top(scores(query), query.excluded(), limit);
    }

    /** The score of every catalogue position (0 for tracks sharing no usable playlist with the library). */
    public static double[] scores(RetrievalQuery query) {
        RetrievalCatalogue c = query.catalogue();
        double[] weight = groupWeights(query);
        double[] s = new double[c.size()];
        for (int g = 0; g < weight.length; g++) {
            if (weight[g] > 0) {
                for (int t : c.tracksOfGroup(g)) {
                    s[t] += weight[g];
                }
            }
        }
        return s;
    }

    /** By group: (library tracks in it) / (its size), 0 for left-out groups. */
    public static double[] groupWeights(RetrievalQuery query) {
        RetrievalCatalogue c = query.catalogue();
        double[] weight = new double[c.groupCount()];
        for (int i : query.library()) {
            for (int g : c.groupsOfTrack(i)) {
                if (query.usable(g)) {
                    weight[g] += 1.0 / c.groupSize(g);
                }
            }
        }
        return weight;
    }
}
