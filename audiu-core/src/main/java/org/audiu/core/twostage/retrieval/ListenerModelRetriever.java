package org.audiu.core.twostage.retrieval;

import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.spi.retrieval.Retrieved;
import org.audiu.core.spi.retrieval.Retriever;

/**
 * The top of the listener's own model (the single-stage engine's ranking). Proposes nothing when no per-listener
 * model ran ({@link RetrievalQuery#hasModelScores()}).
 */
public final class ListenerModelRetriever implements Retriever {
    @Override
    public Retrieved retrieve(RetrievalQuery query, int limit) {
        if (!query.hasModelScores()) {
            return new Retrieved(new int[0], new double[0]);
        }
        double[] s = query.modelScores().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = Double.isNaN(s[i]) ? Double.NaN : s[i] + 1; // probabilities 0..1 become 1..2: all positive
        }
        return Retrieved.top(s, query.excluded(), limit);
    }
}
