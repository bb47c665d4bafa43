package org.audiu.core.history;

/**
 * A 64-bit hash of a {@link SongNames#key song key} (or of a {@link SongNames#plain plain} name) computed without
 * building the key: the ranking pass asks it of every candidate, so a lookup allocates nothing and runs no regular
 * expression, and the key string is built only on a hash hit, to confirm it.
 *
 * <p>The hash is FNV-1a over the characters of the key. For a plain-ASCII artist and title that none of
 * {@link SongNames}' credit and edition patterns can touch (no bracket, no dash in the title, no word "feat", "ft"
 * or "featuring"), it is computed while walking the raw strings, exactly as if the key had been built; anything
 * else builds the key and hashes it. So {@code of(a, t) == ofKey(SongNames.key(a, t))} always: a hash miss proves
 * the keys differ. Stateless and thread-safe.
 */
public final class SongKeyHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SongKeyHash() {
    }

    /** The hash of {@code SongNames.key(artist, title)}. */
    public static long of(String artist, String title) {
        String a = artist == null ? "" : artist;
        String t = title == null ? "" : title;
        if (!untouched(a, false) || !untouched(t, true)) {
            return ofKey(SongNames.key(a, t));
        }
        long h = plainInto(FNV_OFFSET, a);
        h = mix(h, '\u0000');
        return plainInto(h, t);
    }

    /** The hash of {@code SongNames.plain(name)}, as {@link #of} would hash it. */
    public static long ofPlain(String name) {
        String s = name == null ? "" : name;
        return untouched(s, false) ? plainInto(FNV_OFFSET, s) : ofKey(SongNames.plain(s));
    }

    /** FNV-1a over the characters of a key already built. */
    public static long ofKey(String key) {
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            h = mix(h, key.charAt(i));
        }
        return h;
    }

    /**
     * True when {@link SongNames} would only lower-case and tokenise this string: plain ASCII (accents and Unicode
     * folding need the normaliser), no '(' or '[' (bracketed credits and editions), no '-' in a title (dash
     * editions), and no word that starts a credit ("feat", "ft", "featuring").
     */
    private static boolean untouched(String s, boolean title) {
        int wordStart = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (c >= 0x80 || c == '(' || c == '[' || (title && c == '-')) {
                return false;
            }
            if (isAlnum(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                }
            } else if (wordStart >= 0) {
                if (isCreditWord(s, wordStart, i)) {
                    return false;
                }
                wordStart = -1;
            }
        }
        return true;
    }

    private static boolean isCreditWord(String s, int from, int to) {
        int n = to - from;
        return (n == 2 && s.regionMatches(true, from, "ft", 0, 2))
                || (n == 4 && s.regionMatches(true, from, "feat", 0, 4))
                || (n == 9 && s.regionMatches(true, from, "featuring", 0, 9));
    }

    /**
     * Mixes in what {@link SongNames#plain} makes of an ASCII string: its runs of letters and digits, lower-cased,
     * with each '&' the word "and", one space between words.
     */
    private static long plainInto(long h, String s) {
        boolean wrote = false;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                if (wrote) {
                    h = mix(h, ' ');
                }
                h = mix(mix(mix(h, 'a'), 'n'), 'd');
                wrote = true;
                inWord = false;
            } else if (isAlnum(c)) {
                if (!inWord && wrote) {
                    h = mix(h, ' ');
                }
                h = mix(h, c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                wrote = true;
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return h;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    private static long mix(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }
}
