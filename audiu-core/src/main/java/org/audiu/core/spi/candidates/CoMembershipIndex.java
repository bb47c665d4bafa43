package org.audiu.core.spi.candidates;

import java.util.List;

/**
 * An optional capability of a {@link CandidateSource} whose catalogue knows groups of tracks that people put
 * together, such as playlists: which groups each track and each artist belongs to. The {@code co-membership}
 * listener feature uses it to ask how often a candidate shares a group with the listener's tracks. Groups are
 * numbered {@code 0 .. groupCount()-1}. Implementations are immutable and thread-safe.
 *
 * <p>A listener's own playlists may be part of the catalogue (a library taken from a dataset): the engine finds them
 * with {@link #groupOfPlaylist} and leaves them out, so nothing is learnt from the listener's own grouping.
 */
public interface CoMembershipIndex {
    /** An empty array, returned for unknown tracks and artists. */
    int[] NONE = new int[0];

    /** How many groups the catalogue has. */
    int groupCount();

    /** The number of tracks in a group. */
    int groupSize(int group);

    /** The groups a track belongs to (by track id); {@link #NONE} when unknown. Callers must not modify it. */
    int[] groupsOf(String trackId);

    /**
     * The groups holding at least one track by an artist (name trimmed and lower-cased with {@code Locale.ROOT});
     * {@link #NONE} when unknown. Callers must not modify it.
     */
    int[] groupsOfArtist(String normalisedArtist);

    /**
     * The track ids of a group: the inverse of {@link #groupsOf}, so an id is listed here as many times as
     * {@code groupsOf(id)} lists this group (once, unless the group holds the track twice). A fitted
     * {@code co-membership} feature reads it once to precompute its values, so it needs no index when scoring.
     *
     * @param group {@code 0 .. groupCount()-1}
     * @return an unmodifiable list, empty for a group of tracks the index does not know
     */
    List<String> tracksOfGroup(int group);

    /**
     * The artists of a group's tracks, normalised as {@link #groupsOfArtist} takes them and each listed once: the
     * inverse of {@link #groupsOfArtist}, so an artist is listed here exactly when {@code groupsOfArtist(artist)}
     * lists this group.
     *
     * @param group {@code 0 .. groupCount()-1}
     * @return an unmodifiable list
     */
    List<String> artistsOfGroup(int group);

    /** The group that is this playlist (by playlist id), or -1 when the catalogue does not hold it. */
    int groupOfPlaylist(String playlistId);
}
