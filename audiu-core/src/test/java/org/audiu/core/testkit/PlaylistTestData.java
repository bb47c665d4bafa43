package org.audiu.core.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.TrackDataset;

/**
 * A small playlist dataset in the {@code spotify_songs.csv} schema, generated from a seed: {@code tracks} tracks by
 * {@code tracks / 4} artists (an artist's tracks sound alike), {@code playlists} overlapping playlists of
 * {@code perPlaylist} tracks ({@code pl0}, {@code pl1}, ...) and, first in the file, one playlist {@code plall}
 * holding every track, so that every track is in the catalogue whatever the other playlists hold.
 */
public final class PlaylistTestData {
    private PlaylistTestData() {
    }

    /** The playlists' track numbers: list {@code p} of the result is playlist {@code pl<p>}. */
    public static List<List<Integer>> playlists(long seed, int tracks, int playlists, int perPlaylist) {
        Random r = new Random(seed);
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < playlists; p++) {
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < perPlaylist) {
                chosen.add(r.nextDouble() < 0.7 ? (p * 16 + r.nextInt(32)) % tracks : r.nextInt(tracks));
            }
            out.add(List.copyOf(chosen));
        }
        return out;
    }

    /** Writes the CSV of these playlists (and {@code plall}) into {@code dir} and reads it. */
    public static TrackDataset dataset(Path dir, String name, int tracks, List<List<Integer>> playlists) {
        Random r = new Random(5);
        double[][] features = new double[tracks][];
        for (int t = 0; t < tracks; t++) {
            double centre = ((t / 4) % 5) / 5.0;
            features[t] = new double[] {clamp(centre + r.nextGaussian() * 0.1), clamp(1 - centre
                    + r.nextGaussian() * 0.1), r.nextInt(12), -5 - r.nextInt(10), r.nextInt(2), r.nextDouble() * 0.2,
                r.nextDouble(), r.nextDouble() * 0.5, r.nextDouble() * 0.3, r.nextDouble(), 90 + r.nextInt(60),
                180_000 + r.nextInt(60_000)};
        }
        StringBuilder csv = new StringBuilder("track_id,track_name,track_artist,track_popularity,track_album_id,"
                + "track_album_name,track_album_release_date,playlist_name,playlist_id,playlist_genre,danceability,"
                + "energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,"
                + "duration_ms\n");
        List<Integer> all = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            all.add(t);
        }
        row(csv, "plall", "Everything", all, features);
        for (int p = 0; p < playlists.size(); p++) {
            row(csv, "pl" + p, "List " + p, playlists.get(p), features);
        }
        Path file = dir.resolve(name + ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvDatasetReader(CsvReadOptions.defaults()).read(file);
    }

    private static void row(StringBuilder csv, String id, String name, List<Integer> tracks, double[][] features) {
        for (int t : tracks) {
            int artist = t / 4;
            csv.append(String.format(Locale.ROOT, "t%03d,Song %d,Artist %d,%d,al%d,Album %d,%d-01-01,%s,%s,pop", t, t,
                    artist, 20 + (t * 7) % 70, t / 2, t / 2, 1980 + artist, name, id));
            for (double v : features[t]) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
