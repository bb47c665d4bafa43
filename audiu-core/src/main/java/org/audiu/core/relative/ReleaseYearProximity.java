package org.audiu.core.relative;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code release-year}: how close a track's release year is to the library's.
 * <ul>
 *   <li>{@code year_distance}: |year - library median| / the library's spread (scaled median absolute deviation,
 *       at least one year);</li>
 *   <li>{@code year_density}: share of the library released within {@code window} years of the track
 *       (parameter {@code listener-features.release-year.window}, default 2).</li>
 * </ul>
 * Unknown years are NaN; left out when no library track has a year.
 */
public final class ReleaseYearProximity implements ListenerFeature {
    static final List<String> COLUMNS = List.of("year_distance", "year_density");
    private static final int VERSION = 1;

    private final int window;

    public ReleaseYearProximity(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0, got " + window);
        }
        this.window = window;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        int[] years = listener.liked().stream().filter(t -> t.releaseYear().isPresent())
                .mapToInt(t -> t.releaseYear().getAsInt()).sorted().toArray();
        if (years.length == 0) {
            return Optional.empty();
        }
        double median = median(Arrays.stream(years).asDoubleStream().toArray());
        double[] deviations = Arrays.stream(years).mapToDouble(y -> Math.abs(y - median)).sorted().toArray();
        double spread = Math.max(1.0, 1.4826 * median(deviations));
        return Optional.of(new Statistics(window, years, median, spread, listener.preferenceById().keySet()));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Values v of the sorted array with lo <= v <= hi. */
    private static int countBetween(int[] sorted, int lo, int hi) {
        return firstAbove(sorted, hi) - firstAbove(sorted, lo - 1);
    }

    private static int firstAbove(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The fitted feature: the window it was created with, the library's release years (sorted), their median and
     * spread, and the library's track ids.
     */
    record Statistics(int window, int[] years, double median, double spread, Set<String> own, int firstYear,
                      int[] nearByYear) implements Fitted {
        /**
         * With {@code nearByYear[y - firstYear]}: how many library years lie within the window of year {@code y},
         * counted once for every year from the first library year less the window to the last plus the window
         * (none outside).
         */
        Statistics(int window, int[] years, double median, double spread, Set<String> own) {
            this(window, years, median, spread, own, firstYear(years, window), nearTable(years, window));
        }

        Statistics {
            years = years.clone();
            own = Set.copyOf(own);
        }

        @Override
        public int[] years() {
            return years.clone();
        }

        @Override
        public int[] nearByYear() {
            return nearByYear == null ? null : nearByYear.clone();
        }

        private static int firstYear(int[] sorted, int window) {
            return sorted.length == 0 ? 0 : sorted[0] - window;
        }

        /** Null for years too far apart to tabulate (the count is then searched for each track). */
        private static int[] nearTable(int[] sorted, int window) {
            if (sorted.length == 0) {
                return new int[0];
            }
            long first = (long) sorted[0] - window;
            long span = (long) sorted[sorted.length - 1] + window - first + 1;
            if (span > 100_000) {
                return null;
            }
            int[] table = new int[(int) span];
            for (int i = 0; i < table.length; i++) {
                int y = (int) (first + i);
                table[i] = countBetween(sorted, y - window, y + window);
            }
            return table;
        }

        /** How many library years lie within the window of {@code y}. */
        private int near(int y) {
            if (nearByYear == null) {
                return countBetween(years, y - window, y + window);
            }
            long i = (long) y - firstYear;
            return i < 0 || i >= nearByYear.length ? 0 : nearByYear[(int) i];
        }

        @Override
        public void compute(Track track, double[] row, boolean inLibrary, double[] out, int offset) {
            if (track.releaseYear().isEmpty()) {
                out[offset] = Double.NaN;
                out[offset + 1] = Double.NaN;
                return;
            }
            int y = track.releaseYear().getAsInt();
            int self = inLibrary && own.contains(track.id()) ? 1 : 0;
            out[offset] = Math.abs(y - median) / spread;
            int near = near(y) - self;
            int n = years.length - self;
            out[offset + 1] = n > 0 ? (double) near / n : 0;
        }

        @Override
        public void writeState(FittedState.Writer out) throws IOException {
            FeatureStates.writeVersion(out, VERSION);
            out.writeInt(window).writeInts(years).writeDouble(median).writeDouble(spread)
                    .writeStrings(FeatureStates.sorted(own));
        }

        /** Reads what {@link #writeState} wrote; the caller checks that the state ends there. */
        static Statistics read(FittedState.Reader in) throws IOException {
            String name = ListenerFeatureFactories.RELEASE_YEAR;
            FeatureStates.readVersion(in, name, VERSION);
            int window = in.readInt();
            int[] years = in.readInts();
            double median = in.readDouble();
            double spread = in.readDouble();
            Set<String> own = FeatureStates.readSet(in);
            FeatureStates.check(window >= 0, name, "window " + window + " < 0");
            FeatureStates.check(years.length > 0, name, "no release years");
            for (int i = 1; i < years.length; i++) {
                FeatureStates.check(years[i - 1] <= years[i], name, "release years out of order");
            }
            FeatureStates.check(spread >= 1.0, name, "spread " + spread + " below one year");
            return new Statistics(window, years, median, spread, own);
        }
    }
}
