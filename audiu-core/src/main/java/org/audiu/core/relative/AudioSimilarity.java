package org.audiu.core.relative;

import org.audiu.core.spi.listener.ListenerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.AudioFeatures;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code audio-similarity}: {@code audio_distance}, how far a track sounds from the library: the root mean square
 * over audio features of (value - library mean) / library standard deviation, each term capped at 10. Each
 * deviation is floored so a library that never varies in one feature does not make it decide everything.
 * Parameter {@code listener-features.audio-similarity.columns} (default: danceability, energy, loudness,
 * speechiness, acousticness, instrumentalness, liveness, valence, tempo); columns absent from the engine's feature
 * schema are ignored; left out when none is present.
 */
public final class AudioSimilarity implements ListenerFeature {
    static final List<String> COLUMNS = List.of("audio_distance");
    public static final List<String> DEFAULT_FEATURES = List.of(AudioFeatures.DANCEABILITY, AudioFeatures.ENERGY,
            AudioFeatures.LOUDNESS, AudioFeatures.SPEECHINESS, AudioFeatures.ACOUSTICNESS,
            AudioFeatures.INSTRUMENTALNESS, AudioFeatures.LIVENESS, AudioFeatures.VALENCE, AudioFeatures.TEMPO);

    private final List<String> features;

    public AudioSimilarity(List<String> features) {
        this.features = List.copyOf(features);
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    /** Smallest standard deviation used per feature, in the feature's own unit. */
    static double floor(String feature) {
        return switch (feature) {
            case AudioFeatures.LOUDNESS -> 1.0;
            case AudioFeatures.TEMPO -> 4.0;
            case AudioFeatures.DURATION_MS -> 10_000;
            case AudioFeatures.KEY -> 1.0;
            default -> 0.03;
        };
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        List<Integer> indexList = new ArrayList<>();
        for (String f : features) {
            int j = listener.baseSchema().indexOf(f);
            if (j >= 0) {
                indexList.add(j);
            }
        }
        if (indexList.isEmpty() || listener.likedRows().length < 2) {
            return Optional.empty();
        }
        int[] idx = indexList.stream().mapToInt(Integer::intValue).toArray();
        int d = idx.length;
        int[] count = new int[d];
        double[] sum = new double[d];
        double[] squares = new double[d];
        double[] floors = new double[d];
        for (int k = 0; k < d; k++) {
            floors[k] = floor(listener.baseSchema().names().get(idx[k]));
        }
        for (double[] row : listener.likedRows()) {
            for (int k = 0; k < d; k++) {
                double v = row[idx[k]];
                if (!Double.isNaN(v)) {
                    count[k]++;
                    sum[k] += v;
                    squares[k] += v * v;
                }
            }
        }
        Set<String> own = listener.preferenceById().keySet();
        return Optional.of((track, row, inLibrary, out, offset) -> {
            boolean self = inLibrary && own.contains(track.id());
            double total = 0;
            int used = 0;
            for (int k = 0; k < d; k++) {
                double v = row[idx[k]];
                if (Double.isNaN(v)) {
                    continue;
                }
                int n = self ? count[k] - 1 : count[k];
                if (n < 1) {
                    continue;
                }
                double s = self ? sum[k] - v : sum[k];
                double q = self ? squares[k] - v * v : squares[k];
                double mean = s / n;
                double sd = Math.max(floors[k], Math.sqrt(Math.max(0, q / n - mean * mean)));
                double z = (v - mean) / sd;
                total += Math.min(100, z * z);
                used++;
            }
            out[offset] = used == 0 ? Double.NaN : Math.sqrt(total / used);
        });
    }
}
