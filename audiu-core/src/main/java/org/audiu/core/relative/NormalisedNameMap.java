package org.audiu.core.relative;

import java.util.Map;
import java.util.Objects;
import org.audiu.core.spi.listener.ListenerContext;

/**
 * A map keyed by {@link ListenerContext#normalise normalised} names (an artist; or an artist and an album, joined by
 * a NUL) that is looked up with the raw names: the ranking pass asks it for every candidate, so a lookup normalises
 * nothing into a new string. It hashes the trimmed, lower-cased characters as it reads them and compares them with
 * the stored key on a hash hit. A name with a character outside ASCII (where lower-casing is not one character for
 * one) is normalised the ordinary way. Immutable and thread-safe; equal when the maps it was built from are.
 *
 * @param <V> the value
 */
final class NormalisedNameMap<V> {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** {@link #mixTrimmedLower}'s answer for "normalise the ordinary way and look that up". */
    private static final long NORMALISE_FIRST = 0;

    private final Map<String, V> source;
    private final long[] hashes;
    private final String[] keys;
    private final Object[] values;
    private final int mask;

    NormalisedNameMap(Map<String, V> byNormalisedName) {
        this.source = Map.copyOf(byNormalisedName);
        int capacity = Integer.highestOneBit(Math.max(4, source.size() * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.hashes = new long[capacity];
        this.keys = new String[capacity];
        this.values = new Object[capacity];
        for (Map.Entry<String, V> e : source.entrySet()) {
            long h = hashOfKey(e.getKey());
            int slot = (int) spread(h) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            hashes[slot] = h;
            keys[slot] = e.getKey();
            values[slot] = e.getValue();
        }
    }

    /** The map it was built from. */
    Map<String, V> asMap() {
        return source;
    }

    /** True when {@link ListenerContext#normalise} makes {@code name} empty, without building it. */
    static boolean normalisesToEmpty(String name) {
        return name == null || trimStart(name) == name.length();
    }

    /** The value of {@code normalise(name)}, or {@code fallback}. */
    V get(String name, V fallback) {
        String n = name == null ? "" : name;
        long h = mixTrimmedLower(FNV_OFFSET, n);
        if (h == NORMALISE_FIRST) {
            return source.getOrDefault(ListenerContext.normalise(n), fallback);
        }
        return find(h, n, null, fallback);
    }

    /** The value of {@code normalise(first) + '\u0000' + normalise(second)}, or {@code fallback}. */
    V get(String first, String second, V fallback) {
        String a = first == null ? "" : first;
        String b = second == null ? "" : second;
        long h = mixTrimmedLower(FNV_OFFSET, a);
        if (h != NORMALISE_FIRST) {
            h = mixTrimmedLower(mix(h, '\u0000'), b);
        }
        if (h == NORMALISE_FIRST) {
            return source.getOrDefault(ListenerContext.normalise(a) + '\u0000' + ListenerContext.normalise(b),
                    fallback);
        }
        return find(h, a, b, fallback);
    }

    @SuppressWarnings("unchecked")
    private V find(long h, String a, String b, V fallback) {
        int slot = (int) spread(h) & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == h && matches(keys[slot], a, b)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return fallback;
    }

    /** True when {@code key} is the normalised {@code a} (then a NUL and the normalised {@code b}, when given). */
    private static boolean matches(String key, String a, String b) {
        int at = matchTrimmedLower(key, 0, a);
        if (at < 0) {
            return false;
        }
        if (b == null) {
            return at == key.length();
        }
        if (at >= key.length() || key.charAt(at) != '\u0000') {
            return false;
        }
        return matchTrimmedLower(key, at + 1, b) == key.length();
    }

    /** Where the trimmed, lower-cased {@code s} ends in {@code key} from {@code from}, or -1 when it differs. */
    private static int matchTrimmedLower(String key, int from, String s) {
        int start = trimStart(s);
        int end = trimEnd(s, start);
        if (from + (end - start) > key.length()) {
            return -1;
        }
        for (int i = start, j = from; i < end; i++, j++) {
            if (key.charAt(j) != lower(s.charAt(i))) {
                return -1;
            }
        }
        return from + (end - start);
    }

    /** FNV-1a of the characters of a stored key. */
    private static long hashOfKey(String key) {
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            h = mix(h, key.charAt(i));
        }
        return h;
    }

    /**
     * Mixes in the characters of {@code s.trim().toLowerCase(Locale.ROOT)}, or returns {@link #NORMALISE_FIRST} when
     * {@code s} has a character outside ASCII. A hash that happens to be {@code NORMALISE_FIRST} takes the same
     * ordinary lookup, so the answer is exact either way.
     */
    private static long mixTrimmedLower(long h, String s) {
        int start = trimStart(s);
        int end = trimEnd(s, start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return NORMALISE_FIRST;
            }
            h = mix(h, lower(c));
        }
        return h;
    }

    // String.trim: every character up to ' ' at either end.
    private static int trimStart(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int start) {
        int e = s.length();
        while (e > start && s.charAt(e - 1) <= ' ') {
            e--;
        }
        return e;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static long mix(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    private static long spread(long h) {
        return h ^ (h >>> 29) ^ (h >>> 47);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalisedNameMap<?> other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source);
    }
}
