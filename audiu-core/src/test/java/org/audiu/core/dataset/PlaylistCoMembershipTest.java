package org.audiu.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;

/** A group's tracks and artists are exactly the inverse of the groups of each track and artist. */
class PlaylistCoMembershipTest {
    private final TrackDataset dataset = TestData.catalogue();
    private final PlaylistCoMembership index = new PlaylistCoMembership(dataset);

    @Test
    void tracksOfAGroupAreItsPlaylistWithRepeats() {
        for (int g = 0; g < index.groupCount(); g++) {
            assertEquals(dataset.playlists().get(index.playlistId(g)).trackIds(), index.tracksOfGroup(g));
            assertEquals(index.groupSize(g), index.tracksOfGroup(g).size());
            for (String id : index.tracksOfGroup(g)) {
                int group = g;
                long listed = Arrays.stream(index.groupsOf(id)).filter(x -> x == group).count();
                assertEquals(Collections.frequency(index.tracksOfGroup(g), id), listed, id + " in group " + g);
            }
        }
        assertEquals(2, Collections.frequency(index.tracksOfGroup(index.groupOfPlaylist("g2")),
                index.tracksOfGroup(index.groupOfPlaylist("g2")).get(0)), "g2 holds its first track twice");
    }

    @Test
    void artistsOfAGroupAreTheInverseOfGroupsOfArtist() {
        Set<String> artists = new HashSet<>();
        dataset.tracks().values().forEach(t -> artists.add(ListenerContext.normalise(t.track().mainArtist())));
        for (int g = 0; g < index.groupCount(); g++) {
            assertEquals(new HashSet<>(index.artistsOfGroup(g)).size(), index.artistsOfGroup(g).size(),
                    "each artist once");
            for (String a : artists) {
                int group = g;
                boolean inGroup = Arrays.stream(index.groupsOfArtist(a)).anyMatch(x -> x == group);
                assertEquals(inGroup, index.artistsOfGroup(g).contains(a), a + " in group " + g);
            }
        }
        assertTrue(index.artistsOfGroup(0).contains("artist 0"), "p1 holds lib0 by Artist 0");
    }
}
