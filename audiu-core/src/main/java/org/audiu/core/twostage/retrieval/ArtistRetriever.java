package org.audiu.core.twostage.retrieval;

import org.audiu.core.spi.retrieval.RetrievalCatalogue;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.spi.retrieval.Retrieved;
import org.audiu.core.spi.retrieval.Retriever;

/**
 * The listener's artists and their neighbours: a track by one of the library's artists scores
 * {@code 1000 x (library tracks by that artist) + popularity}; a track by an artist who shares usable playlists
 * with the library's artists scores {@code (shared playlists) + popularity / 1000}, so the listener's own artists come
 * first (most present first) and related artists after them, the most related first.
 */
public final class ArtistRetriever implements Retriever {
    private final boolean related;

    /** @param related also propose artists that share playlists with the library's artists */
    public ArtistRetriever(boolean related) {
        this.related = related;
    }

    @Override
    public Retrieved retrieve(RetrievalQuery query, int limit) {
        RetrievalCatalogue c = query.catalogue();
        int[] count = artistCounts(query);
        double[] relatedScore = related ? relatedArtists(query) : new double[c.artistCount()];
        double[] s = new double[c.size()];
        for (int i = 0; i < s.length; i++) {
            int a = c.artist(i);
            if (count[a] > 0) {
                s[i] = 1000.0 * count[a] + c.popularity(i);
            } else if (relatedScore[a] > 0) {
                s[i] = relatedScore[a] + c.popularity(i) / 1000.0;
            }
        }
        return Retrieved.top(s, query.excluded(), limit);
    }

    /** By artist id: the library's tracks by that artist. */
    public static int[] artistCounts(RetrievalQuery query) {
        int[] count = new int[query.catalogue().artistCount()];
        for (int i : query.library()) {
            count[query.catalogue().artist(i)]++;
        }
        return count;
    }

    /**
     * By artist id: the number of usable playlists in which the artist appears together with one of the library's
     * artists (0 for the library's own artists' own count: they are counted too, as any artist is).
     */
    public static double[] relatedArtists(RetrievalQuery query) {
        RetrievalCatalogue c = query.catalogue();
        boolean[] libraryArtist = new boolean[c.artistCount()];
        for (int i : query.library()) {
            libraryArtist[c.artist(i)] = true;
        }
        boolean[] withLibraryArtist = new boolean[c.groupCount()];
        for (int a = 0; a < libraryArtist.length; a++) {
            if (libraryArtist[a]) {
                for (int g : c.groupsOfArtist(a)) {
                    withLibraryArtist[g] = query.usable(g);
                }
            }
        }
        double[] shared = new double[c.artistCount()];
        for (int g = 0; g < withLibraryArtist.length; g++) {
            if (withLibraryArtist[g]) {
                for (int a : c.artistsOfGroup(g)) {
                    shared[a]++;
                }
            }
        }
        return shared;
    }
}
