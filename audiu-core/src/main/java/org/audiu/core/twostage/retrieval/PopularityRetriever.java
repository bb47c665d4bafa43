package org.audiu.core.twostage.retrieval;

import org.audiu.core.spi.retrieval.RetrievalCatalogue;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.spi.retrieval.Retrieved;
import org.audiu.core.spi.retrieval.Retriever;

/** The most popular tracks, the same for everyone (popularity + 1, so that a track of popularity 0 still counts). */
public final class PopularityRetriever implements Retriever {
    @Override
    public Retrieved retrieve(RetrievalQuery query, int limit) {
        RetrievalCatalogue c = query.catalogue();
        double[] s = new double[c.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = c.popularity(i) + 1;
        }
        return Retrieved.top(s, query.excluded(), limit);
    }
}
