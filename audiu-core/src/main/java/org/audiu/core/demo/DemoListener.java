package org.audiu.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.audiu.core.Artist;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.PlayedTrack;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.TimeRange;
import org.audiu.core.Track;
import org.audiu.core.config.ConfigException;

/**
 * A generated listener with a clear taste: most saved tracks come from a few favourite artists of the favourite
 * genres, a few from elsewhere (nobody's taste is pure). Top artists, top tracks, playlists and recent plays follow
 * from the saved tracks. Timestamps count back from a fixed instant, so the same seed gives the same library.
 */
public final class DemoListener {
    /** The demo's "now": recency is measured from the newest event, so only relative times matter. */
    static final Instant REFERENCE = Instant.parse("2026-06-01T00:00:00Z");

    private DemoListener() {
    }

    /**
     * @param catalog     the catalogue to draw from
     * @param genres      favourite genres (catalogue genre names, case-insensitive)
     * @param savedTracks how many saved tracks
     * @param seed        seed of every random choice
     */
    public static ListenerLibrary generate(DemoCatalog catalog, List<String> genres, int savedTracks, long seed) {
        List<String> known = DemoCatalog.genres();
        List<String> favourite = new ArrayList<>();
        for (String g : genres) {
            String match = known.stream().filter(k -> k.equalsIgnoreCase(g.trim())).findFirst()
                    .orElseThrow(() -> new ConfigException("Unknown demo genre '" + g + "' (library.genres). Demo genres: "
                            + known + "." + org.audiu.core.config.Suggestions.didYouMean(g, known)));
            favourite.add(match);
        }
        if (favourite.isEmpty()) {
            throw new ConfigException("library.genres is empty: name at least one of " + known);
        }
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Map<String, List<Track>> byArtist = new LinkedHashMap<>();
        catalog.tracks().forEach(t -> byArtist.computeIfAbsent(t.track().mainArtist(), k -> new ArrayList<>())
                .add(t.track()));
        List<String> favouriteArtists = new ArrayList<>();
        for (String g : favourite) {
            List<String> artists = byArtist.entrySet().stream()
                    .filter(e -> e.getValue().get(0).genre().orElse("").equals(g)).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(ArrayList::new));
            Collections.shuffle(artists, random);
            favouriteArtists.addAll(artists.subList(0, Math.min(4, artists.size())));
        }
        List<Track> inGenres = catalog.tracks().stream().map(DemoCatalog.DemoTrack::track)
                .filter(t -> favourite.contains(t.genre().orElse(""))).toList();
        List<Track> all = catalog.tracks().stream().map(DemoCatalog.DemoTrack::track).toList();

        Set<Track> chosen = new LinkedHashSet<>();
        int guard = 0;
        while (chosen.size() < savedTracks && guard++ < savedTracks * 50) {
            double r = random.nextDouble();
            if (r < 0.6) {
                List<Track> own = byArtist.get(favouriteArtists.get(random.nextInt(favouriteArtists.size())));
                chosen.add(own.get(random.nextInt(own.size())));
            } else if (r < 0.92) {
                chosen.add(inGenres.get(random.nextInt(inGenres.size())));
            } else {
                chosen.add(all.get(random.nextInt(all.size())));
            }
        }
        List<Track> saved = new ArrayList<>(chosen);
        List<SavedTrack> savedTracksOut = new ArrayList<>();
        for (Track t : saved) {
            Instant at = REFERENCE.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
            savedTracksOut.add(new SavedTrack(t, at));
        }
        savedTracksOut.sort((a, b) -> b.addedAt().compareTo(a.addedAt()));

        List<Playlist> playlists = new ArrayList<>();
        for (int p = 0; p < favourite.size(); p++) {
            String g = favourite.get(p);
            List<PlaylistItem> items = saved.stream().filter(t -> t.genre().orElse("").equals(g)).limit(30)
                    .map(t -> new PlaylistItem(t, java.util.Optional.of(REFERENCE.minus(
                            Duration.ofDays(random.nextInt(400)))))).collect(Collectors.toList());
            playlists.add(new Playlist("demo-playlist-" + (p + 1), "My " + g.toLowerCase(Locale.ROOT) + " favourites",
                    true, items));
        }

        Map<String, Long> artistCounts = saved.stream()
                .collect(Collectors.groupingBy(Track::mainArtist, LinkedHashMap::new, Collectors.counting()));
        List<Artist> topArtists = artistCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .map(e -> Artist.named(e.getKey())).toList();
        EnumMap<TimeRange, List<Artist>> topArtistsByRange = new EnumMap<>(TimeRange.class);
        EnumMap<TimeRange, List<Track>> topTracksByRange = new EnumMap<>(TimeRange.class);
        for (TimeRange range : TimeRange.values()) {
            List<Artist> ranked = new ArrayList<>(topArtists);
            if (range == TimeRange.SHORT_TERM) {
                Collections.shuffle(ranked, random);
            }
            topArtistsByRange.put(range, ranked.subList(0, Math.min(10, ranked.size())));
            List<Track> tracks = new ArrayList<>(saved);
            Collections.shuffle(tracks, random);
            topTracksByRange.put(range, tracks.subList(0, Math.min(20, tracks.size())));
        }
        List<PlayedTrack> recent = new ArrayList<>();
        Instant t = REFERENCE;
        for (int i = 0; i < 50; i++) {
            t = t.minus(Duration.ofMinutes(3 + random.nextInt(120)));
            recent.add(new PlayedTrack(savedTracksOut.get(random.nextInt(Math.min(40, savedTracksOut.size()))).track(),
                    t));
        }
        return new ListenerLibrary(savedTracksOut, playlists, topArtistsByRange, topTracksByRange, recent);
    }
}
