package org.audiu.core.spi.listener;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.preference.PreferenceScores;

/**
 * What a listener-relative feature is fitted to: the library, its preference scores, the library tracks that have
 * features ("liked", the positive training rows) with their rows in the base schema, and the candidate source's
 * co-membership index when it has one.
 *
 * @param likedRows    features of {@code liked} in {@code baseSchema}, same order; shared, not copied: do not modify
 * @param coMembership the candidate source's groups (playlists), when it knows them
 */
public record ListenerContext(ListenerLibrary library, PreferenceScores preferences, List<Track> liked,
                              double[][] likedRows, FeatureSchema baseSchema,
                              Optional<CoMembershipIndex> coMembership) {
    /** Preference weights below this still count: every liked track is a positive example. */
    public static final double MIN_PREFERENCE = 0.05;

    public ListenerContext {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(preferences, "preferences");
        liked = List.copyOf(Objects.requireNonNull(liked, "liked"));
        Objects.requireNonNull(likedRows, "likedRows");
        Objects.requireNonNull(baseSchema, "baseSchema");
        Objects.requireNonNull(coMembership, "coMembership");
        if (likedRows.length != liked.size()) {
            throw new IllegalArgumentException(liked.size() + " liked tracks but " + likedRows.length + " rows");
        }
    }

    /** The preference weight of a liked track, as the engine weights it in training. */
    public double preferenceOf(Track track) {
        return Math.max(MIN_PREFERENCE, preferences.scoreOf(track.id()));
    }

    /** Preference weights of the liked tracks by id. */
    public Map<String, Double> preferenceById() {
        Map<String, Double> out = new HashMap<>();
        liked.forEach(t -> out.put(t.id(), preferenceOf(t)));
        return out;
    }

    /** An artist or album name as the features compare them: trimmed, lower-cased. */
    public static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
