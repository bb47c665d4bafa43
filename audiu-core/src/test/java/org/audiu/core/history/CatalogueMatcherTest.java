package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.audiu.core.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching songs to catalogue tracks: surest key first, then each looser key, never a different recording. */
class CatalogueMatcherTest {
    @TempDir
    Path dir;

    private static Track track(String id, String title, String... artists) {
        return Track.builder(id, title).artists(artists).build();
    }

    private static final List<Track> CATALOGUE = List.of(
            track("efron", "Rewrite The Stars", "Zac Efron", "Zendaya"),
            track("marsh", "Leave Before You Love Me", "Marshmello", "Jonas Brothers"),
            track("eastside", "Eastside (with Halsey & Khalid)", "benny blanco"),
            track("peas", "Boom Boom Pow", "The Black Eyed Peas"),
            track("queen", "We Will Rock You - Remastered", "Queen"),
            track("pathu", "Namma Satham", "A.R. Rahman"),
            track("live", "Fix You - Live", "Coldplay"),
            track("fix", "Fix You", "Coldplay"),
            track("collab", "Elevate", "DJ Khalil", "Denzel Curry"),
            track("cover", "Halo", "Some Cover Band"),
            track("halo", "Halo", "Beyoncé"));

    private final CatalogueMatcher matcher = new CatalogueMatcher(CATALOGUE.stream());

    private Optional<CatalogueMatcher.Found> find(String artist, String title) {
        return matcher.find(Optional.empty(), Optional.empty(), artist, title);
    }

    private String idOf(String artist, String title) {
        return find(artist, title).map(f -> f.track().id()).orElse("none");
    }

    @Test
    void theMainArtistAndTitleComeBeforeAnyLooserKey() {
        assertEquals(CatalogueMatcher.How.NAME, find("Beyonce", "Halo - Radio Edit").orElseThrow().how());
        assertEquals("halo", idOf("Beyoncé", "Halo"), "the cover listed first is by another artist");
        assertEquals(CatalogueMatcher.How.ID, matcher.find(Optional.of("fix"), Optional.empty(), "x", "y")
                .orElseThrow().how());
    }

    @Test
    void eachOfATracksArtistsMatches() {
        CatalogueMatcher.Found f = find("Jonas Brothers", "Leave Before You Love Me").orElseThrow();
        assertEquals("marsh", f.track().id());
        assertEquals(CatalogueMatcher.How.ANY_ARTIST, f.how());
        assertEquals("efron", idOf("Zendaya", "Rewrite The Stars"));
    }

    @Test
    void artistsCreditedInATitleMatch() {
        assertEquals("eastside", idOf("Halsey", "Eastside"));
        assertEquals("eastside", idOf("Khalid", "Eastside (with Halsey & Khalid)"));
        // The export's collaboration credits an artist of the catalogue's collaboration.
        assertEquals("collab", idOf("Someone Else", "Elevate (feat. Denzel Curry, YBN Cordae, SwaVay)"));
    }

    @Test
    void aCreditDoesNotMakeAnotherRecordingTheSame() {
        assertEquals("none", idOf("Five", "We Will Rock You (feat. Queen)"), "Queen's own recording is not Five's");
        assertEquals("none", idOf("James Arthur", "Rewrite The Stars (with James Arthur & Anne-Marie)"),
                "the catalogue has only Zac Efron and Zendaya's recording");
    }

    @Test
    void aLeadingTheDoesNotCount() {
        assertEquals("peas", idOf("Black Eyed Peas", "Boom Boom Pow"));
    }

    @Test
    void editionsAndSoundtrackAttributionsAreTheSameRecordingButLiveIsNot() {
        assertEquals("pathu", idOf("A.R. Rahman", "Namma Satham (From \"Pathu Thala\")"));
        assertEquals("pathu", idOf("A.R. Rahman", "Namma Satham - From \"Pathu Thala\""));
        assertEquals("fix", idOf("Coldplay", "Fix You - Remastered 2011"));
        assertEquals("live", idOf("Coldplay", "Fix You - Live"));
        assertEquals("none", idOf("Coldplay", "Fix You - Acoustic"));
        assertEquals("none", idOf("Coldplay", "Fix You - Tiësto Remix"));
    }

    @Test
    void theReportGivesTheMatchedShareOfSongsAndOfPlaysAndNamesTheOtherArtist() throws IOException {
        String play = "{\"ts\":\"2023-01-0%dT10:00:00Z\",\"ms_played\":200000,\"master_metadata_track_name\":\"%s\","
                + "\"master_metadata_album_artist_name\":\"%s\",\"spotify_track_uri\":null}";
        String json = "[" + String.join(",",
                String.format(play, 1, "Leave Before You Love Me", "Jonas Brothers"),
                String.format(play, 2, "Leave Before You Love Me", "Jonas Brothers"),
                String.format(play, 3, "Leave Before You Love Me", "Jonas Brothers"),
                String.format(play, 4, "Rewrite The Stars (with James Arthur & Anne-Marie)", "James Arthur"),
                String.format(play, 5, "Unknown Song", "Unknown Artist")) + "]";
        Path file = dir.resolve("Streaming_History_Audio_2023.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        MatchReport r = matcher.match(new HistoryReader().read(file)).report();
        assertEquals(3, r.songs(), r.summary());
        assertEquals(1, r.byAnyArtist(), r.summary());
        assertEquals(1.0 / 3, r.songShare(), 1e-9);
        assertEquals(3.0 / 5, r.playShare(), 1e-9);
        assertTrue(r.summary().contains("(33.3%)") && r.summary().contains("(60.0%)"), r.summary());
        assertTrue(r.unmatchedExamples().stream().anyMatch(e -> e.contains("by another artist (Zac Efron, Zendaya)")),
                r.summary());
    }

    @Test
    void aReportWithMoreMatchedThanSongsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MatchReport(1, 1, 1, 1, 0, 0, 1, 1, Map.of(),
                List.of()));
    }

    @Test
    void anEmptyCatalogueMatchesNothing() {
        assertEquals(0, CatalogueMatcher.none().size());
        assertTrue(new CatalogueMatcher(Stream.empty()).find(Optional.of("x"), Optional.empty(), "A", "B").isEmpty());
    }
}
