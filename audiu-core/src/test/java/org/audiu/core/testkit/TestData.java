package org.audiu.core.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.audiu.core.Artist;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.PlayedTrack;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.TimeRange;
import org.audiu.core.Track;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;

/** Small seeded data sets for contract tests. */
public final class TestData {
    private TestData() {
    }

    /**
     * {@code classes} well-separated Gaussian blobs in {@code dims} dimensions, {@code perClass} rows each, labels
     * "c0", "c1", ...; a few values are NaN to exercise imputation.
     */
    public static LabelledData blobs(int classes, int perClass, int dims, long seed) {
        Random r = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < dims; j++) {
            names.add("f" + j);
        }
        double[][] centres = new double[classes][dims];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < dims; j++) {
                centres[c][j] = r.nextGaussian() * 4;
            }
        }
        List<LabelledExample> examples = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                double[] row = new double[dims];
                for (int j = 0; j < dims; j++) {
                    row[j] = centres[c][j] + r.nextGaussian();
                }
                if (r.nextInt(50) == 0) {
                    row[r.nextInt(dims)] = Double.NaN;
                }
                examples.add(new LabelledExample("t" + c + "-" + i, row, "c" + c, 1.0, "artist" + (i % 17)));
            }
        }
        java.util.Collections.shuffle(examples, r);
        return new LabelledData(new FeatureSchema(names), examples);
    }

    /** A track with the given id and artist. */
    public static Track track(String id, String artist) {
        return Track.builder(id, "Song " + id).artists(artist).album("Album").releaseYear(2020).durationMs(200_000)
                .popularity(50).build();
    }

    /** A small library: 12 saved tracks of 4 artists, a playlist, top lists and recent plays. */
    public static ListenerLibrary smallLibrary() {
        List<SavedTrack> saved = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 12; i++) {
            Track t = track("lib" + i, "Artist " + (i % 4));
            tracks.add(t);
            saved.add(new SavedTrack(t, now.minusSeconds(86_400L * i * 7)));
        }
        Playlist playlist = new Playlist("p1", "Mine", true,
                tracks.subList(0, 5).stream().map(PlaylistItem::of).toList());
        Map<TimeRange, List<Artist>> topArtists = new EnumMap<>(TimeRange.class);
        topArtists.put(TimeRange.MEDIUM_TERM, List.of(Artist.named("Artist 0"), Artist.named("Artist 1")));
        Map<TimeRange, List<Track>> topTracks = new EnumMap<>(TimeRange.class);
        topTracks.put(TimeRange.SHORT_TERM, List.of(tracks.get(0), tracks.get(3)));
        List<PlayedTrack> recent = List.of(new PlayedTrack(tracks.get(0), now), new PlayedTrack(tracks.get(2), now));
        return new ListenerLibrary(saved, List.of(playlist), topArtists, topTracks, recent);
    }
}
