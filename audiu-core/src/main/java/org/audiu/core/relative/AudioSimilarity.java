package org.audiu.core.relative;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.AudioFeatures;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerContext;
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
    private static final int VERSION = 1;

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
        return Optional.of(new Statistics(features, idx, floors, count, sum, squares,
                listener.preferenceById().keySet()));
    }

    /**
     * The fitted feature: the columns it was created with, the positions of those present in the base schema, and
     * per position the deviation floor, the library's count, sum and sum of squares; and the library's track ids.
     */
    static final class Statistics implements Fitted {
        private final List<String> features;
        private final int[] idx;
        private final double[] floors;
        private final int[] count;
        private final double[] sum;
        private final double[] squares;
        private final Set<String> own;
        /** Each column's mean and spread over the whole library (a track outside it), computed once. */
        private final double[] outsideMean;
        private final double[] outsideSd;

        Statistics(List<String> features, int[] idx, double[] floors, int[] count, double[] sum, double[] squares,
                   Set<String> own) {
            this.features = List.copyOf(features);
            this.idx = idx.clone();
            this.floors = floors.clone();
            this.count = count.clone();
            this.sum = sum.clone();
            this.squares = squares.clone();
            this.own = Set.copyOf(own);
            int d = idx.length;
            if (floors.length != d || count.length != d || sum.length != d || squares.length != d) {
                throw new IllegalArgumentException("per-column statistics of different lengths: " + d + " columns, "
                        + floors.length + " floors, " + count.length + " counts, " + sum.length + " sums, "
                        + squares.length + " sums of squares");
            }
            this.outsideMean = new double[d];
            this.outsideSd = new double[d];
            for (int k = 0; k < d; k++) {
                int n = this.count[k];
                if (n >= 1) {
                    double mean = this.sum[k] / n;
                    outsideMean[k] = mean;
                    outsideSd[k] = Math.max(this.floors[k],
                            Math.sqrt(Math.max(0, this.squares[k] / n - mean * mean)));
                }
            }
        }

        @Override
        public void compute(Track track, double[] row, boolean inLibrary, double[] out, int offset) {
            boolean self = inLibrary && own.contains(track.id());
            double total = 0;
            int used = 0;
            if (!self) {
                // The same sums as below with nothing left out: the library's mean and spread, computed once.
                for (int k = 0; k < idx.length; k++) {
                    double v = row[idx[k]];
                    if (Double.isNaN(v) || count[k] < 1) {
                        continue;
                    }
                    double z = (v - outsideMean[k]) / outsideSd[k];
                    total += Math.min(100, z * z);
                    used++;
                }
                out[offset] = used == 0 ? Double.NaN : Math.sqrt(total / used);
                return;
            }
            for (int k = 0; k < idx.length; k++) {
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
        }

        @Override
        public void writeState(FittedState.Writer out) throws IOException {
            FeatureStates.writeVersion(out, VERSION);
            out.writeStrings(features).writeInts(idx).writeDoubles(floors).writeInts(count).writeDoubles(sum)
                    .writeDoubles(squares).writeStrings(FeatureStates.sorted(own));
        }

        /** Reads what {@link #writeState} wrote; the caller checks that the state ends there. */
        static Statistics read(FittedState.Reader in) throws IOException {
            String name = ListenerFeatureFactories.AUDIO_SIMILARITY;
            FeatureStates.readVersion(in, name, VERSION);
            List<String> features = in.readStrings();
            int[] idx = in.readInts();
            double[] floors = in.readDoubles();
            int[] count = in.readInts();
            double[] sum = in.readDoubles();
            double[] squares = in.readDoubles();
            Set<String> own = FeatureStates.readSet(in);
            int d = idx.length;
            FeatureStates.check(d > 0 && d <= features.size(), name, d + " base columns for " + features.size()
                    + " configured audio features");
            FeatureStates.check(floors.length == d && count.length == d && sum.length == d && squares.length == d,
                    name, "per-column statistics of different lengths");
            for (int j : idx) {
                FeatureStates.check(j >= 0, name, "negative base column " + j);
            }
            return new Statistics(features, idx, floors, count, sum, squares, own);
        }
    }
}
