package org.audiu.core.recommender;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.FittedState;

/**
 * Tracks the listener already knows, never recommended: by id, and by artist + title (the same song under another
 * id). Immutable and thread-safe.
 */
public final class LibraryExclusions {
    private static final long NOT_ASCII = 0;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Set<String> ids;
    private final Set<String> songs;
    /**
     * {@link #asciiHash} of every song key that is plain ASCII, sorted: a candidate whose hash is absent is not one.
     * A primitive array, so the check allocates nothing (ranking asks it of every candidate).
     */
    private final long[] asciiHashes;

    private LibraryExclusions(Set<String> ids, Set<String> songs) {
        // HashSet, not Set.copyOf: its lookups are faster on the ranking path; neither set ever leaves this class.
        this.ids = new HashSet<>(ids);
        this.songs = new HashSet<>(songs);
        this.asciiHashes = songs.stream().mapToLong(LibraryExclusions::asciiHash).filter(h -> h != NOT_ASCII)
                .sorted().distinct().toArray();
    }

    /** Everything in the library. */
    public static LibraryExclusions of(ListenerLibrary library) {
        Set<String> ids = new HashSet<>();
        Set<String> songs = new HashSet<>();
        for (Track t : library.distinctTracks()) {
            ids.add(t.id());
            songs.add(songKey(t));
        }
        return new LibraryExclusions(ids, songs);
    }

    public boolean excludes(Track t) {
        if (ids.contains(t.id())) {
            return true;
        }
        if (t.name().isEmpty()) {
            return false;
        }
        // Ranking asks this of every candidate: an ASCII artist and title are hashed as their lower-cased key
        // would be, without building it, and only a hash that a library song shares builds the key.
        long h = asciiHash(t.mainArtist(), t.name());
        if (h != NOT_ASCII && Arrays.binarySearch(asciiHashes, h) < 0) {
            return false;
        }
        return songs.contains(songKey(t));
    }


    /** FNV-1a of the song key (artist, a NUL, title) lower-cased, or {@link #NOT_ASCII} for other characters. */
    private static long asciiHash(String artist, String title) {
        long h = FNV_OFFSET;
        h = mix(h, artist);
        if (h == NOT_ASCII) {
            return NOT_ASCII;
        }
        h = (h ^ 0) * FNV_PRIME;
        h = mix(h, title);
        return h;
    }

    private static long asciiHash(String key) {
        int cut = key.indexOf('\u0000');
        return asciiHash(key.substring(0, cut), key.substring(cut + 1));
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            h = (h ^ c) * FNV_PRIME;
        }
        return h == NOT_ASCII ? 1 : h;
    }

    /** How many track ids are excluded. */
    public int size() {
        return ids.size();
    }

    /** The key that makes two ids the same song: main artist and title, lower-cased. */
    public static String songKey(Track t) {
        return t.mainArtist().toLowerCase(Locale.ROOT) + "\u0000" + t.name().toLowerCase(Locale.ROOT);
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
