package org.audiu.core.relative;

import org.audiu.core.spi.listener.ListenerContext;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Artist;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code artist-affinity}: how much of the library is by the track's artists.
 * <ul>
 *   <li>{@code artist_share}: share of the library's tracks by the track's artist (the best of its artists);</li>
 *   <li>{@code artist_preference}: the same share weighted by preference scores (a loved artist counts more);</li>
 *   <li>{@code artist_top}: 1 for the listener's #1 top artist down to near 0 for the last, 0 when not a top artist
 *       (Spotify's top artists; 0 for every track when the source has none).</li>
 * </ul>
 */
public final class ArtistAffinity implements ListenerFeature {
    static final List<String> COLUMNS = List.of("artist_share", "artist_preference", "artist_top");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Double> preference = new HashMap<>();
        Map<String, Double> ownPreference = listener.preferenceById();
        double totalPreference = 0;
        for (Track t : listener.liked()) {
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
        int n = listener.liked().size();
        double total = totalPreference;
        return Optional.of((track, row, inLibrary, out, offset) -> {
            double self = inLibrary ? ownPreference.getOrDefault(track.id(), 0.0) : 0;
            int selfCount = inLibrary && ownPreference.containsKey(track.id()) ? 1 : 0;
            double share = 0;
            double weighted = 0;
            double topScore = 0;
            for (String a : artistsOf(track)) {
                int c = counts.getOrDefault(a, 0) - selfCount;
                if (c > 0) {
                    share = Math.max(share, (double) c / (n - selfCount));
                    weighted = Math.max(weighted, (preference.get(a) - self) / (total - self));
                }
                topScore = Math.max(topScore, top.getOrDefault(a, 0.0));
            }
            out[offset] = share;
            out[offset + 1] = weighted;
            out[offset + 2] = topScore;
        });
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
}
