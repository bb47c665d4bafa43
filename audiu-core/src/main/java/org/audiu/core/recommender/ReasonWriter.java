package org.audiu.core.recommender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.audiu.core.Artist;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.spi.listener.FittedState;

/**
 * Explains a recommendation in words a listener understands: how many liked tracks it sounds close to, which
 * audio feature matches their taste, whether the artist is one of theirs, and the genre share. Immutable and
 * thread-safe; saved with a trained recommender.
 */
final class ReasonWriter {
    private final FeatureSchema schema;
    private final Preprocessor scale;
    private final List<Track> likedTracks;
    private final double[][] likedScaled;
    private final double radius;
    private final double[] likedMean;
    private final List<Integer> distinctiveFeatures;
    private final double[][] likedRows;
    private final Map<String, Integer> topArtistRank;
    private final Map<String, Integer> artistCounts;
    private final Map<String, Integer> genreCounts;
    /** From a listening history: distinct tracks played and plays, per normalised artist (empty without one). */
    private final Map<String, Integer> playedTracks;
    private final Map<String, Integer> artistPlays;

    /**
     * Fits the reasons to a listener.
     *
     * @param likedTracks tracks of the library that have features
     * @param likedRows   their raw features, same order
     * @param scale       statistics of the pool sample plus liked tracks (z-scores)
     */
    static ReasonWriter fit(FeatureSchema schema, List<Track> likedTracks, double[][] likedRows, Preprocessor scale,
                            ListenerLibrary library) {
        Map<String, Integer> topArtistRank = new HashMap<>();
        Map<String, Integer> artistCounts = new HashMap<>();
        Map<String, Integer> genreCounts = new HashMap<>();
        for (List<Artist> ranked : library.topArtists().values()) {
            for (int i = 0; i < ranked.size(); i++) {
                topArtistRank.merge(norm(ranked.get(i).name()), i + 1, Math::min);
            }
        }
        for (Track t : library.distinctTracks()) {
            t.artists().forEach(a -> artistCounts.merge(norm(a), 1, Integer::sum));
            t.genre().ifPresent(g -> genreCounts.merge(g, 1, Integer::sum));
        }
        Map<String, Integer> playedTracks = new HashMap<>();
        Map<String, Integer> artistPlays = new HashMap<>();
        for (TrackPlays p : library.playHistory()) {
            String artist = norm(p.track().mainArtist());
            playedTracks.merge(artist, 1, Integer::sum);
            artistPlays.merge(artist, p.plays(), Integer::sum);
        }
        List<Track> names = likedTracks.stream().map(ReasonWriter::nameOnly).toList();
        return new ReasonWriter(schema, names, likedRows, scale, topArtistRank, artistCounts, genreCounts,
                playedTracks, artistPlays);
    }

    private ReasonWriter(FeatureSchema schema, List<Track> likedTracks, double[][] likedRows, Preprocessor scale,
                         Map<String, Integer> topArtistRank, Map<String, Integer> artistCounts,
                         Map<String, Integer> genreCounts, Map<String, Integer> playedTracks,
                         Map<String, Integer> artistPlays) {
        this.schema = schema;
        this.scale = scale;
        this.likedTracks = List.copyOf(likedTracks);
        this.likedRows = likedRows.clone();
        this.likedScaled = scale.applyAll(likedRows);
        this.radius = typicalSpacing(likedScaled) * 1.5;
        int d = schema.size();
        double[] imputedMean = new double[d];
        double[][] imputed = new Preprocessor(schema, scale.medians(), new double[d], ones(d), false)
                .applyAll(likedRows);
        for (double[] row : imputed) {
            for (int j = 0; j < d; j++) {
                imputedMean[j] += row[j] / imputed.length;
            }
        }
        this.likedMean = imputedMean;
        double[] means = scale.means();
        double[] stds = scale.stds();
        List<Integer> perceptual = new ArrayList<>();
        for (String f : AudioFeatures.PERCEPTUAL) {
            int j = schema.indexOf(f);
            if (j >= 0) {
                perceptual.add(j);
            }
        }
        perceptual.sort((a, b) -> Double.compare(Math.abs(likedMean[b] - means[b]) / stds[b],
                Math.abs(likedMean[a] - means[a]) / stds[a]));
        this.distinctiveFeatures = List.copyOf(perceptual);
        this.topArtistRank = Map.copyOf(topArtistRank);
        this.artistCounts = Map.copyOf(artistCounts);
        this.genreCounts = Map.copyOf(genreCounts);
        this.playedTracks = Map.copyOf(playedTracks);
        this.artistPlays = Map.copyOf(artistPlays);
    }

    /** A liked track as the reasons name it: id, title and artists only (all a saved recommender keeps). */
    private static Track nameOnly(Track t) {
        return Track.builder(t.id(), t.name()).artists(t.artists()).build();
    }

    /** Writes what the reasons need: the liked tracks' names and rows, the scale and the library's counts. */
    void writeState(FittedState.Writer out) throws IOException {
        out.writeInt(likedTracks.size());
        for (int i = 0; i < likedTracks.size(); i++) {
            Track t = likedTracks.get(i);
            out.writeString(t.id()).writeString(t.name()).writeInt(t.artists().size());
            for (String a : t.artists()) {
                out.writeString(a);
            }
            out.writeDoubles(likedRows[i]);
        }
        out.writeBoolean(scale.standardises()).writeDoubles(scale.medians()).writeDoubles(scale.means())
                .writeDoubles(scale.stds());
        out.writeIntMap(new TreeMap<>(topArtistRank)).writeIntMap(new TreeMap<>(artistCounts))
                .writeIntMap(new TreeMap<>(genreCounts));
        out.writeIntMap(new TreeMap<>(playedTracks)).writeIntMap(new TreeMap<>(artistPlays));
    }

