package org.audiu.core.history;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalised names that make two spellings the same song: case, accents, "feat." credits, edition suffixes
 * ("- Remastered 2011", "(Radio Edit)", "- Single Version"), soundtrack attributions ({@code (From "Movie")}) and
 * punctuation do not count. A different recording keeps its own title ("- Live", "- Acoustic", "- X Remix",
 * "- Sped Up"). Used to match plays to a catalogue and to exclude from recommendations what the listener already
 * knows. Stateless and thread-safe.
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
            + "|(original\\s+)?radio\\s+(edit|version)|single\\s+(version|edit)|album\\s+(version|edit)"
            + "|original\\s+mix|mono(\\s+version)?"
            + "|stereo(\\s+version)?|explicit(\\s+version)?|clean(\\s+version)?|bonus\\s+track|deluxe(\\s+edition)?"
            + "|expanded\\s+edition)(\\s+\\d{4})?(\\s+version)?";
    /** " - Remastered 2011", " - 2011 Remaster", " - Radio Edit" at the end of a title. */
    private static final Pattern DASH_EDITION = Pattern.compile("\\s+[-–—]\\s+" + EDITION + "\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** "(Remastered 2011)", "[Radio Edit]" at the end of a title. */
    private static final Pattern BRACKET_EDITION = Pattern.compile("\\s*[(\\[]" + EDITION + "[)\\]]\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * A soundtrack attribution at the end of a title: {@code (From "Pathu Thala")}, {@code [From "Liger"]},
     * {@code - From "Barbie The Album"}, {@code - From The Motion Picture "X"}. The same recording, named after the
     * film it is in.
     */
    private static final Pattern FROM = Pattern.compile("(\\s*[(\\[]\\s*from\\s[^)\\]]*[)\\]]"
            + "|\\s+[-–—]\\s+\\(?from\\s.*)\\s*$", Pattern.CASE_INSENSITIVE);
    /** A credit's list of names: "James Arthur & Anne-Marie", "Denzel Curry, YBN Cordae and Trevor Rich". */
    private static final Pattern CREDIT = Pattern.compile("[(\\[](?:feat\\.?|ft\\.?|featuring|with)\\s([^)\\]]*)[)\\]]"
            + "|\\s(?:feat\\.?|ft\\.|featuring)\\s([^()\\[\\]]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|&|\\band\\b)\\s*",
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
        return mayCarrySuffix(s) ? artistByNeededPatterns(s) : plain(s);
    }

    /** {@link #artistByPatterns}, each pattern tried only when the text it needs is there (as for titles). */
    static String artistByNeededPatterns(String stripped) {
        String s = hasBracket(stripped) ? BRACKETED_CREDIT.matcher(stripped).replaceAll("") : stripped;
        return plain(hasCreditWord(s) ? TRAILING_CREDIT.matcher(s).replaceAll("") : s);
    }

    /** {@link #artist} of a stripped name, every pattern tried. */
    static String artistByPatterns(String stripped) {
        String s = BRACKETED_CREDIT.matcher(stripped).replaceAll("");
        s = TRAILING_CREDIT.matcher(s).replaceAll("");
        return plain(s);
    }

    /** A normalised title: credits and edition suffixes dropped (repeatedly), then {@link #plain}. */
    public static String title(String title) {
        String s = title == null ? "" : title.strip();
        return mayCarrySuffix(s) ? titleByNeededPatterns(s, title) : orWhole(plain(s), title);
    }

    /**
     * {@link #titleByPatterns}, each pattern tried only when the text it needs is there: a bracket for the bracketed
     * credit and edition, a dash or a bracket for the dash edition and the soundtrack attribution, a "feat"/"ft."
     * for the trailing credit. A pattern whose text is missing cannot match, so the result is the same.
     */
    static String titleByNeededPatterns(String stripped, String title) {
        String s = stripped;
        String before;
        do {
            before = s;
            if (hasBracket(s)) {
                s = BRACKETED_CREDIT.matcher(s).replaceAll("");
            }
            if (hasDash(s)) {
                s = DASH_EDITION.matcher(s).replaceAll("");
            }
            if (hasBracket(s)) {
                s = BRACKET_EDITION.matcher(s).replaceAll("");
            }
            if (hasBracket(s) || hasDash(s)) {
                s = FROM.matcher(s).replaceAll("");
            }
            if (hasCreditWord(s)) {
                s = TRAILING_CREDIT.matcher(s).replaceAll("");
            }
        } while (!s.equals(before));
        return orWhole(plain(s), title);
    }

    private static boolean hasBracket(String s) {
        return s.indexOf('(') >= 0 || s.indexOf('[') >= 0;
    }

    private static boolean hasDash(String s) {
        return s.indexOf('-') >= 0 || s.indexOf('\u2013') >= 0 || s.indexOf('\u2014') >= 0;
    }

    /** Whether the text has "feat" or "ft." in any ASCII case (what the credit patterns, case-insensitive, need). */
    private static boolean hasCreditWord(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'f' || c == 'F') {
                char c1 = (char) (s.charAt(i + 1) | 0x20);
                char c2 = s.charAt(i + 2);
                if (c1 == 't' && c2 == '.') {
                    return true;
                }
                if (c1 == 'e' && (c2 | 0x20) == 'a' && i + 3 < s.length() && (s.charAt(i + 3) | 0x20) == 't') {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #title} of a stripped title, every pattern tried. */
    static String titleByPatterns(String stripped, String title) {
        String s = stripped;
        String before;
        do {
            before = s;
            s = BRACKETED_CREDIT.matcher(s).replaceAll("");
            s = DASH_EDITION.matcher(s).replaceAll("");
            s = BRACKET_EDITION.matcher(s).replaceAll("");
            s = FROM.matcher(s).replaceAll("");
            s = TRAILING_CREDIT.matcher(s).replaceAll("");
        } while (!s.equals(before));
        return orWhole(plain(s), title);
    }

    private static String orWhole(String plain, String title) {
        return plain.isEmpty() ? plain(title == null ? "" : title) : plain;
    }

    /**
     * The artists a title credits ("Work (feat. Rihanna)", "Rewrite The Stars (with James Arthur & Anne-Marie)",
     * "Song ft. A, B and C"), each {@link #plain}, in order, without repeats; empty when it credits none.
     */
    public static List<String> credits(String title) {
        return title == null || !mayCarrySuffix(title) ? List.of() : creditsByPatterns(title);
    }

    /** {@link #credits} of a title, the pattern tried. */
    static List<String> creditsByPatterns(String title) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CREDIT.matcher(title);
        while (m.find()) {
            String names = m.group(1) != null ? m.group(1) : m.group(2);
            for (String name : NAME_SEPARATOR.split(names)) {
                String a = artist(name);
                if (!a.isEmpty()) {
                    out.add(a);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether any of the credit, edition or soundtrack patterns can match: each needs a bracket, a dash or a
     * "feat"/"ft." word. Most catalogue names have none, and skip the patterns.
     */
    static boolean mayCarrySuffix(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '-' || c == '\u2013' || c == '\u2014') {
                return true;
            }
            if ((c == 'f' || c == 'F') && i + 2 < s.length()) {
                char c1 = Character.toLowerCase(s.charAt(i + 1));
                char c2 = Character.toLowerCase(s.charAt(i + 2));
                if ((c1 == 'e' && c2 == 'a') || (c1 == 't' && c2 == '.')) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Accents stripped, lower-cased, "&" read as "and", every run of other characters one space. */
    public static String plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return plainUnicode(s);
            }
        }
        return plainAscii(s);
    }

    /**
     * {@link #plainByPatterns} with its two patterns as one pass each over the code points: marks (\p{M}) dropped
     * after the decomposition, then every run of code points that are neither letters (\p{L}) nor numbers (\p{N})
     * one space, none at the ends. The lower-casing is the same call, on the whole string (it depends on context).
     */
    static String plainUnicode(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder noMarks = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                noMarks.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        String lower = noMarks.toString().toLowerCase(Locale.ROOT).replace("&", " and ");
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isLetterOrNumber(cp)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                out.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isLetterOrNumber(int cp) {
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** {@link #plain} of a string of ASCII characters only, in one pass (what the patterns give, without them). */
    static String plainAscii(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                appendWord(b, "and", true);
                gap = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                gap = appendChar(b, c, gap);
            } else if (c >= 'A' && c <= 'Z') {
                gap = appendChar(b, (char) (c + ('a' - 'A')), gap);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    private static boolean appendChar(StringBuilder b, char c, boolean gap) {
        if (gap && b.length() > 0) {
            b.append(' ');
        }
        b.append(c);
        return false;
    }

    private static void appendWord(StringBuilder b, String word, boolean gap) {
        boolean g = gap;
        for (int i = 0; i < word.length(); i++) {
            g = appendChar(b, word.charAt(i), g);
        }
    }

    /** {@link #plain} by Unicode decomposition and patterns, for any string. */
    static String plainByPatterns(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        String noMarks = MARKS.matcher(decomposed).replaceAll("");
        String lower = noMarks.toLowerCase(Locale.ROOT).replace("&", " and ");
        return NOT_ALNUM.matcher(lower).replaceAll(" ").strip();
    }
}
