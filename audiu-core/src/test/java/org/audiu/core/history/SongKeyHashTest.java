package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hash computed while reading the names equals the hash of the key {@link SongNames} builds, always. */
class SongKeyHashTest {
    private static final List<String> NAMES = List.of("", " ", "Queen", "The Beatles", "AC/DC", "Simon & Garfunkel",
            "Simon&Garfunkel", "&", "&&x", "  Lead  and trail  ", "Beyoncé", "Sigur Rós", "Mötley Crüe", "平井堅",
            "Calvin Harris feat. Rihanna", "Calvin Harris ft. Rihanna", "A featuring B", "Feat", "FT", "ft.",
            "Left (feat. Right)", "Song [with X]", "Hey Jude - Remastered 2015", "Song - Radio Edit", "Song (Remastered)",
            "(Remastered)", "Rewrite The Stars (with James Arthur & Anne-Marie)", "Don't Stop Me Now", "99 Luftballons",
            "Song - Live", "x-y", "Song — 2011 Remaster", "feats", "fts", "Featurings", "\tTab\tSong\n", "1,2,3",
            "ÅÄÖ", "café", "ﬁne", "Straße", "İstanbul", "Generated Song 123456", "Generated Artist 17");

    @Test
    void equalsTheHashOfTheBuiltKeyOnHandPickedNames() {
        for (String artist : NAMES) {
            for (String title : NAMES) {
                assertEquals(SongKeyHash.ofKey(SongNames.key(artist, title)), SongKeyHash.of(artist, title),
                        () -> "'" + artist + "' / '" + title + "'");
            }
            assertEquals(SongKeyHash.ofKey(SongNames.plain(artist)), SongKeyHash.ofPlain(artist), artist);
        }
    }

    @Test
    void equalsTheHashOfTheBuiltKeyOnRandomNames() {
        String alphabet = "abcXYZ 09&-()[].,'/éß\tfeatFT";
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            String artist = random(random, alphabet);
            String title = random(random, alphabet);
            assertEquals(SongKeyHash.ofKey(SongNames.key(artist, title)), SongKeyHash.of(artist, title),
                    () -> "'" + artist + "' / '" + title + "'");
        }
    }

    @Test
    void theArtistsPartComputedOnceGivesTheSameHash() {
        for (String artist : NAMES) {
            long part = SongKeyHash.artistPart(artist);
            for (String title : NAMES) {
                assertEquals(SongKeyHash.of(artist, title), SongKeyHash.of(part, artist, title),
                        () -> "'" + artist + "' / '" + title + "'");
            }
        }
        String alphabet = "abcXYZ 09&-()[].,'/éß\tfeatFT";
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String artist = random(random, alphabet);
            String title = random(random, alphabet);
            assertEquals(SongKeyHash.of(artist, title), SongKeyHash.of(SongKeyHash.artistPart(artist), artist, title),
                    () -> "'" + artist + "' / '" + title + "'");
        }
    }

    @Test
    void nullsAreEmptyNames() {
        assertEquals(SongKeyHash.ofKey(SongNames.key("", "")), SongKeyHash.of(null, null));
    }

    private static String random(SplittableRandom r, String alphabet) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(14);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(6) == 0) {
                b.append(List.of(" feat ", " ft. ", " featuring ", " (feat. X) ", " - Remastered", "&").get(r.nextInt(6)));
            } else {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
        }
        return b.toString();
    }
}
