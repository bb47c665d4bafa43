package org.audiu.core.eval.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.audiu.core.dataset.DatasetPlaylist;
import org.junit.jupiter.api.Test;

class PlaylistSplitterTest {
    private static DatasetPlaylist playlist(String id, int tracks) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            ids.add(id + "-t" + i);
        }
        return new DatasetPlaylist(id, "Playlist " + id, "pop", ids);
    }

    @Test
    void hidesTwentyPercentDisjointFromTheVisibleTracks() {
        PlaylistSplitter splitter = PlaylistSplitter.standard();
        for (int n : new int[] {20, 21, 37, 64, 100}) {
            DatasetPlaylist p = playlist("p" + n, n);
            PlaylistSplit split = splitter.split(p, 1);
            assertEquals(Math.round(n * 0.2), split.hidden().size(), "hidden of " + n);
            assertEquals(n - split.hidden().size(), split.visible().size());
            Set<String> all = new HashSet<>(split.visible());
            split.hidden().forEach(h -> assertTrue(all.add(h), "hidden track " + h + " also visible"));
            assertEquals(new HashSet<>(p.trackIds()), all, "together they are the playlist");
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        PlaylistSplitter splitter = PlaylistSplitter.standard();
        DatasetPlaylist p = playlist("x", 50);
        assertEquals(splitter.split(p, 7), splitter.split(p, 7));
        assertNotEquals(splitter.split(p, 7).hidden(), splitter.split(p, 8).hidden());
    }

    @Test
    void visibleTracksKeepThePlaylistOrder() {
        PlaylistSplit split = PlaylistSplitter.standard().split(playlist("o", 30), 3);
        List<String> sorted = new ArrayList<>(split.visible());
        sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(3)), Integer.parseInt(b.substring(3))));
        assertEquals(sorted, split.visible());
    }

    @Test
    void onlyPlaylistsWithEnoughUniqueTracksAreListeners() {
        PlaylistSplitter splitter = PlaylistSplitter.standard();
        assertTrue(splitter.eligible(playlist("a", 20)));
        assertFalse(splitter.eligible(playlist("b", 19)));
        List<String> repeated = new ArrayList<>(playlist("c", 15).trackIds());
        repeated.addAll(playlist("c", 10).trackIds());
        assertFalse(splitter.eligible(new DatasetPlaylist("c", "", "", repeated)), "15 unique tracks");
    }
}
