package org.audiu.core.relative;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.TrackKeys;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code album-affinity}: {@code album_share}, the share of the library's tracks from the track's album (an album is
 * its main artist plus its name, so two "Greatest Hits" stay apart); 0 when the album is unknown.
 */
public final class AlbumAffinity implements ListenerFeature {
    static final List<String> COLUMNS = List.of("album_share");
    private static final int VERSION = 1;

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        Map<String, Integer> counts = new HashMap<>();
        for (Track t : listener.liked()) {
            String key = albumKey(t);
            if (!key.isEmpty()) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Statistics(counts, listener.preferenceById().keySet(), listener.liked().size()));
    }

    static String albumKey(Track t) {
        if (t.album().isBlank()) {
            return "";
        }
        return ListenerContext.normalise(t.mainArtist()) + '\u0000' + ListenerContext.normalise(t.album());
    }

    /** The fitted feature: library tracks per album key, the library's track ids and its size. */
    record Statistics(NormalisedNameMap<Integer> counts, Set<String> own, int n) implements Fitted {
        private static final Integer NONE = 0;

        Statistics {
            own = Set.copyOf(own);
        }

        Statistics(Map<String, Integer> counts, Set<String> own, int n) {
            this(new NormalisedNameMap<>(counts), own, n);
        }

        /** As {@link #albumKey}, looked up without building the key (the ranking pass computes it per candidate). */
        @Override
        public void compute(Track track, double[] row, boolean inLibrary, double[] out, int offset) {
            int self = inLibrary && own.contains(track.id()) ? 1 : 0;
            int c = track.album().isBlank() ? 0 : counts.get(track.mainArtist(), track.album(), NONE) - self;
            out[offset] = c > 0 ? (double) c / (n - self) : 0;
        }

        /** As the other, the album looked up by the hash its source computed once. */
        @Override
        public void compute(Track track, TrackKeys keys, double[] row, boolean inLibrary, double[] out, int offset) {
            if (keys == null) {
                compute(track, row, inLibrary, out, offset);
                return;
            }
            int self = inLibrary && own.contains(track.id()) ? 1 : 0;
            int c = track.album().isBlank() ? 0
                    : counts.get(keys.albumHash(), track.mainArtist(), track.album(), NONE) - self;
            out[offset] = c > 0 ? (double) c / (n - self) : 0;
        }

        @Override
        public void writeState(FittedState.Writer out) throws IOException {
            FeatureStates.writeVersion(out, VERSION);
            out.writeIntMap(FeatureStates.sorted(counts.asMap())).writeStrings(FeatureStates.sorted(own)).writeInt(n);
        }

        /** Reads what {@link #writeState} wrote; the caller checks that the state ends there. */
        static Statistics read(FittedState.Reader in) throws IOException {
            String name = ListenerFeatureFactories.ALBUM_AFFINITY;
            FeatureStates.readVersion(in, name, VERSION);
            Map<String, Integer> counts = in.readIntMap();
            Set<String> own = FeatureStates.readSet(in);
            int n = in.readInt();
            FeatureStates.check(n >= 0 && own.size() <= n, name, "library size " + n + " for " + own.size()
                    + " library tracks");
            return new Statistics(counts, own, n);
        }
    }
}
