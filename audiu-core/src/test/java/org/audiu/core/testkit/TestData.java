package org.audiu.core.testkit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.audiu.core.Artist;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.PlayedTrack;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.TimeRange;
import org.audiu.core.Track;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.PlaylistCoMembership;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.preference.PreferenceScores;
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

    /**
     * A small library: 12 saved tracks of 4 artists on 3 albums each (release years 1990-2022, popularity 20-97),
     * a playlist, top lists and recent plays.
     */
    public static ListenerLibrary smallLibrary() {
        List<SavedTrack> saved = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 12; i++) {
            Track t = Track.builder("lib" + i, "Song lib" + i).artists("Artist " + (i % 4)).album("Album " + (i % 3))
                    .releaseYear(1990 + (i * 7) % 33).durationMs(200_000).popularity(20 + (i * 29) % 78).build();
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

    /** The base feature schema of {@link #listenerContext()}: a few audio features. */
    public static FeatureSchema audioSchema() {
        return FeatureSchema.of(AudioFeatures.DANCEABILITY, AudioFeatures.ENERGY, AudioFeatures.LOUDNESS,
                AudioFeatures.TEMPO, AudioFeatures.VALENCE);
    }

    /** Seeded audio features of a track in {@link #audioSchema()}; about one track in five has no valence. */
    public static double[] audioRow(String trackId) {
        Random r = new Random(trackId.hashCode());
        double[] row = {r.nextDouble(), r.nextDouble(), -20 * r.nextDouble(), 60 + 120 * r.nextDouble(),
            r.nextDouble()};
        if (r.nextInt(5) == 0) {
            row[4] = Double.NaN;
        }
        return row;
    }

    /**
     * 24 tracks that are not in {@link #smallLibrary()}: artists 0-3 of the library and two strangers, some without
     * album, release year or popularity.
     */
    public static List<Track> candidates() {
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Track.Builder b = Track.builder("cand" + i, "Song cand" + i).artists("Artist " + (i % 6))
                    .album(i % 5 == 0 ? "" : "Album " + (i % 4)).durationMs(180_000);
            if (i % 7 != 0) {
                b.releaseYear(1985 + (i * 5) % 40).popularity((i * 13) % 100);
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * A catalogue of the library's tracks and {@link #candidates()} with 9 playlists: the listener's own
     * {@code p1}, eight others of seeded members (one holds a track twice, one a track the catalogue lacks).
     */
    public static TrackDataset catalogue() {
        List<Track> all = new ArrayList<>(smallLibrary().distinctTracks());
        all.addAll(candidates());
        Map<String, DatasetPlaylist> playlists = new LinkedHashMap<>();
        playlists.put("p1", new DatasetPlaylist("p1", "Mine", "", List.of("lib0", "lib1", "lib2", "lib3", "lib4")));
        Random r = new Random(11);
        for (int g = 0; g < 8; g++) {
            List<String> ids = new ArrayList<>();
            for (int k = 3 + r.nextInt(6); k > 0; k--) {
                ids.add(all.get(r.nextInt(all.size())).id());
            }
            if (g == 2) {
                ids.add(ids.get(0));
            }
            if (g == 5) {
                ids.add("not-in-the-catalogue");
            }
            playlists.put("g" + g, new DatasetPlaylist("g" + g, "List " + g, "", ids));
        }
        Map<String, List<String>> memberships = new HashMap<>();
        playlists.values().forEach(p -> p.trackIds().forEach(id -> memberships.computeIfAbsent(id,
                k -> new ArrayList<>()).add(p.id())));
        Map<String, DatasetTrack> tracks = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Track t = all.get(i);
            tracks.put(t.id(), new DatasetTrack(t, new FeatureVector(audioSchema(), audioRow(t.id())),
                    Optional.empty(), memberships.getOrDefault(t.id(), List.of()), i + 2));
        }
        return new TrackDataset(Path.of("test-catalogue.csv"), audioSchema(), Optional.empty(), tracks, playlists,
                all.size(), 0, 0, 0, List.of());
    }

    /**
     * What listener features are fitted to: {@link #smallLibrary()}'s tracks, all liked, with seeded preference
     * scores and {@link #audioRow audio rows}, and {@link #catalogue()}'s playlists as co-membership groups.
     */
    public static ListenerContext listenerContext() {
        ListenerLibrary library = smallLibrary();
        List<Track> liked = library.distinctTracks();
        Map<String, Double> scores = new HashMap<>();
        double[][] rows = new double[liked.size()][];
        for (int i = 0; i < liked.size(); i++) {
            scores.put(liked.get(i).id(), 0.1 + 0.07 * i);
            rows[i] = audioRow(liked.get(i).id());
        }
        return new ListenerContext(library, new PreferenceScores(scores, Map.of(), List.of()), liked, rows,
                audioSchema(), Optional.of(new PlaylistCoMembership(catalogue())));
    }
}
