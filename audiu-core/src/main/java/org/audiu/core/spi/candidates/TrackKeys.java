package org.audiu.core.spi.candidates;

import org.audiu.core.Track;
import org.audiu.core.history.SongKeyHash;

/**
 * Two 64-bit hashes of a track that the ranking pass compares with the listener's library for every candidate: of
 * its id, and of its song key (normalised main artist + title, {@link SongKeyHash}). A source that holds its tracks
 * (a catalogue in memory) computes them once per row and hands the same instance out in every pass, so a pass
 * touches neither the id's nor the names' characters, and runs no normalisation, for a candidate the listener does
 * not have. Equal hashes are only a hint: the caller confirms a hit on the strings.
 *
 * <p>It also carries the {@link NameHash}es the listener features look the track's names up by (artist affinity,
 * album affinity), so the ranking pass reads no name's characters for a candidate whose artist the listener does not
 * know.
 *
 * @param idHash       {@link #idHash(String)} of the track's id
 * @param songKeyHash  {@link SongKeyHash#of} of its main artist and title; {@link #NO_SONG} when it has no title
 * @param artistHashes {@link NameHash#of(String)} of each of its artists, in order (shared, not copied: do not
 *                     modify it)
 * @param albumHash    {@link NameHash#of(String, String)} of its main artist and album
 */
public record TrackKeys(long idHash, long songKeyHash, long[] artistHashes, long albumHash) {
    public TrackKeys {
        java.util.Objects.requireNonNull(artistHashes, "artistHashes");
    }

    /** The song hash of a track without a title (it shares a song with no other track). */
    public static final long NO_SONG = 0;

    /** The hashes of a track. */
    public static TrackKeys of(Track track) {
        long[] artists = new long[track.artists().size()];
        for (int i = 0; i < artists.length; i++) {
            artists[i] = NameHash.of(track.artists().get(i));
        }
        return new TrackKeys(idHash(track.id()), track.name().isEmpty() ? NO_SONG
                : songHash(SongKeyHash.of(track.mainArtist(), track.name())), artists,
                NameHash.of(track.mainArtist(), track.album()));
    }

    /**
     * The hashes of a track whose artists' and album's {@link NameHash}es its source computed already (once per
     * artist and album, not per track): the same keys as {@link #of(Track)} when they are those names' hashes.
     *
     * @param artistHashes {@code NameHash.of} of each of the track's artists, in order (shared, not copied)
     * @param albumHash    {@code NameHash.of(mainArtist, album)}
     */
    public static TrackKeys of(Track track, long[] artistHashes, long albumHash) {
        return of(track, artistHashes, albumHash, SongKeyHash.artistPart(track.mainArtist()));
    }

    /**
     * {@link #of(Track, long[], long)} with its main artist's part of the song hash ({@link SongKeyHash#artistPart})
     * also computed once per artist.
     */
    public static TrackKeys of(Track track, long[] artistHashes, long albumHash, long mainArtistSongPart) {
        if (artistHashes.length != track.artists().size()) {
            throw new IllegalArgumentException(track.id() + " has " + track.artists().size() + " artists, "
                    + artistHashes.length + " artist hashes given");
        }
        return new TrackKeys(idHash(track.id()), track.name().isEmpty() ? NO_SONG
                : songHash(SongKeyHash.of(mainArtistSongPart, track.mainArtist(), track.name())), artistHashes,
                albumHash);
    }

    /** Whether these are the keys of a track with {@code artists} artists (a caller's check before it uses them). */
    public boolean fits(int artists) {
        return artistHashes.length == artists;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackKeys k && idHash == k.idHash && songKeyHash == k.songKeyHash
                && albumHash == k.albumHash && java.util.Arrays.equals(artistHashes, k.artistHashes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(idHash, songKeyHash, albumHash, java.util.Arrays.hashCode(artistHashes));
    }

    @Override
    public String toString() {
        return "TrackKeys[idHash=" + idHash + ", songKeyHash=" + songKeyHash + ", artistHashes="
                + java.util.Arrays.toString(artistHashes) + ", albumHash=" + albumHash + "]";
    }

    /** The song hash of a song key already built ({@code SongNames.key}), as {@link #of} gives it for its track. */
    public static long songHashOfKey(String songKey) {
        return songHash(SongKeyHash.ofKey(songKey));
    }

    /** A titled track's hash is never {@link #NO_SONG} (1 stands for the one hash in 2^64 that would be). */
    private static long songHash(long hash) {
        return hash == NO_SONG ? 1 : hash;
    }

    /** FNV-1a over the id's characters. */
    public static long idHash(String id) {
        return SongKeyHash.ofKey(id);
    }
}
