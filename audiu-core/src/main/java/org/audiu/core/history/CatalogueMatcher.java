package org.audiu.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;

/**
 * Matches a history's songs to catalogue tracks, from the surest key to the loosest, the first that finds a track
 * winning:
 * <ol>
 *   <li>the Spotify track id, where the export has one;</li>
 *   <li>the ISRC;</li>
 *   <li>the normalised main artist + title ({@link SongNames#key}): the catalogue track whose first artist is the
 *       export's artist;</li>
 *   <li>the export's artist as any of the catalogue track's artists, listed ({@code Marshmello;Imanbek}) or credited
 *       in its title ("Rewrite The Stars (with James Arthur & Anne-Marie)"), then the same without a leading "the"
 *       ("Black Eyed Peas" and "The Black Eyed Peas");</li>
 *   <li>an artist the export's title credits, when both the export's song and the catalogue track are
 *       collaborations (so "We Will Rock You (feat. Queen)" by Five is not Queen's own recording).</li>
 * </ol>
 * Titles compare as {@link SongNames#title} makes them: editions ("- Remastered 2011", "- Radio Edit"), credits and
 * soundtrack attributions do not count, a different recording ("- Live", "- Acoustic", "- X Remix") does. Among
 * catalogue tracks with one key, the first indexed wins. Immutable once built; thread-safe.
 */
public final class CatalogueMatcher {
    static final String NO_CATALOGUE = "no catalogue to match against (set the history source's 'catalogue')";
    static final String ID_AND_NAME_UNKNOWN = "its Spotify id and its artist + title are not in the catalogue";
    static final String NAME_UNKNOWN = "no Spotify id in the export, and its artist + title are not in the catalogue";
    static final String OTHER_ARTIST = "the catalogue has the title, but by another artist";

    /** How a song found its catalogue track. */
    public enum How {
        /** By Spotify track id. */
        ID,
        /** By ISRC. */
        ISRC,
        /** By the normalised main artist + title. */
        NAME,
        /** By another of the catalogue track's artists, or an artist credited in a title, + title. */
        ANY_ARTIST
    }

    /** A catalogue track found for a song, and how. */
    public record Found(Track track, How how) {
    }

    private final Map<String, Track> byId = new HashMap<>();
    private final Map<String, Track> byIsrc = new HashMap<>();
    private final Map<String, Track> byKey = new HashMap<>();
    /** Every artist of a track (listed or credited in its title) + title. */
    private final Map<String, Track> byAnyArtist = new HashMap<>();
    /** The same, artists without a leading "the". */
    private final Map<String, Track> byAnyArtistNoArticle = new HashMap<>();
    private final Map<String, Track> byTitle = new HashMap<>();
    private final int size;

    /** Indexes a catalogue (first track wins for a shared id, ISRC or key). */
    public CatalogueMatcher(Stream<Track> catalogue) {
        List<Track> tracks = catalogue.toList();
        // The names are normalised on every core (SongNames is pure), then indexed in catalogue order, so the first
        // track still wins each key.
        TrackNames[] names = new TrackNames[tracks.size()];
        IntStream.range(0, tracks.size()).parallel().forEach(i -> names[i] = TrackNames.of(tracks.get(i)));
        for (int i = 0; i < names.length; i++) {
            Track t = tracks.get(i);
            byId.putIfAbsent(t.id(), t);
            t.isrc().ifPresent(isrc -> byIsrc.putIfAbsent(isrc.toUpperCase(Locale.ROOT), t));
            TrackNames n = names[i];
            if (n == null) {
                continue;
            }
            byKey.putIfAbsent(n.mainArtist() + '\u0000' + n.title(), t);
            byTitle.putIfAbsent(n.title(), t);
            for (String artist : n.artists()) {
                byAnyArtist.putIfAbsent(artist + '\u0000' + n.title(), t);
                byAnyArtistNoArticle.putIfAbsent(withoutArticle(artist) + '\u0000' + n.title(), t);
            }
        }
        this.size = tracks.size();
    }

    /** A catalogue track's normalised title, main artist and every artist ({@link #artistsOf}). */
    private record TrackNames(String title, String mainArtist, Set<String> artists) {
        /** Null for a track without a title (indexed by id and ISRC only). */
        static TrackNames of(Track t) {
            if (t.name().isEmpty()) {
                return null;
            }
            return new TrackNames(SongNames.title(t.name()), SongNames.artist(t.mainArtist()), artistsOf(t));
        }
    }

