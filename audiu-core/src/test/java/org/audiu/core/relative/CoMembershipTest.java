package org.audiu.core.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.audiu.core.Playlist;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;

/** The fitted co-membership precomputes from the index what scoring read from it, and needs it no more. */
class CoMembershipTest {
    /** Today's co-membership, read from the index at scoring time: the reference the fitted values must match. */
    private static double[] fromIndex(ListenerContext listener, Track track, boolean inLibrary) {
        CoMembershipIndex index = listener.coMembership().orElseThrow();
        double[] inverseSize = new double[index.groupCount()];
        for (int g = 0; g < inverseSize.length; g++) {
            inverseSize[g] = 1.0 / Math.max(1, index.groupSize(g));
        }
        for (Playlist p : listener.library().playlists()) {
            int g = index.groupOfPlaylist(p.id());
            if (g >= 0) {
                inverseSize[g] = 0;
            }
        }
        double[] weight = new double[inverseSize.length];
        for (Track t : listener.liked()) {
            for (int g : index.groupsOf(t.id())) {
                weight[g] += inverseSize[g];
            }
        }
        double item = 0;
        double own = 0;
        for (int g : index.groupsOf(track.id())) {
            item += weight[g];
            own += inverseSize[g];
        }
        double artist = 0;
        for (int g : index.groupsOfArtist(ListenerContext.normalise(track.mainArtist()))) {
            artist += weight[g];
        }
        if (inLibrary && listener.liked().stream().anyMatch(t -> t.id().equals(track.id()))) {
            item -= own;
            artist -= own;
        }
        return new double[] {Math.max(0, item), Math.max(0, artist)};
    }

    private static List<Track> everyTrack(ListenerContext listener) {
        List<Track> all = new ArrayList<>(listener.liked());
        all.addAll(TestData.candidates());
        all.add(TestData.track("in-no-group", "Nobody"));
        return all;
    }

    @Test
    void fittedValuesEqualTheIndexsUpToSummationOrder() {
        ListenerContext listener = TestData.listenerContext();
        ListenerFeature.Fitted fitted = new CoMembership().fit(listener).orElseThrow();
        int nonzero = 0;
        for (Track t : everyTrack(listener)) {
            for (boolean inLibrary : new boolean[] {false, true}) {
                double[] expected = fromIndex(listener, t, inLibrary);
                double[] actual = new double[2];
                fitted.compute(t, TestData.audioRow(t.id()), inLibrary, actual, 0);
                assertEquals(expected[0], actual[0], 1e-12, "group_cooccurrence of " + t.id());
                assertEquals(expected[1], actual[1], 1e-12, "artist_cooccurrence of " + t.id());
                nonzero += expected[0] > 0 ? 1 : 0;
                nonzero += expected[1] > 0 ? 1 : 0;
            }
        }
        assertTrue(nonzero > 10, "the test catalogue must give co-occurrence to some tracks, gave " + nonzero);
    }

    @Test
    void scoringNeedsNoIndex() {
        ListenerContext listener = TestData.listenerContext();
        Closable index = new Closable(listener.coMembership().orElseThrow());
        ListenerContext withClosable = new ListenerContext(listener.library(), listener.preferences(),
                listener.liked(), listener.likedRows(), listener.baseSchema(), Optional.of(index));
        ListenerFeature.Fitted fitted = new CoMembership().fit(withClosable).orElseThrow();
        index.closed = true;
        assertThrows(IllegalStateException.class, () -> index.groupCount(), "the index is closed");
        for (Track t : everyTrack(listener)) {
            double[] out = new double[2];
            fitted.compute(t, TestData.audioRow(t.id()), false, out, 0);
            assertEquals(fromIndex(listener, t, false)[0], out[0], 1e-12, t.id());
        }
    }

    /** An index that fails every call once closed. */
    private static final class Closable implements CoMembershipIndex {
        private final CoMembershipIndex index;
        private boolean closed;

        Closable(CoMembershipIndex index) {
            this.index = index;
        }

        private CoMembershipIndex open() {
            if (closed) {
                throw new IllegalStateException("the index was used after fitting");
            }
            return index;
        }

        @Override public int groupCount() { return open().groupCount(); }
        @Override public int groupSize(int group) { return open().groupSize(group); }
        @Override public int[] groupsOf(String trackId) { return open().groupsOf(trackId); }
        @Override public int[] groupsOfArtist(String artist) { return open().groupsOfArtist(artist); }
        @Override public List<String> tracksOfGroup(int group) { return open().tracksOfGroup(group); }
        @Override public List<String> artistsOfGroup(int group) { return open().artistsOfGroup(group); }
        @Override public int groupOfPlaylist(String playlistId) { return open().groupOfPlaylist(playlistId); }
    }
}
