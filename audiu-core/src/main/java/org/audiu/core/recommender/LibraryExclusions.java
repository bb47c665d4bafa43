package org.audiu.core.recommender;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.history.SongNames;
import org.audiu.core.spi.listener.FittedState;

/**
 * Tracks the listener already knows, never recommended: by id, and by normalised artist + title (the same song under
 * another id or spelling, {@link #songKey}). Immutable and thread-safe.
 */
public final class LibraryExclusions {
    private static final long NOT_ASCII = 0;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Set<String> ids;
    private final Set<String> songs;
    /**
     * {@link #artistHash} of the first word of every library song's normalised artist, sorted: a candidate whose
     * (plain ASCII) artist hashes to none of them cannot share a song key. A primitive array, so the check allocates
     * nothing (ranking asks it of every candidate); only candidates by a library artist build their song key.
     */
    private final long[] artistHashes;

    private LibraryExclusions(Set<String> ids, Set<String> songs) {
        // HashSet, not Set.copyOf: its lookups are faster on the ranking path; neither set ever leaves this class.
        this.ids = new HashSet<>(ids);
        this.songs = new HashSet<>(songs);
        this.artistHashes = songs.stream().mapToLong(k -> artistHash(k.substring(0, k.indexOf('\u0000'))))
                .filter(h -> h != NOT_ASCII).sorted().distinct().toArray();
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
        if (t.name().isEmpty()) {
            return false;
        }
        long h = artistHash(t.mainArtist());
        if (h != NOT_ASCII && Arrays.binarySearch(artistHashes, h) < 0) {
            return false;
        }
        return songs.contains(songKey(t));
    }

    /**
     * FNV-1a of the first word of an artist as {@link SongNames#plain} would write it (lower-case letters and
     * digits; "&" is the word "and"), computed without building a string; {@link #NOT_ASCII} when a character
     * before the end of that word is not ASCII (the caller then builds the key). For an ASCII name it equals the
     * hash of the first word of its normalised artist, so the filter never hides a match.
     */
    private static long artistHash(String artist) {
        long h = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < artist.length(); i++) {
            char c = artist.charAt(i);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            if (c == '&') {
                if (inWord) {
                    break;
                }
                return finish(mix(mix(mix(h, 'a'), 'n'), 'd'));
            }
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!alnum) {
                if (inWord) {
                    break;
                }
                continue;
            }
            inWord = true;
            h = mix(h, c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return finish(h);
    }

    private static long mix(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    private static long finish(long h) {
        return h == NOT_ASCII ? 1 : h;
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
