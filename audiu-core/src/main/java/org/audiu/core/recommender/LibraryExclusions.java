package org.audiu.core.recommender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private final Set<String> ids;
    private final Set<String> songs;

    private LibraryExclusions(Set<String> ids, Set<String> songs) {
        this.ids = Set.copyOf(ids);
        this.songs = Set.copyOf(songs);
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
        return ids.contains(t.id()) || (!t.name().isEmpty() && songs.contains(songKey(t)));
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
        writeSet(out, ids);
        writeSet(out, songs);
    }

    static LibraryExclusions readState(FittedState.Reader in) throws IOException {
        Set<String> ids = readSet(in);
        Set<String> songs = readSet(in);
        in.requireEnd();
        return new LibraryExclusions(ids, songs);
    }

    private static void writeSet(FittedState.Writer out, Set<String> values) throws IOException {
        List<String> sorted = new ArrayList<>(new TreeSet<>(values));
        out.writeInt(sorted.size());
        for (String v : sorted) {
            out.writeString(v);
        }
    }

    private static Set<String> readSet(FittedState.Reader in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > FittedState.MAX_LENGTH) {
            throw new IOException("invalid exclusion count " + n);
        }
        Set<String> out = new HashSet<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return out;
    }
}
