package org.audiu.core.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.Artist;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.preference.PreferenceScores;
import org.junit.jupiter.api.Test;

/** Followed artists count for artist affinity; banned tracks count for no artist. */
class ArtistAffinityExportTest {
    private static final double EPS = 1e-12;

    private static Track track(String id, String artist) {
        return Track.builder(id, "Song " + id).artists(artist).build();
    }

    private static double[] affinity(ListenerLibrary library, List<Track> liked, Track candidate) {
        Map<String, Double> scores = new HashMap<>();
        liked.forEach(t -> scores.put(t.id(), 0.5));
        double[][] rows = liked.stream().map(t -> new double[] {0.5}).toArray(double[][]::new);
        ListenerContext c = new ListenerContext(library, new PreferenceScores(scores, Map.of(), List.of()), liked, rows,
                FeatureSchema.of("energy"), Optional.empty());
        double[] out = new double[3];
        new ArtistAffinity().fit(c).orElseThrow().compute(candidate, new double[] {0.5}, false, out, 0);
        return out;
    }

    @Test
    void aFollowedArtistScoresAsATopArtistAndABannedTrackRaisesNoShare() {
        List<Track> saved = List.of(track("a1", "Artist A"), track("a2", "Artist A"), track("b1", "Artist B"));
        Track banned = track("c1", "Artist C");
        ListenerLibrary library = new ListenerLibrary(saved.stream().map(t -> new SavedTrack(t,
                java.time.Instant.EPOCH)).toList(), List.of(), Map.of(), Map.of(), List.of(), List.of(),
                List.of(Artist.named("artist d")), List.of(banned), List.of());
        List<Track> liked = List.of(saved.get(0), saved.get(1), saved.get(2), banned);

        double[] followed = affinity(library, liked, track("d9", "Artist D"));
        assertEquals(0, followed[0], EPS, "no library track by the followed artist");
        assertEquals(ArtistAffinity.FOLLOWED_TOP, followed[2], EPS, "followed: artist_top");
        double[] a = affinity(library, liked, track("a9", "Artist A"));
        assertEquals(2.0 / 3, a[0], EPS, "the share is of the three tracks not banned");
        assertEquals(0, a[2], EPS);
        assertEquals(0, affinity(library, liked, track("c9", "Artist C"))[0], EPS, "a banned track is no share");

        ListenerLibrary plain = new ListenerLibrary(library.savedTracks(), List.of(), Map.of(), Map.of(), List.of());
        assertEquals(0, affinity(plain, saved, track("d9", "Artist D"))[2], EPS, "not followed: 0");
    }
}
