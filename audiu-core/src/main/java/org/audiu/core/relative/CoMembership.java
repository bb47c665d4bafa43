package org.audiu.core.relative;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.Playlist;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code co-membership}: how often a track shares the catalogue's groups (playlists other people made) with the
 * library's tracks, when the candidate source knows them ({@link CoMembershipIndex}); left out otherwise.
 * <ul>
 *   <li>{@code group_cooccurrence}: the sum over the track's groups of (library tracks in the group) / (group size):
 *       item-to-item co-occurrence, damped for big groups;</li>
 *   <li>{@code artist_cooccurrence}: the same over every group holding the track's artist: artist-level
 *       similarity, which also reaches tracks that are in no group yet.</li>
 * </ul>
 * The listener's own playlists, when the catalogue holds them, are left out: a library taken from a dataset must not
 * learn from its own grouping. Fitting reads the index once and keeps only the values it computes (for the tracks
 * and artists of the groups that hold a library track), so a fitted feature holds no reference to the catalogue.
 */
public final class CoMembership implements ListenerFeature {
    static final List<String> COLUMNS = List.of("group_cooccurrence", "artist_cooccurrence");
    private static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(CoMembership.class);

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        if (listener.coMembership().isEmpty()) {
            return Optional.empty();
        }
        CoMembershipIndex index = listener.coMembership().get();
        boolean[] own = new boolean[index.groupCount()];
        for (Playlist p : listener.library().playlists()) {
            int g = index.groupOfPlaylist(p.id());
            if (g >= 0) {
                own[g] = true;
            }
        }
        double[] inverseSize = new double[own.length];
        double[] weight = new double[own.length];
        for (int g = 0; g < own.length; g++) {
            inverseSize[g] = own[g] ? 0 : 1.0 / Math.max(1, index.groupSize(g));
        }
        for (Track t : listener.liked()) {
            for (int g : index.groupsOf(t.id())) {
                weight[g] += inverseSize[g];
            }
        }
        // Only groups holding a library track (weight > 0) add anything to a track's or an artist's sum.
        Map<String, Double> item = new HashMap<>();
        Map<String, Double> artist = new HashMap<>();
        for (int g = 0; g < weight.length; g++) {
            if (weight[g] > 0) {
                for (String id : index.tracksOfGroup(g)) {
                    item.merge(id, weight[g], Double::sum);
                }
                for (String a : index.artistsOfGroup(g)) {
                    artist.merge(a, weight[g], Double::sum);
                }
            }
        }
        // A library track counted itself once in each of its groups.
        Map<String, Double> self = new HashMap<>();
        for (Track t : listener.liked()) {
            double sum = 0;
            for (int g : index.groupsOf(t.id())) {
                sum += inverseSize[g];
            }
            if (sum != 0) {
                self.put(t.id(), sum);
            }
        }
        LOG.debug("co-membership fitted: {} tracks and {} artists share a group with the library", item.size(),
                artist.size());
        return Optional.of(new Statistics(item, artist, self));
    }

    /**
     * The fitted feature, nonzero entries only: per track id its item co-occurrence, per normalised main artist its
     * artist co-occurrence, and per library track what it added to both itself (subtracted when {@code inLibrary}).
     */
    record Statistics(Map<String, Double> item, NormalisedNameMap<Double> artist, Map<String, Double> self)
            implements Fitted {
        private static final Double NONE = 0.0;

        Statistics {
            item = Map.copyOf(item);
            self = Map.copyOf(self);
        }

        Statistics(Map<String, Double> item, Map<String, Double> artist, Map<String, Double> self) {
            this(item, new NormalisedNameMap<>(artist), self);
        }

        @Override
        public void compute(Track track, double[] row, boolean inLibrary, double[] out, int offset) {
            double i = item.getOrDefault(track.id(), 0.0);
            double a = artist.get(track.mainArtist(), NONE);
            Double own = inLibrary ? self.get(track.id()) : null;
            if (own != null) {
                i -= own;
                a -= own;
            }
            out[offset] = Math.max(0, i);
            out[offset + 1] = Math.max(0, a);
        }

        @Override
        public void writeState(FittedState.Writer out) throws IOException {
            FeatureStates.writeVersion(out, VERSION);
            out.writeDoubleMap(FeatureStates.sorted(item)).writeDoubleMap(FeatureStates.sorted(artist.asMap()))
                    .writeDoubleMap(FeatureStates.sorted(self));
        }

        /** Reads what {@link #writeState} wrote; the caller checks that the state ends there. */
        static Statistics read(FittedState.Reader in) throws IOException {
            FeatureStates.readVersion(in, ListenerFeatureFactories.CO_MEMBERSHIP, VERSION);
            Map<String, Double> item = in.readDoubleMap();
            Map<String, Double> artist = in.readDoubleMap();
            Map<String, Double> self = in.readDoubleMap();
            return new Statistics(item, artist, self);
        }
    }
}
