package org.audiu.core.spi.candidates;

/**
 * A 64-bit hash of a name as {@link org.audiu.core.spi.listener.ListenerContext#normalise} makes it (trimmed and
 * lower-cased), computed from the raw characters without building the normalised string: FNV-1a over them, two names
 * joined by a NUL. A name with a character outside ASCII (where lower-casing is not one character for one) has no
 * such hash: {@link #ORDINARY} says "normalise it the ordinary way". A catalogue computes these once per row
 * ({@link TrackKeys}); the listener features look names up by them. Equal hashes are a hint, not a proof: the caller
 * compares the characters on a hit.
 */
public final class NameHash {
    /** The answer for a name to normalise the ordinary way (and for the one ASCII name in 2^64 that hashes to it). */
    public static final long ORDINARY = 0;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private NameHash() {
    }

    /** The hash of {@code normalise(name)}, or {@link #ORDINARY}. */
    public static long of(String name) {
        return mixTrimmedLower(FNV_OFFSET, name == null ? "" : name);
    }

    /** The hash of {@code normalise(first) + '\u0000' + normalise(second)}, or {@link #ORDINARY}. */
    public static long of(String first, String second) {
        long h = mixTrimmedLower(FNV_OFFSET, first == null ? "" : first);
        return h == ORDINARY ? ORDINARY : mixTrimmedLower(mix(h, '\u0000'), second == null ? "" : second);
    }

    /** FNV-1a of the characters of a name already normalised (a stored key), as {@link #of} gives for its raw form. */
    public static long ofNormalised(String key) {
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            h = mix(h, key.charAt(i));
        }
        return h;
    }

    private static long mixTrimmedLower(long h, String s) {
        int start = trimStart(s);
        int end = trimEnd(s, start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return ORDINARY;
            }
            h = mix(h, lowerAscii(c));
        }
        return h;
    }

    /** Where {@link String#trim} starts {@code s}: past every character up to ' '. */
    public static int trimStart(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    /** Where {@link String#trim} ends {@code s}, from {@code start}. */
    public static int trimEnd(String s, int start) {
        int e = s.length();
        while (e > start && s.charAt(e - 1) <= ' ') {
            e--;
        }
        return e;
    }

    /** {@code c} lower-cased when it is an ASCII capital. */
    public static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static long mix(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }
}
