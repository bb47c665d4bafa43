package org.audiu.core.recommender;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.audiu.core.Artist;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.history.SongNames;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.TrackKeys;
import org.audiu.core.spi.listener.FittedState;

/**
 * Tracks the listener already knows or banned, never recommended: by id, and by normalised artist + title (the same
 * song under another id or spelling, {@link #songKey}); and every track by an artist the listener banned (any of its
 * artists, names normalised by {@link SongNames#artist}). Immutable and thread-safe.
 */
public final class LibraryExclusions {
    private final Set<String> ids;
    private final Set<String> songs;
    /**
     * {@link TrackKeys#songHashOfKey} of every library song key, sorted: a candidate whose hash is not among them cannot share a
     * song key. A primitive array and a hash computed without building the key, so the check allocates nothing
     * (ranking asks it of every candidate); only a hash hit builds the key, to confirm it.
     */
    private final long[] songHashes;
    /** {@link TrackKeys#idHash} of every library id, sorted: the same for ids. */
    private final long[] idHashes;
    /** Banned artists, normalised ({@link SongNames#artist}); usually none, and then never looked at. */
    private final Set<String> bannedArtists;

    private LibraryExclusions(Set<String> ids, Set<String> songs, Set<String> bannedArtists) {
        // HashSet, not Set.copyOf: its lookups are faster on the ranking path; neither set ever leaves this class.
        this.ids = new HashSet<>(ids);
        this.songs = new HashSet<>(songs);
        this.songHashes = songs.stream().mapToLong(TrackKeys::songHashOfKey).sorted().distinct().toArray();
        this.idHashes = ids.stream().mapToLong(TrackKeys::idHash).sorted().distinct().toArray();
        this.bannedArtists = new HashSet<>(bannedArtists);
    }

    /** Everything in the library. */
    public static LibraryExclusions of(ListenerLibrary library) {
        Set<String> ids = new HashSet<>();
        Set<String> songs = new HashSet<>();
        for (Track t : library.distinctTracks()) {
            ids.add(t.id());
            if (!t.name().isEmpty()) {
                songs.add(songKey(t));
            }
        }
        Set<String> artists = new HashSet<>();
        for (Artist a : library.bannedArtists()) {
            String n = SongNames.artist(a.name());
            if (!n.isEmpty()) {
                artists.add(n);
            }
        }
        return new LibraryExclusions(ids, songs, artists);
    }

    public boolean excludes(Track t) {
        return excludes(t, TrackKeys.of(t));
    }

    /**
     * The same answer from the candidate's {@link TrackKeys}: only a hash hit reads the track's id or names (a
     * catalogue computes the keys once per row, so a miss touches neither).
     */
    public boolean excludes(Candidate c) {
        return excludes(c.track(), c.keys());
    }

    /** The same answer for a track whose keys its holder computed once ({@link TrackKeys#of}). */
    public boolean excludes(Track t, TrackKeys keys) {
        if (Arrays.binarySearch(idHashes, keys.idHash()) >= 0 && ids.contains(t.id())) {
            return true;
        }
        if (!bannedArtists.isEmpty() && byBannedArtist(t)) {
            return true;
        }
        if (keys.songKeyHash() == TrackKeys.NO_SONG || Arrays.binarySearch(songHashes, keys.songKeyHash()) < 0) {
            return false;
        }
        return songs.contains(songKey(t));
    }

    private boolean byBannedArtist(Track t) {
        for (String a : t.artists()) {
            if (bannedArtists.contains(SongNames.artist(a))) {
                return true;
            }
        }
        return false;
    }

    /** The excluded track ids (the library's), sorted: a saved recommender's only record of its library. */
    public java.util.List<String> trackIds() {
        return ids.stream().sorted().toList();
    }

    /** How many track ids are excluded. */
    public int size() {
        return ids.size();
    }

    /** How many banned artists' tracks are excluded. */
    public int bannedArtists() {
        return bannedArtists.size();
    }

    /**
     * The key that makes two ids the same song: main artist and title normalised by {@link SongNames#key} (case,
     * accents, "feat." credits, edition suffixes such as "- Remastered 2011", punctuation do not count), the same
     * normalisation that matches listening-history plays to a catalogue.
     */
    public static String songKey(Track t) {
        return SongNames.key(t.mainArtist(), t.name());
    }

    /** Ids, song keys, then the banned artists only when there are any (files without bans read as before). */
    void writeState(FittedState.Writer out) throws IOException {
        out.writeStrings(new TreeSet<>(ids)).writeStrings(new TreeSet<>(songs));
        if (!bannedArtists.isEmpty()) {
            out.writeStrings(new TreeSet<>(bannedArtists));
        }
    }

    static LibraryExclusions readState(FittedState.Reader in) throws IOException {
        Set<String> ids = new HashSet<>(in.readStrings());
        Set<String> songs = new HashSet<>(in.readStrings());
        Set<String> artists = in.atEnd() ? Set.of() : new HashSet<>(in.readStrings());
        in.requireEnd();
        return new LibraryExclusions(ids, songs, artists);
    }
}
