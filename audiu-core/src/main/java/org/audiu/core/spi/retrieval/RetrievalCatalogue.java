package org.audiu.core.spi.retrieval;

import org.audiu.core.Track;

/**
 * The catalogue as retrievers and pair features see it: tracks by position {@code 0 .. size()-1}, dense artist ids,
 * popularity, standardised audio features and the catalogue's playlists as co-membership groups, all by position so
 * that a retriever scores a whole catalogue without hashing. Immutable and thread-safe; callers must not modify the
 * arrays it returns.
 */
public interface RetrievalCatalogue {
    /** Number of tracks. */
    int size();

    /** The track at a position. */
    Track track(int position);

    /** The position of a track id, or -1. */
    int indexOf(String trackId);

    /** Dense id ({@code 0 .. artistCount()-1}) of the track's main artist (trimmed, lower-cased). */
    int artist(int position);

    /** Number of distinct main artists. */
    int artistCount();

    /** Popularity 0..100, 0 when unknown. */
    double popularity(int position);

    /** Standardised perceptual audio features (z-scores over the catalogue, 0 where missing). */
    double[] audio(int position);

    /** Number of co-membership groups (playlists). */
    int groupCount();

    /** Number of distinct tracks in a group. */
    int groupSize(int group);

    /** The groups holding a track, ascending. */
    int[] groupsOfTrack(int position);

    /** The track positions of a group, each once. */
    int[] tracksOfGroup(int group);

    /** The groups holding at least one track by an artist, ascending. */
    int[] groupsOfArtist(int artist);

    /** The artists of a group's tracks, each once. */
    int[] artistsOfGroup(int group);

    /** The group that is this playlist, or -1 when the catalogue does not hold it. */
    int groupOfPlaylist(String playlistId);
}
