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
    /** {@link #mixPlain}'s answer for "build the key and hash that". */
    private static final long BUILD_THE_KEY = 0;

    private SongKeyHash() {
    }

    /** The hash of {@code SongNames.key(artist, title)}. */
    public static long of(String artist, String title) {
        String a = artist == null ? "" : artist;
        String t = title == null ? "" : title;
        long h = mixPlain(FNV_OFFSET, a, false);
        if (h != BUILD_THE_KEY) {
            h = mixPlain(mix(h, '\u0000'), t, true);
        }
        return h != BUILD_THE_KEY ? h : ofKey(SongNames.key(a, t));
    }

    /**
     * The part of {@link #of}'s hash that depends on the artist alone, for a source that hashes many titles of one
     * artist ({@link #of(long, String, String)}); 0 when the artist's name needs the normaliser.
     */
    public static long artistPart(String artist) {
        return mixPlain(FNV_OFFSET, artist == null ? "" : artist, false);
    }

    /** {@link #of(String, String)}, with the artist's part {@link #artistPart} computed once for its tracks. */
    public static long of(long artistPart, String artist, String title) {
        if (artistPart == BUILD_THE_KEY) {
            return of(artist, title);
        }
        String t = title == null ? "" : title;
        long h = mixPlain(mix(artistPart, '\u0000'), t, true);
        return h != BUILD_THE_KEY ? h : ofKey(SongNames.key(artist == null ? "" : artist, t));
    }

    /** The hash of {@code SongNames.plain(name)}, as {@link #of} would hash it. */
    public static long ofPlain(String name) {
        String s = name == null ? "" : name;
        long h = mixPlain(FNV_OFFSET, s, false);
        return h != BUILD_THE_KEY ? h : ofKey(SongNames.plain(s));
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
     * Mixes in what {@link SongNames} makes of a string that it would only lower-case and tokenise: its runs of
     * ASCII letters and digits, lower-cased, with each '&' the word "and", one space between words. Returns
     * {@link #BUILD_THE_KEY} when the string may be more than that: a character outside ASCII (accents and Unicode
     * folding need the normaliser), '(' or '[' (bracketed credits and editions), '-' in a title (dash editions), or
     * a word that starts a credit ("feat", "ft", "featuring"). A hash that happens to be {@code BUILD_THE_KEY} also
     * sends the caller to the built key, which gives the same value: the result is exact either way.
     */
    private static long mixPlain(long h, String s, boolean title) {
        boolean wrote = false;
        int wordStart = -1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isAlnum(c)) {
                if (wordStart < 0) {
                    if (wrote) {
                        h = mix(h, ' ');
                    }
                    wordStart = i;
                }
                h = mix(h, c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                wrote = true;
                continue;
            }
            if (c >= 0x80 || c == '(' || c == '[' || (title && c == '-')
                    || (wordStart >= 0 && isCreditWord(s, wordStart, i))) {
                return BUILD_THE_KEY;
            }
            wordStart = -1;
            if (c == '&') {
                if (wrote) {
                    h = mix(h, ' ');
                }
                h = mix(mix(mix(h, 'a'), 'n'), 'd');
                wrote = true;
            }
        }
        if (wordStart >= 0 && isCreditWord(s, wordStart, n)) {
            return BUILD_THE_KEY;
        }
        return h;
    }

    private static boolean isCreditWord(String s, int from, int to) {
        int len = to - from;
        if ((len != 2 && len != 4 && len != 9) || (s.charAt(from) | 0x20) != 'f') {
            return false;
        }
        return (len == 2 && (s.charAt(from + 1) | 0x20) == 't')
                || (len == 4 && s.regionMatches(true, from, "feat", 0, 4))
                || (len == 9 && s.regionMatches(true, from, "featuring", 0, 9));
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    private static long mix(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }
}
