package org.audiu.core.spi.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.history.SongKeyHash;
import org.audiu.core.history.SongNames;
import org.audiu.core.recommender.LibraryExclusions;
import org.junit.jupiter.api.Test;

/** The keys a catalogue computes once per row give the same exclusions as the track itself, in every pass. */
class TrackKeysTest {
    private static Track track(String id, String artist, String name) {
        return Track.builder(id, name).artists(artist).build();
    }

    private static final List<Track> TRACKS = List.of(track("a", "AC/DC", "You Shook Me All Night Long"),
            track("b", "Beyoncé", "Halo"), track("c", "Calvin Harris", "Summer (feat. Someone) - Radio Edit"),
            track("d", "Daft Punk", ""), track("e", "Straße", "Über"), track("f", "Queen", "Radio Ga Ga"));

    @Test
    void theKeysAreTheHashesOfTheIdAndOfTheSongKey() {
        for (Track t : TRACKS) {
            TrackKeys k = TrackKeys.of(t);
            assertEquals(SongKeyHash.ofKey(t.id()), k.idHash(), t.toString());
            if (t.name().isEmpty()) {
                assertEquals(TrackKeys.NO_SONG, k.songKeyHash(), "no title, no song");
            } else {
                assertEquals(TrackKeys.songHashOfKey(SongNames.key(t.mainArtist(), t.name())), k.songKeyHash());
                assertNotEquals(TrackKeys.NO_SONG, k.songKeyHash());
            }
        }
    }

    @Test
    void exclusionsByCandidateAnswerAsByTrack() {
        LibraryExclusions e = LibraryExclusions.of(new ListenerLibrary(List.of(), List.of(new Playlist("p", "P", true,
                List.of(PlaylistItem.of(track("a", "AC/DC", "You Shook Me All Night Long")),
                        PlaylistItem.of(track("x", "Calvin Harris", "Summer - Radio Edit")),
                        PlaylistItem.of(track("d", "Daft Punk", ""))))), Map.of(), Map.of(), List.of()));
        FeatureVector features = new FeatureVector(AudioFeatures.STANDARD,
                new double[AudioFeatures.STANDARD.size()]);
        int excluded = 0;
        for (Track t : TRACKS) {
            boolean byTrack = e.excludes(t);
            assertEquals(byTrack, e.excludes(new Candidate(t, Optional.empty())), t.toString());
            assertEquals(byTrack, e.excludes(new CatalogueTrack(t, features).candidate()), t.toString());
            excluded += byTrack ? 1 : 0;
        }
        assertEquals(3, excluded, "a and d by id, c as the same song as x");
    }

    @Test
    void aCatalogueHandsOutTheSameKeysInEveryPass() {
        FeatureVector features = new FeatureVector(AudioFeatures.STANDARD,
                new double[AudioFeatures.STANDARD.size()]);
        Catalogue catalogue = new Catalogue("test", AudioFeatures.STANDARD,
                TRACKS.stream().map(t -> new CatalogueTrack(t, features)).toList(), List.of());
        List<Candidate> first = catalogue.asCandidateSource().candidates().toList();
        List<Candidate> second = catalogue.asCandidateSource().candidates().toList();
        for (int i = 0; i < first.size(); i++) {
            assertSame(first.get(i).keys(), second.get(i).keys(), "computed once per row");
            assertEquals(TrackKeys.of(first.get(i).track()), first.get(i).keys());
        }
    }
}