    /** No catalogue: every song keeps a track made from its names (its Spotify id when the export has one). */
    public static CatalogueMatcher none() {
        return new CatalogueMatcher(Stream.empty());
    }

    /** A track's artists, normalised: the listed ones, then those its title credits. */
    private static Set<String> artistsOf(Track t) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : t.artists()) {
            String n = SongNames.artist(a);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        out.addAll(SongNames.credits(t.name()));
        return out;
    }

    private static String withoutArticle(String plainArtist) {
        return plainArtist.startsWith("the ") ? plainArtist.substring(4) : plainArtist;
    }

    /**
     * The catalogue track for one song as an export names it (a play, a saved track, a playlist item), by the
     * surest key that finds one.
     *
     * @param trackId its Spotify track id, when the export has one
     * @param isrc    its ISRC, when the export has one
     * @param artist  the artist as the export names it
     * @param title   the title as the export names it
     */
    public Optional<Found> find(Optional<String> trackId, Optional<String> isrc, String artist, String title) {
        Track t = trackId.map(byId::get).orElse(null);
        if (t != null) {
            return Optional.of(new Found(t, How.ID));
        }
        t = isrc.map(i -> byIsrc.get(i.toUpperCase(Locale.ROOT))).orElse(null);
        if (t != null) {
            return Optional.of(new Found(t, How.ISRC));
        }
        String plainTitle = SongNames.title(title);
        String plainArtist = SongNames.artist(artist);
        t = byKey.get(plainArtist + '\u0000' + plainTitle);
        if (t != null) {
            return Optional.of(new Found(t, How.NAME));
        }
        t = byAnyArtist.get(plainArtist + '\u0000' + plainTitle);
        if (t == null) {
            t = byAnyArtistNoArticle.get(withoutArticle(plainArtist) + '\u0000' + plainTitle);
        }
        if (t == null) {
            t = byCredit(plainArtist, plainTitle, title);
        }
        return t == null ? Optional.empty() : Optional.of(new Found(t, How.ANY_ARTIST));
    }

    /** A collaboration of the catalogue with one of the artists a collaboration's title credits. */
    private Track byCredit(String plainArtist, String plainTitle, String title) {
        for (String credited : SongNames.credits(title)) {
            if (credited.equals(plainArtist)) {
                continue;
            }
            Track t = byAnyArtist.get(credited + '\u0000' + plainTitle);
            if (t != null && artistsOf(t).size() > 1) {
                return t;
            }
        }
        return null;
    }

    public HistoryMatch match(ListeningHistory history) {
        Map<String, SongHistory> matchedById = new LinkedHashMap<>();
        Map<String, Track> trackOf = new HashMap<>();
        List<SongHistory> unmatched = new ArrayList<>();
        Map<SongHistory, String> reasons = new HashMap<>();
        Map<How, Integer> byHow = new java.util.EnumMap<>(How.class);
        long plays = 0;
        long matchedPlays = 0;
        for (SongHistory s : history.songs()) {
            plays += s.plays();
            Optional<Found> found = find(s.trackId(), s.isrc(), s.artist(), s.title());
            if (found.isEmpty()) {
                unmatched.add(s);
                reasons.put(s, reason(s));
                continue;
            }
            Track t = found.get().track();
            byHow.merge(found.get().how(), 1, Integer::sum);
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
                .thenComparing(SongHistory::key)).limit(5).map(s -> s + ": " + example(s, reasons.get(s))).toList();
        MatchReport report = new MatchReport(size, history.songs().size(), plays, byHow.getOrDefault(How.ID, 0),
                byHow.getOrDefault(How.ISRC, 0), byHow.getOrDefault(How.NAME, 0),
                byHow.getOrDefault(How.ANY_ARTIST, 0), matchedPlays, byReason, examples);
        return new HistoryMatch(matched, others, report);
    }

    private String reason(SongHistory s) {
        return size == 0 ? NO_CATALOGUE : byTitle.containsKey(SongNames.title(s.title())) ? OTHER_ARTIST
                : s.trackId().isPresent() ? ID_AND_NAME_UNKNOWN : NAME_UNKNOWN;
    }

    /** The reason, and for a title the catalogue has by another artist, that artist. */
    private String example(SongHistory s, String reason) {
        if (!OTHER_ARTIST.equals(reason)) {
            return reason;
        }
        Track other = byTitle.get(SongNames.title(s.title()));
        return reason + " (" + other.artistsText() + ")";
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
