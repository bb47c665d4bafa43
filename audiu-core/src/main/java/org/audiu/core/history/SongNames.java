package org.audiu.core.history;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised names that make two spellings the same song: case, accents, "feat." credits, edition suffixes
 * ("- Remastered 2011", "(Radio Edit)", "- Single Version") and punctuation do not count. Used to match plays to a
 * catalogue and to exclude from recommendations what the listener already knows. Stateless and thread-safe.
 */
public final class SongNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** A bracketed credit: "(feat. X)", "[with X]", "(ft X)". */
    private static final Pattern BRACKETED_CREDIT = Pattern.compile(
            "\\s*[(\\[](feat\\.?|ft\\.?|featuring|with)\\s[^)\\]]*[)\\]]", Pattern.CASE_INSENSITIVE);
    /** A trailing credit outside brackets: " feat. X", " ft. X", " featuring X". */
    private static final Pattern TRAILING_CREDIT = Pattern.compile("\\s+(feat\\.?|ft\\.|featuring)\\s.*$",
            Pattern.CASE_INSENSITIVE);
    private static final String EDITION = "(\\d{4}\\s+)?(digital(ly)?\\s+)?(re-?master(ed)?|remaster(ed)?\\s+version"
            + "|radio\\s+edit|single\\s+version|album\\s+version|original\\s+mix|mono(\\s+version)?"
            + "|stereo(\\s+version)?|explicit(\\s+version)?|clean(\\s+version)?|bonus\\s+track|deluxe(\\s+edition)?"
            + "|expanded\\s+edition)(\\s+\\d{4})?(\\s+version)?";
    /** " - Remastered 2011", " - 2011 Remaster", " - Radio Edit" at the end of a title. */
    private static final Pattern DASH_EDITION = Pattern.compile("\\s+[-–—]\\s+" + EDITION + "\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** "(Remastered 2011)", "[Radio Edit]" at the end of a title. */
    private static final Pattern BRACKET_EDITION = Pattern.compile("\\s*[(\\[]" + EDITION + "[)\\]]\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SongNames() {
    }

    /** The song key of a main artist and a title: both normalised, joined by a NUL. */
    public static String key(String artist, String title) {
        return artist(artist) + '\u0000' + title(title);
    }

    /** A normalised artist: a trailing "feat." credit dropped, then {@link #plain}. */
    public static String artist(String artist) {
        String s = artist == null ? "" : artist.strip();
        s = BRACKETED_CREDIT.matcher(s).replaceAll("");
        s = TRAILING_CREDIT.matcher(s).replaceAll("");
        return plain(s);
    }

    /** A normalised title: credits and edition suffixes dropped (repeatedly), then {@link #plain}. */
    public static String title(String title) {
        String s = title == null ? "" : title.strip();
        String before;
        do {
            before = s;
            s = BRACKETED_CREDIT.matcher(s).replaceAll("");
            s = DASH_EDITION.matcher(s).replaceAll("");
            s = BRACKET_EDITION.matcher(s).replaceAll("");
            s = TRAILING_CREDIT.matcher(s).replaceAll("");
        } while (!s.equals(before));
        String plain = plain(s);
        return plain.isEmpty() ? plain(title == null ? "" : title) : plain;
    }

    /** Accents stripped, lower-cased, "&" read as "and", every run of other characters one space. */
    public static String plain(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        String noMarks = MARKS.matcher(decomposed).replaceAll("");
        String lower = noMarks.toLowerCase(Locale.ROOT).replace("&", " and ");
        return NOT_ALNUM.matcher(lower).replaceAll(" ").strip();
    }
}
