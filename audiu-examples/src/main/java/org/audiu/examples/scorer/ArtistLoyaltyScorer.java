package org.audiu.examples.scorer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScores;

/**
 * An example custom preference scorer: a listener who saves many tracks by an artist, and files that artist into
 * several playlists, is loyal to that artist; each track scores by its artist's loyalty. A template for your own
 * scorer: see CONTRIBUTING.md.
 */
public final class ArtistLoyaltyScorer implements PreferenceScorer {
    private final double playlistBonus;

    /** @param playlistBonus how much each distinct playlist featuring the artist adds, relative to a saved track */
    public ArtistLoyaltyScorer(double playlistBonus) {
        this.playlistBonus = playlistBonus;
    }

    @Override
    public PreferenceScores score(ListenerLibrary library) {
        if (library.isEmpty()) {
            throw new DataException("The listener library is empty: artist-loyalty has nothing to score.");
        }
        Map<String, Double> loyalty = new HashMap<>();
        for (Track t : library.distinctTracks()) {
            loyalty.merge(key(t), 1.0, Double::sum);
        }
        for (Playlist p : library.playlists()) {
            Set<String> artists = new HashSet<>();
            for (PlaylistItem i : p.items()) {
                artists.add(key(i.track()));
            }
            artists.forEach(a -> loyalty.merge(a, playlistBonus, Double::sum));
        }
        double max = loyalty.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Map<String, Double> scores = new HashMap<>();
        for (Track t : library.distinctTracks()) {
            scores.put(t.id(), loyalty.getOrDefault(key(t), 0.0) / max);
        }
        return new PreferenceScores(scores, Map.of("artist-loyalty", 1.0), java.util.List.of());
    }

    private static String key(Track t) {
        return t.mainArtist().toLowerCase(Locale.ROOT);
    }
}
