package org.audiu.core.relative;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code popularity}: {@code popularity_distance}, |popularity - library mean| / library standard deviation (at
 * least 1): does the track sit where the listener's taste sits, mainstream or niche? NaN when the track's popularity
 * is unknown; left out when fewer than two library tracks have one (Spotify's development mode drops popularity).
 */
public final class PopularityProximity implements ListenerFeature {
    static final List<String> COLUMNS = List.of("popularity_distance");
    private static final int VERSION = 1;

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        int n = 0;
        double sum = 0;
        double squares = 0;
        for (Track t : listener.liked()) {
            if (t.popularity().isPresent()) {
                double p = t.popularity().getAsDouble();
                n++;
                sum += p;
                squares += p * p;
            }
        }
        if (n < 2) {
            return Optional.empty();
        }
        return Optional.of(new Statistics(n, sum, squares, listener.preferenceById().keySet()));
    }

    /**
     * The fitted feature: how many library tracks have a popularity, its sum and sum of squares, and the library's
     * track ids.
     */
    record Statistics(int count, double total, double totalSquares, Set<String> own) implements Fitted {
        Statistics {
            own = Set.copyOf(own);
        }

        @Override
        public void compute(Track track, double[] row, boolean inLibrary, double[] out, int offset) {
            if (track.popularity().isEmpty()) {
                out[offset] = Double.NaN;
                return;
            }
            double p = track.popularity().getAsDouble();
            boolean self = inLibrary && own.contains(track.id());
            int m = self ? count - 1 : count;
            double s = self ? total - p : total;
            double q = self ? totalSquares - p * p : totalSquares;
            double mean = s / m;
            double sd = Math.sqrt(Math.max(0, q / m - mean * mean));
            out[offset] = Math.abs(p - mean) / Math.max(1.0, sd);
        }

        @Override
        public void writeState(FittedState.Writer out) throws IOException {
            FeatureStates.writeVersion(out, VERSION);
            out.writeInt(count).writeDouble(total).writeDouble(totalSquares).writeStrings(FeatureStates.sorted(own));
        }

        /** Reads what {@link #writeState} wrote; the caller checks that the state ends there. */
        static Statistics read(FittedState.Reader in) throws IOException {
            String name = ListenerFeatureFactories.POPULARITY;
            FeatureStates.readVersion(in, name, VERSION);
            int count = in.readInt();
            double total = in.readDouble();
            double squares = in.readDouble();
            Set<String> own = FeatureStates.readSet(in);
            FeatureStates.check(count >= 2, name, count + " tracks with a popularity, at least 2 are fitted");
            return new Statistics(count, total, squares, own);
        }
    }
}
