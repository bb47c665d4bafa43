package org.audiu.core.recommender;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.history.SongKeyHash;
import org.audiu.core.history.SongNames;
import org.audiu.core.spi.listener.FittedState;

/**
 * Tracks the listener already knows, never recommended: by id, and by normalised artist + title (the same song under
 * another id or spelling, {@link #songKey}). Immutable and thread-safe.
 */
public final class LibraryExclusions {
    private final Set<String> ids;
    private final Set<String> songs;
    /**
     * {@link SongKeyHash} of every library song key, sorted: a candidate whose hash is not among them cannot share a
     * song key. A primitive array and a hash computed without building the key, so the check allocates nothing
     * (ranking asks it of every candidate); only a hash hit builds the key, to confirm it.
     */
    private final long[] songHashes;

    private LibraryExclusions(Set<String> ids, Set<String> songs) {
        // HashSet, not Set.copyOf: its lookups are faster on the ranking path; neither set ever leaves this class.
        this.ids = new HashSet<>(ids);
        this.songs = new HashSet<>(songs);
        this.songHashes = songs.stream().mapToLong(SongKeyHash::ofKey).sorted().distinct().toArray();
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
        return new LibraryExclusions(ids, songs);
    }

    public boolean excludes(Track t) {
        if (ids.contains(t.id())) {
            return true;
        }
        if (t.name().isEmpty()
                || Arrays.binarySearch(songHashes, SongKeyHash.of(t.mainArtist(), t.name())) < 0) {
            return false;
        }
        return songs.contains(songKey(t));
    }

    /** How many track ids are excluded. */
    public int size() {
        return ids.size();
    }

    /**
     * The key that makes two ids the same song: main artist and title normalised by {@link SongNames#key} (case,
     * accents, "feat." credits, edition suffixes such as "- Remastered 2011", punctuation do not count), the same
     * normalisation that matches listening-history plays to a catalogue.
     */
    public static String songKey(Track t) {
        return SongNames.key(t.mainArtist(), t.name());
    }

    void writeState(FittedState.Writer out) throws IOException {
        out.writeStrings(new TreeSet<>(ids)).writeStrings(new TreeSet<>(songs));
    }

    static LibraryExclusions readState(FittedState.Reader in) throws IOException {
        Set<String> ids = new HashSet<>(in.readStrings());
        Set<String> songs = new HashSet<>(in.readStrings());
        in.requireEnd();
        return new LibraryExclusions(ids, songs);
    }
}
