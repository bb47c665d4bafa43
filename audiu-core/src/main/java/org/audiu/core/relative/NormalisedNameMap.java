package org.audiu.core.relative;

import java.util.Map;
import java.util.Objects;
import org.audiu.core.spi.candidates.NameHash;
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
            long h = NameHash.ofNormalised(e.getKey());
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
        return name == null || NameHash.trimStart(name) == name.length();
    }

    /** The value of {@code normalise(name)}, or {@code fallback}. */
    V get(String name, V fallback) {
        return get(NameHash.of(name), name, fallback);
    }

    /** {@link #get(String, Object)} with the name's {@link NameHash} computed before (once per catalogue row). */
    V get(long nameHash, String name, V fallback) {
        String n = name == null ? "" : name;
        if (nameHash == NameHash.ORDINARY) {
            return source.getOrDefault(ListenerContext.normalise(n), fallback);
        }
        return find(nameHash, n, null, fallback);
    }

    /** The value of {@code normalise(first) + '\u0000' + normalise(second)}, or {@code fallback}. */
    V get(String first, String second, V fallback) {
        return get(NameHash.of(first, second), first, second, fallback);
    }

    /** {@link #get(String, String, Object)} with the names' {@link NameHash} computed before. */
    V get(long namesHash, String first, String second, V fallback) {
        String a = first == null ? "" : first;
        String b = second == null ? "" : second;
        if (namesHash == NameHash.ORDINARY) {
            return source.getOrDefault(ListenerContext.normalise(a) + '\u0000' + ListenerContext.normalise(b),
                    fallback);
        }
        return find(namesHash, a, b, fallback);
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
        int start = NameHash.trimStart(s);
        int end = NameHash.trimEnd(s, start);
        if (from + (end - start) > key.length()) {
            return -1;
        }
        for (int i = start, j = from; i < end; i++, j++) {
            if (key.charAt(j) != NameHash.lowerAscii(s.charAt(i))) {
                return -1;
            }
        }
        return from + (end - start);
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
