package org.audiu.core.discovery;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.spi.listener.ListenerContext;

/**
 * What a listener's plays say about each artist, from every play: matched to the catalogue or not (an unmatched
 * play still names its artist), so an artist the listener plays often counts even when none of their songs is in
 * the catalogue. Artists are compared by {@link ListenerContext#normalise}; a track counts for each credited artist.
 */
public final class ArtistEvidence {
    /** One artist's plays, distinct songs, timed plays and early skips. */
    public record ArtistPlays(String name, int plays, int songs, int timedPlays, int earlySkips) {
        /** Share of timed plays skipped in the first seconds; 0 without timed plays. */
        public double earlySkipRate() {
            return timedPlays == 0 ? 0 : (double) earlySkips / timedPlays;
        }

        ArtistPlays plus(TrackPlays p) {
            return new ArtistPlays(name, plays + p.plays(), songs + 1, timedPlays + p.timedPlays(),
                    earlySkips + p.earlySkips());
        }
    }

    private final Map<String, ArtistPlays> byArtist;

    private ArtistEvidence(Map<String, ArtistPlays> byArtist) {
        this.byArtist = Map.copyOf(byArtist);
    }

    /** The evidence of these plays (each {@link TrackPlays} one song). */
    public static ArtistEvidence of(List<TrackPlays> plays) {
        Objects.requireNonNull(plays, "plays");
        Map<String, ArtistPlays> out = new HashMap<>();
        for (TrackPlays p : plays) {
            for (String a : keys(p.track())) {
                out.compute(a, (k, old) -> (old == null ? new ArtistPlays(displayName(p.track(), k), 0, 0, 0, 0)
                        : old).plus(p));
            }
        }
        return new ArtistEvidence(out);
    }

    /** The normalised artist keys of a track, each once. */
    static Set<String> keys(Track t) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : t.artists()) {
            String k = ListenerContext.normalise(a);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    private static String displayName(Track t, String key) {
        for (String a : t.artists()) {
            if (ListenerContext.normalise(a).equals(key)) {
                return a.trim();
            }
        }
        return key;
    }

    /** The artist of a track with the most plays, or null when the listener never played any of its artists. */
    public ArtistPlays strongest(Track t) {
        ArtistPlays best = null;
        for (String a : keys(t)) {
            ArtistPlays e = byArtist.get(a);
            if (e != null && (best == null || e.plays() > best.plays())) {
                best = e;
            }
        }
        return best;
    }

    /** Number of artists with at least one play. */
    public int artists() {
        return byArtist.size();
    }
}
