package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.recommender.LibraryExclusions;
import org.junit.jupiter.api.Test;

class SongNamesTest {
    @Test
    void spellingsOfOneSongShareAKey() {
        String key = SongNames.key("Beyoncé", "Halo");
        assertEquals(key, SongNames.key("BEYONCE", "halo"));
        assertEquals(SongNames.key("The Beatles", "Here Comes The Sun"),
                SongNames.key("The Beatles", "Here Comes The Sun - Remastered 2019"));
        assertEquals(SongNames.key("The Beatles", "Let It Be"), SongNames.key("The Beatles", "Let It Be - 2009 Remaster"));
        assertEquals(SongNames.key("Calvin Harris", "Feel So Close"),
                SongNames.key("Calvin Harris feat. Someone", "Feel So Close (Radio Edit)"));
        assertEquals(SongNames.key("Drake", "Work"), SongNames.key("Drake", "Work (feat. Rihanna)"));
        assertEquals(SongNames.key("Drake", "Work"), SongNames.key("Drake", "Work ft. Rihanna"));
        assertEquals(SongNames.key("Simon & Garfunkel", "Mrs. Robinson"),
                SongNames.key("Simon and Garfunkel", "Mrs Robinson"));
        assertEquals(SongNames.key("Guns N' Roses", "Don't Cry"), SongNames.key("Guns N Roses", "Don t Cry!"));
    }

    @Test
    void differentSongsKeepDifferentKeys() {
        assertNotEquals(SongNames.key("Artist", "Song"), SongNames.key("Artist", "Song - Live"));
        assertNotEquals(SongNames.key("Artist", "Song"), SongNames.key("Artist", "Song - Club Remix"));
        assertNotEquals(SongNames.key("Artist", "Song"), SongNames.key("Other", "Song"));
        assertNotEquals(SongNames.key("Artist", "Song"), SongNames.key("Artist", "Song - Acoustic"));
        assertNotEquals(SongNames.key("Artist", "Song"), SongNames.key("Artist", "Song - Sped Up"));
        assertEquals("remastered", SongNames.title("Remastered"), "a title that is only a suffix word stays");
        assertEquals("東京", SongNames.title("東京"));
    }

    @Test
    void soundtrackAttributionsAndMoreEditionsDoNotCount() {
        String key = SongNames.key("Arijit Singh", "Ullu Ka Pattha");
        assertEquals(key, SongNames.key("Arijit Singh", "Ullu Ka Pattha (From \"Jagga Jasoos\")"));
        assertEquals(key, SongNames.key("Arijit Singh", "Ullu Ka Pattha [From \"Jagga Jasoos\"]"));
        assertEquals(key, SongNames.key("Arijit Singh", "Ullu Ka Pattha - From \"Jagga Jasoos\""));
        assertEquals(SongNames.key("Dua Lipa", "Dance The Night"),
                SongNames.key("Dua Lipa", "Dance The Night - From Barbie The Album"));
        assertEquals(SongNames.key("A", "Song"), SongNames.key("A", "Song - Single Edit"));
        assertEquals(SongNames.key("A", "Song"), SongNames.key("A", "Song (Radio Version)"));
        assertEquals("from me to you", SongNames.title("From Me To You"), "a title that starts with 'From' stays");
    }

    @Test
    void creditsNameEachCreditedArtist() {
        assertEquals(List.of("james arthur", "anne marie"),
                SongNames.credits("Rewrite The Stars (with James Arthur & Anne-Marie)"));
        assertEquals(List.of("denzel curry", "ybn cordae", "trevor rich"),
                SongNames.credits("Elevate (feat. Denzel Curry, YBN Cordae and Trevor Rich)"));
        assertEquals(List.of("rihanna"), SongNames.credits("Work ft. Rihanna"));
        assertEquals(List.of("jack harlow"), SongNames.credits("INDUSTRY BABY (feat. Jack Harlow) - Remix"));
        assertEquals(List.of(), SongNames.credits("Without Me"));
        assertEquals(List.of(), SongNames.credits(null));
    }

    @Test
    void exclusionUsesTheSameNormalisation() {
        Track liked = Track.builder("a", "Here Comes The Sun - Remastered 2019").artists("The Beatles").build();
        Track accented = Track.builder("b", "Halo").artists("Beyoncé").build();
        Track and = Track.builder("c", "Mrs. Robinson").artists("Simon & Garfunkel").build();
        LibraryExclusions ex = LibraryExclusions.of(new ListenerLibrary(List.of(), List.of(new Playlist("p", "p", true,
                List.of(PlaylistItem.of(liked), PlaylistItem.of(accented), PlaylistItem.of(and)))), java.util.Map.of(),
                java.util.Map.of(), List.of()));
        assertTrue(ex.excludes(Track.builder("x", "Here Comes the Sun").artists("the beatles").build()));
        assertTrue(ex.excludes(Track.builder("y", "HALO (feat. Nobody)").artists("Beyonce").build()));
        assertTrue(ex.excludes(Track.builder("z", "Halo").artists("Beyoncé").build()));
        assertTrue(ex.excludes(Track.builder("w", "Mrs Robinson").artists("Simon and Garfunkel").build()));
        assertTrue(!ex.excludes(Track.builder("v", "Halo").artists("Someone Else").build()));
        assertTrue(!ex.excludes(Track.builder("u", "Let It Be").artists("The Beatles").build()));
        assertEquals(LibraryExclusions.songKey(liked), SongNames.key("The Beatles", "Here Comes The Sun"));
    }

    /**
     * The one-pass paths (plain ASCII, the Unicode loop, no bracket/dash/credit, each pattern only when its text is
     * there) give exactly what the patterns give.
     */
    @Test
    void theFastPathsNormaliseAsThePatternsDo() {
        String[] pieces = {"a", "B", "z", "Z", "0", "9", " ", "  ", "&", "'", ".", ",", "!", "\t", "-", " - ", "(", ")",
            "[", "]", "feat", "Feat.", "ft.", "FT", "featuring", "with", "Remastered", "2011", "Radio Edit", "from",
            "\"", "é", "Ö", "ß", "–", "—", "ﬁ", "Ⅻ", "ǅ", "\u0301", "Live", "Version", "Mix", "x", "fe", "f",
            // Unicode the one-pass loops must read as the patterns do: context-dependent lower case (İ, final Σ),
            // supplementary and lone surrogates, enclosing and spacing marks, other numbers, no-break space.
            "İ", "Σ", "ΑΣ", "\uD83D\uDE00", "\uD800", "²", "٣", "\u20DD", "\u0903", "한", "\u00A0", "ﬀ",
            "FEAT", "Ft.", "fEaT", "ft", "FeAt.", "(With", "[feat. ", "From \"", "(from ", " – Remastered", "Edit)"};
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            String stripped = s.strip();
            assertEquals(SongNames.plainByPatterns(s), SongNames.plain(s), "plain of '" + s + "'");
            assertEquals(SongNames.plainByPatterns(s), SongNames.plainUnicode(s), "plain (Unicode pass) of '" + s + "'");
            assertEquals(SongNames.titleByPatterns(stripped, s), SongNames.title(s), "title of '" + s + "'");
            assertEquals(SongNames.artistByPatterns(stripped), SongNames.artist(s), "artist of '" + s + "'");
            assertEquals(SongNames.creditsByPatterns(s), SongNames.credits(s), "credits of '" + s + "'");
        }
    }
}
