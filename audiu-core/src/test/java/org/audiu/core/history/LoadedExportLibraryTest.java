package org.audiu.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.audiu.core.Artist;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export's saved tracks, playlists, followed and banned artists and tracks, as a library matched to a catalogue. */
class LoadedExportLibraryTest {
    @TempDir
    Path dir;

    private static final List<Track> CATALOGUE = List.of(
            Track.builder("0DiWol3AO6WpXZgp0goxAV", "One More Time").artists("Daft Punk").build(),
            Track.builder("cat-eple", "Eple").artists("Röyksopp").build(),
            Track.builder("2VEZx7NWsZ1D0eJ4uv5Fym", "Digital Love").artists("Daft Punk").build(),
            Track.builder("4vDuVVSTsDHjdh4FB0Q5x1", "Axel F").artists("Crazy Frog").build(),
            Track.builder("cat-femme", "La Femme d'Argent").artists("Air").build());

    private LoadedHistory load() throws IOException {
        Path export = dir.resolve("export");
        Files.createDirectories(export);
        Files.writeString(export.resolve("YourLibrary.json"), ExportLibraryReaderTest.LIBRARY, StandardCharsets.UTF_8);
        Files.writeString(export.resolve("Playlist1.json"), ExportLibraryReaderTest.PLAYLISTS, StandardCharsets.UTF_8);
        Files.writeString(export.resolve("StreamingHistory_music_0.json"), ExportLibraryReaderTest.PLAYS,
                StandardCharsets.UTF_8);
        return LoadedHistory.load(export, new CatalogueMatcher(CATALOGUE.stream()));
    }

    @Test
    void savedTracksAndPlaylistItemsMatchByIdFirstThenByNameAndKeepTheirIdsOtherwise() throws IOException {
        LoadedHistory h = load();
        ListenerLibrary lib = h.library();
        assertEquals(List.of("0DiWol3AO6WpXZgp0goxAV", "cat-eple"),
                lib.savedTracks().stream().map(s -> s.track().id()).toList(),
                "One More Time by its Spotify id; Eple, whose id the catalogue lacks, by artist + title");
        assertEquals(Instant.parse("2021-03-11T01:20:00Z"), lib.savedTracks().get(0).addedAt(),
                "undated saved tracks count as added at the export's last play");
        Playlist mix = lib.playlists().get(0);
        assertEquals("Mix", mix.name());
        assertEquals(List.of("2VEZx7NWsZ1D0eJ4uv5Fym"), mix.items().stream().map(i -> i.track().id()).toList());
        assertEquals(Instant.parse("2021-02-20T00:00:00Z"), mix.items().get(0).addedAt().orElseThrow());
        assertEquals(List.of("cat-eple"), lib.playlists().get(1).items().stream().map(i -> i.track().id()).toList());
        assertEquals(List.of("Air", "Justice"), lib.followedArtists().stream().map(Artist::name).toList());
        assertEquals(List.of("4vDuVVSTsDHjdh4FB0Q5x1"), lib.bannedTracks().stream().map(Track::id).toList());
        assertEquals(List.of("Nickelback"), lib.bannedArtists().stream().map(Artist::name).toList());
        assertEquals(2, lib.playHistory().size(), "the plays are there too");

        LibraryMatchReport m = h.libraryMatch();
        assertEquals(new LibraryMatchReport(5, 2, 2, 1, 2, 2, 2, 1, 1, 1), m);
        assertTrue(h.summary().contains("matched 2 of 2 saved tracks (1 by Spotify id) and 2 of 2 playlist tracks in "
                + "2 playlists (1 by Spotify id) to a catalogue of 5 tracks; 1 of 1 banned tracks"), h.summary());
        assertTrue(h.anyMatched());
        assertTrue(lib.tracksById().containsKey("4vDuVVSTsDHjdh4FB0Q5x1"), "banned tracks are library tracks");
    }

    @Test
    void unmatchedLibraryTracksStayUnderTheirSpotifyIdAndNothingMatchedIsSaid() throws IOException {
        Path export = dir.resolve("alone");
        Files.createDirectories(export);
        Files.writeString(export.resolve("YourLibrary.json"), ExportLibraryReaderTest.LIBRARY, StandardCharsets.UTF_8);
        LoadedHistory h = LoadedHistory.load(export, new CatalogueMatcher(Stream.empty()));
        assertEquals(List.of("0DiWol3AO6WpXZgp0goxAV", "2vDuVVSTsDHjdh4FB0Q5x1"),
                h.library().savedTracks().stream().map(s -> s.track().id()).toList());
        assertEquals(0, h.libraryMatch().savedMatched());
        assertTrue(!h.anyMatched());
        assertEquals(Instant.EPOCH, h.library().savedTracks().get(0).addedAt(), "no plays: the epoch");
    }

    @Test
    void aConfiguredLibraryPlusTheExportKeepsBoth() throws IOException {
        Track own = Track.builder("own", "Song").artists("Someone").build();
        ListenerLibrary configured = new ListenerLibrary(List.of(new SavedTrack(own, Instant.EPOCH)),
                List.of(new Playlist("p", "Mine", true, List.of(PlaylistItem.of(own)))), Map.of(), Map.of(),
                List.of());
        ListenerLibrary merged = configured.plus(load().library());
        assertEquals(List.of("own", "0DiWol3AO6WpXZgp0goxAV", "cat-eple"),
                merged.savedTracks().stream().map(s -> s.track().id()).toList());
        assertEquals(List.of("Mine", "Mix", "Second"), merged.playlists().stream().map(Playlist::name).toList());
        assertEquals(2, merged.playHistory().size());
        assertEquals(1, merged.bannedTracks().size());
        assertEquals(2, merged.followedArtists().size());
    }
}
