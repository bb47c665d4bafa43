package org.audiu.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;

/**
 * Matches a history's songs to catalogue tracks: by Spotify track id where the export has one, then by ISRC, then
 * by normalised main artist + title ({@link SongNames}). Immutable once built; thread-safe.
 */
public final class CatalogueMatcher {
    static final String NO_CATALOGUE = "no catalogue to match against (set the history source's 'catalogue')";
    static final String ID_AND_NAME_UNKNOWN = "its Spotify id and its artist + title are not in the catalogue";
    static final String NAME_UNKNOWN = "no Spotify id in the export, and its artist + title are not in the catalogue";
    static final String OTHER_ARTIST = "the catalogue has the title, but by another artist";

    private final Map<String, Track> byId = new HashMap<>();
    private final Map<String, Track> byIsrc = new HashMap<>();
    private final Map<String, Track> byKey = new HashMap<>();
    private final Map<String, Track> byTitle = new HashMap<>();
    private final int size;

    /** Indexes a catalogue (first track wins for a shared ISRC or song key). */
    public CatalogueMatcher(Stream<Track> catalogue) {
        int n = 0;
        for (Track t : (Iterable<Track>) catalogue::iterator) {
            n++;
            byId.putIfAbsent(t.id(), t);
            t.isrc().ifPresent(i -> byIsrc.putIfAbsent(i.toUpperCase(java.util.Locale.ROOT), t));
            if (!t.name().isEmpty()) {
                byKey.putIfAbsent(SongNames.key(t.mainArtist(), t.name()), t);
                byTitle.putIfAbsent(SongNames.title(t.name()), t);
            }
        }
        this.size = n;
    }

    /** No catalogue: every song keeps a track made from its names (its Spotify id when the export has one). */
    public static CatalogueMatcher none() {
        return new CatalogueMatcher(Stream.empty());
    }

    public HistoryMatch match(ListeningHistory history) {
        Map<String, SongHistory> matchedById = new LinkedHashMap<>();
        Map<String, Track> trackOf = new HashMap<>();
        List<SongHistory> unmatched = new ArrayList<>();
        Map<SongHistory, String> reasons = new HashMap<>();
        int ids = 0;
        int isrcs = 0;
        int names = 0;
        long plays = 0;
        long matchedPlays = 0;
        for (SongHistory s : history.songs()) {
            plays += s.plays();
            Track t = s.trackId().map(byId::get).orElse(null);
            if (t != null) {
                ids++;
            } else if ((t = s.isrc().map(i -> byIsrc.get(i.toUpperCase(java.util.Locale.ROOT))).orElse(null))
                    != null) {
                isrcs++;
            } else if ((t = byKey.get(s.key())) != null) {
                names++;
            }
            if (t == null) {
                unmatched.add(s);
                reasons.put(s, size == 0 ? NO_CATALOGUE : byTitle.containsKey(SongNames.title(s.title()))
                        ? OTHER_ARTIST : s.trackId().isPresent() ? ID_AND_NAME_UNKNOWN : NAME_UNKNOWN);
                continue;
            }
            matchedPlays += s.plays();
            trackOf.put(t.id(), t);
            matchedById.merge(t.id(), s, SongHistory::merge);
        }
        List<TrackPlays> matched = new ArrayList<>();
        matchedById.forEach((id, s) -> matched.add(s.toTrackPlays(trackOf.get(id))));
        Map<String, SongHistory> own = new LinkedHashMap<>();
        for (SongHistory s : unmatched) {
            own.merge(s.ownTrack().id(), s, SongHistory::merge);
        }
        List<TrackPlays> others = new ArrayList<>();
        own.values().forEach(s -> others.add(s.toTrackPlays(s.ownTrack())));
        Map<String, Integer> byReason = new LinkedHashMap<>();
        reasons.values().forEach(r -> byReason.merge(r, 1, Integer::sum));
        List<String> examples = unmatched.stream().sorted(Comparator.comparingInt(SongHistory::plays).reversed()
                .thenComparing(SongHistory::key)).limit(5).map(s -> s + ": " + reasons.get(s)).toList();
        MatchReport report = new MatchReport(size, history.songs().size(), plays, ids, isrcs, names, matchedPlays,
                byReason, examples);
        return new HistoryMatch(matched, others, report);
    }

    /** Number of catalogue tracks indexed. */
    public int size() {
        return size;
    }

    /** The catalogue track with this id, if any. */
    public Optional<Track> track(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
