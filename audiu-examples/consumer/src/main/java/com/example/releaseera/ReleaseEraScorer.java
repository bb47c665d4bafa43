package com.example.releaseera;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScores;

/**
 * Scores each library track by how much of the library comes from its era: the years are cut into eras of
 * {@code eraYears} (10: decades, 1970-1979, 1980-1989, ...), and a track scores the number of library tracks of its
 * era divided by the number in the listener's biggest era. A track without a release year scores 0.
 */
public final class ReleaseEraScorer implements PreferenceScorer {
    private final int eraYears;

    /** @param eraYears the length of an era in years, at least 1 */
    public ReleaseEraScorer(int eraYears) {
        if (eraYears < 1) {
            throw new IllegalArgumentException("eraYears must be at least 1, got " + eraYears);
        }
        this.eraYears = eraYears;
    }

    @Override
    public PreferenceScores score(ListenerLibrary library) {
        if (library.isEmpty()) {
            throw new DataException("The listener library is empty: release-era has nothing to score.");
        }
        List<Track> tracks = library.distinctTracks();
        Map<Integer, Integer> tracksPerEra = new HashMap<>();
        for (Track track : tracks) {
            OptionalInt era = eraOf(track);
            if (era.isPresent()) {
                tracksPerEra.merge(era.getAsInt(), 1, Integer::sum);
            }
        }
        if (tracksPerEra.isEmpty()) {
            throw new DataException("None of the " + tracks.size() + " library tracks has a release year: "
                    + "release-era cannot score them. Choose another scorer (e.g. scorer = weighted).");
        }
        double biggestEra = tracksPerEra.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Map<String, Double> scores = new HashMap<>();
        for (Track track : tracks) {
            OptionalInt era = eraOf(track);
            scores.put(track.id(), era.isPresent() ? tracksPerEra.get(era.getAsInt()) / biggestEra : 0.0);
        }
        return new PreferenceScores(scores, Map.of("release-era", 1.0), List.of());
    }

    /** The era a track was released in (its first year divided by the era length), when its year is known. */
    private OptionalInt eraOf(Track track) {
        OptionalInt year = track.releaseYear();
        return year.isPresent() ? OptionalInt.of(Math.floorDiv(year.getAsInt(), eraYears)) : OptionalInt.empty();
    }
}
