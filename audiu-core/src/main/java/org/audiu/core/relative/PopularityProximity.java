package org.audiu.core.relative;

import org.audiu.core.spi.listener.ListenerContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code popularity}: {@code popularity_distance}, |popularity - library mean| / library standard deviation (at
 * least 1): does the track sit where the listener's taste sits, mainstream or niche? NaN when the track's popularity
 * is unknown; left out when fewer than two library tracks have one (Spotify's development mode drops popularity).
 */
public final class PopularityProximity implements ListenerFeature {
    static final List<String> COLUMNS = List.of("popularity_distance");

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
        int count = n;
        double total = sum;
        double totalSquares = squares;
        Set<String> own = listener.preferenceById().keySet();
        return Optional.of((track, row, inLibrary, out, offset) -> {
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
        });
    }
}
