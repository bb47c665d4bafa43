package org.audiu.core.relative;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Artist;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.TrackKeys;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code artist-affinity}: how much of the library is by the track's artists.
 * <ul>
 *   <li>{@code artist_share}: share of the library's tracks by the track's artist (the best of its artists);</li>
 *   <li>{@code artist_preference}: the same share weighted by preference scores (a loved artist counts more);</li>
 *   <li>{@code artist_top}: 1 for the listener's #1 top artist down to near 0 for the last, at least
 *       {@value #FOLLOWED_TOP} for an artist the listener follows, 0 otherwise (Spotify's top artists and followed
 *       artists; 0 for every track when the source has neither).</li>
 * </ul>
 * Banned tracks ({@link org.audiu.core.ListenerLibrary#bannedTracks()}) count for no artist.
 */
public final class ArtistAffinity implements ListenerFeature {
    /** The column of the share of the library by the track's artist (also the prior a recommender blends in). */
    public static final String ARTIST_SHARE = "artist_share";
    static final List<String> COLUMNS = List.of(ARTIST_SHARE, "artist_preference", "artist_top");
    private static final int VERSION = 1;
    /** The {@code artist_top} of a followed artist that is not a higher-ranked top artist. */
    static final double FOLLOWED_TOP = 0.5;

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Double> preference = new HashMap<>();
        Map<String, Double> ownPreference = listener.preferenceById();
        Set<String> banned = listener.library().bannedTrackIds();
        List<Track> liked = listener.liked();
        if (!banned.isEmpty()) {
            // A banned track says what the listener does not like: its artist's share is not raised by it.
            ownPreference = new HashMap<>(ownPreference);
            ownPreference.keySet().removeAll(banned);
            liked = liked.stream().filter(t -> !banned.contains(t.id())).toList();
        }
        double totalPreference = 0;
        for (Track t : liked) {
            double p = ownPreference.get(t.id());
            totalPreference += p;
            for (String a : artistsOf(t)) {
                counts.merge(a, 1, Integer::sum);
                preference.merge(a, p, Double::sum);
            }
        }
        Map<String, Double> top = new HashMap<>();
        for (List<Artist> ranked : listener.library().topArtists().values()) {
            for (int i = 0; i < ranked.size(); i++) {
                top.merge(ListenerContext.normalise(ranked.get(i).name()), 1.0 - (double) i / ranked.size(),
                        Math::max);
            }
        }
        for (Artist a : listener.library().followedArtists()) {
            top.merge(ListenerContext.normalise(a.name()), FOLLOWED_TOP, Math::max);
        }
        return Optional.of(new Statistics(counts, preference, top, ownPreference, liked.size(), totalPreference));
    }

    static Set<String> artistsOf(Track t) {
        if (t.artists().size() == 1) {
            return Set.of(ListenerContext.normalise(t.artists().get(0)));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String a : t.artists()) {
            String k = ListenerContext.normalise(a);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /** One artist's library count, preference sum and top-artist score (0 where the artist has none). */
    record ArtistValues(int count, double preference, double top) {
        static final ArtistValues NONE = new ArtistValues(0, 0, 0);

        static NormalisedNameMap<ArtistValues> byArtist(Map<String, Integer> counts, Map<String, Double> preference,
                                                        Map<String, Double> top) {
            Map<String, ArtistValues> out = new HashMap<>();
            for (String a : counts.keySet()) {
                out.put(a, new ArtistValues(counts.get(a), preference.getOrDefault(a, 0.0), top.getOrDefault(a, 0.0)));
            }
            for (Map.Entry<String, Double> e : top.entrySet()) {
                out.putIfAbsent(e.getKey(), new ArtistValues(0, preference.getOrDefault(e.getKey(), 0.0),
                        e.getValue()));
            }
            return new NormalisedNameMap<>(out);
        }
    }

    /**
     * The fitted feature: library tracks per normalised artist, their preference sum, top-artist scores, the
     * preference of each library track (to leave it out of its own statistics), the library size and the total
     * preference.
     */
    record Statistics(Map<String, Integer> counts, Map<String, Double> preference, Map<String, Double> top,
                      Map<String, Double> ownPreference, int n, double total,
                      NormalisedNameMap<ArtistValues> byArtist) implements Fitted {
        Statistics {
            counts = Map.copyOf(counts);
            preference = Map.copyOf(preference);
            top = Map.copyOf(top);
            ownPreference = Map.copyOf(ownPreference);
        }

        /** The statistics, with the per-artist values they give indexed for lookups by raw names. */
        Statistics(Map<String, Integer> counts, Map<String, Double> preference, Map<String, Double> top,
                   Map<String, Double> ownPreference, int n, double total) {
            this(counts, preference, top, ownPreference, n, total, ArtistValues.byArtist(counts, preference, top));
        }

        /**
         * The same values as walking {@link #artistsOf} (each artist normalised), with one lookup per artist that
         * builds no normalised name: the ranking pass computes this for every candidate.
         */
        @Override
        public void compute(Track track, double[] row, boolean inLibrary, double[] out, int offset) {
            computeBy(track, null, inLibrary, out, offset);
        }

        /** As the other, each artist looked up by the hash its source computed once. */
        @Override
        public void compute(Track track, TrackKeys keys, double[] row, boolean inLibrary, double[] out, int offset) {
            computeBy(track, keys != null && keys.fits(track.artists().size()) ? keys.artistHashes() : null, inLibrary,
                    out, offset);
        }

        private void computeBy(Track track, long[] artistHashes, boolean inLibrary, double[] out, int offset) {
            double self = inLibrary ? ownPreference.getOrDefault(track.id(), 0.0) : 0;
            int selfCount = inLibrary && ownPreference.containsKey(track.id()) ? 1 : 0;
            double share = 0;
            double weighted = 0;
            double topScore = 0;
            List<String> artists = track.artists();
            boolean several = artists.size() > 1;
            for (int i = 0; i < artists.size(); i++) {
                String a = artists.get(i);
                if (several && NormalisedNameMap.normalisesToEmpty(a)) {
                    continue; // artistsOf leaves an empty name out of a list of several
                }
                ArtistValues v = artistHashes == null ? byArtist.get(a, ArtistValues.NONE)
                        : byArtist.get(artistHashes[i], a, ArtistValues.NONE);
                int c = v.count() - selfCount;
                if (c > 0) {
                    share = Math.max(share, (double) c / (n - selfCount));
                    weighted = Math.max(weighted, (v.preference() - self) / (total - self));
                }
                topScore = Math.max(topScore, v.top());
            }
            out[offset] = share;
            out[offset + 1] = weighted;
            out[offset + 2] = topScore;
        }

        @Override
        public void writeState(FittedState.Writer out) throws IOException {
            FeatureStates.writeVersion(out, VERSION);
            out.writeIntMap(FeatureStates.sorted(counts)).writeDoubleMap(FeatureStates.sorted(preference))
                    .writeDoubleMap(FeatureStates.sorted(top)).writeDoubleMap(FeatureStates.sorted(ownPreference))
                    .writeInt(n).writeDouble(total);
        }

        /** Reads what {@link #writeState} wrote; the caller checks that the state ends there. */
        static Statistics read(FittedState.Reader in) throws IOException {
            String name = ListenerFeatureFactories.ARTIST_AFFINITY;
            FeatureStates.readVersion(in, name, VERSION);
            Map<String, Integer> counts = in.readIntMap();
            Map<String, Double> preference = in.readDoubleMap();
            Map<String, Double> top = in.readDoubleMap();
            Map<String, Double> own = in.readDoubleMap();
            int n = in.readInt();
            double total = in.readDouble();
            FeatureStates.check(n >= 0 && own.size() <= n, name, "library size " + n + " for " + own.size()
                    + " library tracks");
            FeatureStates.check(counts.keySet().equals(preference.keySet()), name,
                    "artist counts and preferences name different artists");
            return new Statistics(counts, preference, top, own, n, total);
        }
    }
}
