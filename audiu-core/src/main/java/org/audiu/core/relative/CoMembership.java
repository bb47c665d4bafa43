package org.audiu.core.relative;

import org.audiu.core.spi.listener.ListenerContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Playlist;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code co-membership}: how often a track shares the catalogue's groups (playlists other people made) with the
 * library's tracks, when the candidate source knows them ({@link CoMembershipIndex}); left out otherwise.
 * <ul>
 *   <li>{@code group_cooccurrence}: the sum over the track's groups of (library tracks in the group) / (group size):
 *       item-to-item co-occurrence, damped for big groups;</li>
 *   <li>{@code artist_cooccurrence}: the same over every group holding the track's artist: artist-level
 *       similarity, which also reaches tracks that are in no group yet.</li>
 * </ul>
 * The listener's own playlists, when the catalogue holds them, are left out: a library taken from a dataset must not
 * learn from its own grouping.
 */
public final class CoMembership implements ListenerFeature {
    static final List<String> COLUMNS = List.of("group_cooccurrence", "artist_cooccurrence");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        if (listener.coMembership().isEmpty()) {
            return Optional.empty();
        }
        CoMembershipIndex index = listener.coMembership().get();
        boolean[] own = new boolean[index.groupCount()];
        for (Playlist p : listener.library().playlists()) {
            int g = index.groupOfPlaylist(p.id());
            if (g >= 0) {
                own[g] = true;
            }
        }
        double[] inverseSize = new double[own.length];
        double[] weight = new double[own.length];
        for (int g = 0; g < own.length; g++) {
            inverseSize[g] = own[g] ? 0 : 1.0 / Math.max(1, index.groupSize(g));
        }
        Set<String> likedIds = listener.preferenceById().keySet();
        for (Track t : listener.liked()) {
            for (int g : index.groupsOf(t.id())) {
                weight[g] += inverseSize[g];
            }
        }
        return Optional.of((track, row, inLibrary, out, offset) -> {
            int[] groups = index.groupsOf(track.id());
            double own1 = 0;
            double item = 0;
            for (int g : groups) {
                item += weight[g];
                own1 += inverseSize[g];
            }
            double artist = 0;
            for (int g : index.groupsOfArtist(ListenerContext.normalise(track.mainArtist()))) {
                artist += weight[g];
            }
            if (inLibrary && likedIds.contains(track.id())) {
                // The track counted itself once in each of its groups.
                item -= own1;
                artist -= own1;
            }
            out[offset] = Math.max(0, item);
            out[offset + 1] = Math.max(0, artist);
        });
    }
}