    /** Reads what {@link #writeState} wrote, for features in {@code schema}. */
    static ReasonWriter readState(FittedState.Reader in, FeatureSchema schema) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > FittedState.MAX_LENGTH) {
            throw new IOException("invalid count of liked tracks " + n);
        }
        List<Track> tracks = new ArrayList<>(n);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            String id = in.readString();
            String name = in.readString();
            int artists = in.readInt();
            if (artists < 1 || artists > 10_000) {
                throw new IOException("invalid artist count " + artists + " for liked track " + id);
            }
            List<String> names = new ArrayList<>(artists);
            for (int a = 0; a < artists; a++) {
                names.add(in.readString());
            }
            tracks.add(Track.builder(id, name).artists(names).build());
            rows[i] = in.readDoubles();
            if (rows[i].length != schema.size()) {
                throw new IOException("liked track " + id + " has " + rows[i].length + " features, the schema "
                        + schema.size());
            }
        }
        boolean standardise = in.readBoolean();
        Preprocessor scale;
        try {
            scale = new Preprocessor(schema, in.readDoubles(), in.readDoubles(), in.readDoubles(), standardise);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, Integer> top = in.readIntMap();
        Map<String, Integer> artistCounts = in.readIntMap();
        Map<String, Integer> genres = in.readIntMap();
        // Recommenders saved before listening histories end here.
        Map<String, Integer> playedTracks = in.atEnd() ? Map.of() : in.readIntMap();
        Map<String, Integer> artistPlays = in.atEnd() ? Map.of() : in.readIntMap();
        in.requireEnd();
        return new ReasonWriter(schema, tracks, rows, scale, top, artistCounts, genres, playedTracks, artistPlays);
    }

    private static double[] ones(int d) {
        double[] o = new double[d];
        Arrays.fill(o, 1);
        return o;
    }

    private static String norm(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The median of each row's distance to its nearest other row. Exactly what comparing every pair by
     * {@link #distance} gives, computed on squared distances (the square root is monotonic and correctly rounded, so
     * the root of the least square is the least root), and each pair once (its sum serving both rows).
     */
    static double typicalSpacing(double[][] rows) {
        if (rows.length < 2) {
            return 1.0;
        }
        int n = rows.length;
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            double[] a = rows[i];
            for (int j = i + 1; j < n; j++) {
                double[] b = rows[j];
                double s = 0;
                for (int k = 0; k < a.length; k++) {
                    double d = a[k] - b[k];
                    s += d * d;
                }
                if (s < nearest[i]) {
                    nearest[i] = s;
                }
                if (s < nearest[j]) {
                    nearest[j] = s;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            nearest[i] = Math.sqrt(nearest[i]);
        }
        Arrays.sort(nearest);
        return Math.max(1e-9, nearest[nearest.length / 2]);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    List<String> reasons(Track track, double[] rawFeatures) {
        List<String> out = new ArrayList<>();
        double[] z = scale.apply(rawFeatures);
        int close = 0;
        int nearest = -1;
        double nearestDistance = Double.MAX_VALUE;
        for (int i = 0; i < likedScaled.length; i++) {
            double dist = distance(z, likedScaled[i]);
            if (dist <= radius) {
                close++;
            }
            if (dist < nearestDistance) {
                nearestDistance = dist;
                nearest = i;
            }
        }
        if (nearest >= 0) {
            Track n = likedTracks.get(nearest);
            String like = "'" + n.name() + "' by " + n.artistsText();
            out.add(close > 0
                    ? "sounds close to " + close + " track" + (close == 1 ? "" : "s") + " you like (nearest: " + like + ")"
                    : "nearest to " + like + " among tracks you like");
        }
        double[] stds = scale.stds();
        for (int j : distinctiveFeatures) {
            double v = Double.isNaN(rawFeatures[j]) ? Double.NaN : rawFeatures[j];
            if (!Double.isNaN(v) && Math.abs(v - likedMean[j]) <= 0.5 * stds[j]) {
                out.add(String.format(Locale.ROOT, "%s %.2f like your library (average %.2f)", schema.names().get(j), v,
                        likedMean[j]));
                break;
            }
        }
        for (String artist : track.artists()) {
            Integer plays = artistPlays.get(norm(artist));
            if (plays != null) {
                int played = playedTracks.getOrDefault(norm(artist), 0);
                out.add("you played " + played + " track" + (played == 1 ? "" : "s") + " by " + artist + " "
                        + plays + " time" + (plays == 1 ? "" : "s"));
                break;
            }
            Integer rank = topArtistRank.get(norm(artist));
            if (rank != null) {
                out.add("artist " + artist + " is #" + rank + " in your top artists");
                break;
            }
            Integer count = artistCounts.get(norm(artist));
            if (count != null) {
                out.add("you have " + count + " track" + (count == 1 ? "" : "s") + " by " + artist);
                break;
            }
        }
        track.genre().ifPresent(g -> {
            int n = genreCounts.getOrDefault(g, 0);
            int total = genreCounts.values().stream().mapToInt(Integer::intValue).sum();
            if (total > 0 && n * 10 >= total) { // a genre behind less than a tenth of the library explains little
                out.add(String.format(Locale.ROOT, "%s, like %d%% of your library", g, Math.round(100.0 * n / total)));
            }
        });
        return out;
    }
}
