package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.spi.retrieval.RetrievalCatalogue;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.spi.retrieval.Retrieved;
import org.audiu.core.spi.retrieval.Retriever;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Retriever} must pass: at most {@code limit} candidates, each once, none excluded, scores
 * non-increasing, the same list twice for one query, and the query's left-out playlists ignored exactly: two
 * catalogues that differ only in a left-out playlist's tracks give the same list. Extend it with {@link #retriever()}
 * (name the class {@code ...Test}).
 */
public abstract class RetrieverContractTest {
    /** The retriever under test, created as the engine creates it (through its factory). */
    protected abstract Retriever retriever();

    private static final int TRACKS = 120;

    /** Two catalogues: playlist pl0 differs between them, everything else is the same. */
    private static RetrievalCatalogue[] catalogues() throws Exception {
        Path dir = Files.createTempDirectory("audiu-retriever-contract");
        List<List<Integer>> lists = PlaylistTestData.playlists(11, TRACKS, 8, 20);
        List<List<Integer>> changed = new ArrayList<>(lists);
        List<Integer> other = new ArrayList<>();
        for (int t = TRACKS - 1; other.size() < 20; t -= 3) {
            other.add(t);
        }
        changed.set(0, other);
        return new RetrievalCatalogue[] {
            new TwoStageCatalogue(new EvaluationCatalogue(PlaylistTestData.dataset(dir, "a", TRACKS, lists))),
            new TwoStageCatalogue(new EvaluationCatalogue(PlaylistTestData.dataset(dir, "b", TRACKS, changed)))};
    }

    /** The listener: the first 12 tracks of pl1 (so pl1 and pl0 are its own playlists), pl0 left out. */
    private static RetrievalQuery query(RetrievalCatalogue c, boolean leaveOutOwn, boolean withModel) {
        List<List<Integer>> lists = PlaylistTestData.playlists(11, TRACKS, 8, 20);
        int[] library = lists.get(1).subList(0, 12).stream().mapToInt(t -> c.indexOf(String.format("t%03d", t)))
                .toArray();
        boolean[] excluded = new boolean[c.size()];
        for (int i : library) {
            excluded[i] = true;
        }
        excluded[c.indexOf("t007")] = true; // outside the pool
        boolean[] leftOut = new boolean[c.groupCount()];
        if (leaveOutOwn) {
            leftOut[c.groupOfPlaylist("pl0")] = true;
            leftOut[c.groupOfPlaylist("pl1")] = true;
        }
        double[] model = null;
        if (withModel) {
            model = new double[c.size()];
            for (int i = 0; i < model.length; i++) {
                model[i] = excluded[i] ? Double.NaN : c.audio(i)[0] * 0.1 + 0.5;
            }
        }
        return new RetrievalQuery(c, library, excluded, leftOut, model, 42);
    }

    @Test
    void proposesAtMostLimitDistinctAllowedTracksBestFirst() throws Exception {
        RetrievalCatalogue c = catalogues()[0];
        for (int limit : new int[] {1, 7, 40, 1000}) {
            RetrievalQuery q = query(c, true, true);
            Retrieved got = retriever().retrieve(q, limit);
            assertTrue(got.size() <= limit, "more than the limit: " + got.size() + " > " + limit);
            Set<Integer> seen = new HashSet<>();
            for (int j = 0; j < got.size(); j++) {
                int p = got.positions()[j];
                assertTrue(p >= 0 && p < c.size(), "position outside the catalogue: " + p);
                assertFalse(q.excluded()[p], "proposed an excluded track " + c.track(p).id());
                assertTrue(seen.add(p), "proposed " + c.track(p).id() + " twice");
                if (j > 0) {
                    assertTrue(got.scores()[j] <= got.scores()[j - 1], "scores not best first at " + j);
                }
            }
        }
        assertTrue(retriever().retrieve(query(c, true, true), 40).size() > 0, "proposed nothing for a listener "
                + "with 12 tracks in a catalogue of " + c.size());
    }

    @Test
    void sameQuerySameList() throws Exception {
        RetrievalCatalogue c = catalogues()[0];
        Retrieved a = retriever().retrieve(query(c, true, true), 30);
        Retrieved b = retriever().retrieve(query(c, true, true), 30);
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.scores(), b.scores());
    }

    @Test
    void leftOutPlaylistsAreIgnoredExactly() throws Exception {
        RetrievalCatalogue[] c = catalogues();
        assertEquals(c[0].size(), c[1].size(), "the two catalogues hold the same tracks");
        Retrieved a = retriever().retrieve(query(c[0], true, true), 60);
        Retrieved b = retriever().retrieve(query(c[1], true, true), 60);
        assertArrayEquals(a.positions(), b.positions(), "the list depends on a left-out playlist's tracks");
        assertArrayEquals(a.scores(), b.scores(), 1e-12, "the scores depend on a left-out playlist's tracks");
    }
}
