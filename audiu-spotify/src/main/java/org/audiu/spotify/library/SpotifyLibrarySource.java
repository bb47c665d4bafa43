package org.audiu.spotify.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Artist;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.PlayedTrack;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.TimeRange;
import org.audiu.core.Track;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.spotify.ApiException;
import org.audiu.spotify.api.AudiuPlaylists;
import org.audiu.spotify.api.JsonRequest;
import org.audiu.spotify.api.Pages;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.api.TrackMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.model_objects.specification.PlaylistSimplified;

/**
 * A listener's Spotify library under the 2026 rules: saved tracks, their playlists with items from
 * {@code /v1/playlists/{id}/items} (field {@code item}, old {@code track} as fallback; playlists Spotify refuses with
 * 403 are skipped and named in the report; the playlists audiU wrote are left out unless asked for), top artists and
 * tracks for the three time ranges, and recently played tracks (cursor paging). Every page is followed to the end; repeats are dropped and counted.
 */
public final class SpotifyLibrarySource implements LibrarySource {
    /** Spotify's largest page for these endpoints. */
    public static final int PAGE_SIZE = 50;

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyLibrarySource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to read.
     *
     * @param followedPlaylists also try playlists the user only follows (Spotify answers 403 for new apps; they are
     *                          then skipped)
     * @param audiuPlaylists    also read the playlists audiU wrote ({@link AudiuPlaylists}); off by default, so
     *                          identical runs read identical libraries
     */
    public record Options(boolean savedTracks, boolean playlists, boolean followedPlaylists, boolean top,
                          boolean recentlyPlayed, boolean audiuPlaylists) {
        /** Without audiU's own playlists. */
        public Options(boolean savedTracks, boolean playlists, boolean followedPlaylists, boolean top,
                       boolean recentlyPlayed) {
            this(savedTracks, playlists, followedPlaylists, top, recentlyPlayed, false);
        }

        public static Options all() {
            return new Options(true, true, true, true, true);
        }
    }

    private final SpotifyWebClient client;
    private final Options options;

    public SpotifyLibrarySource(SpotifyWebClient client, Options options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public ListenerLibrary load() {
        return loadWithReport().library();
    }

    /** Loads the library and says what was skipped. */
    public LoadedLibrary loadWithReport() {
        Counts counts = new Counts();
        List<SavedTrack> saved = options.savedTracks() ? savedTracks(counts) : List.of();
        List<Playlist> playlists = options.playlists() ? playlists(counts) : List.of();
        Map<TimeRange, List<Artist>> topArtists = new EnumMap<>(TimeRange.class);
        Map<TimeRange, List<Track>> topTracks = new EnumMap<>(TimeRange.class);
        if (options.top()) {
            for (TimeRange range : TimeRange.values()) {
                topArtists.put(range, topArtists(range, counts));
                topTracks.put(range, topTracks(range, counts));
            }
        }
        List<PlayedTrack> recent = options.recentlyPlayed() ? recentlyPlayed(counts) : List.of();
        ListenerLibrary library = new ListenerLibrary(saved, playlists, topArtists, topTracks, recent);
        LibraryReport report = new LibraryReport(saved.size(), playlists.size(), counts.skippedPlaylists,
                counts.nullItems, counts.localFiles, counts.otherItems, counts.duplicates, counts.requests);
        LOG.info("Spotify library: {} saved tracks, {} playlists read, {} top artists and {} top tracks over 3 time"
                        + " ranges, {} recent plays ({} distinct tracks)", saved.size(), playlists.size(),
                topArtists.values().stream().mapToInt(List::size).sum(),
                topTracks.values().stream().mapToInt(List::size).sum(), recent.size(),
                library.tracksById().size());
        if (!counts.skippedPlaylists.isEmpty() || counts.nullItems + counts.localFiles + counts.otherItems > 0) {
            LOG.info("Skipped {} playlist(s) Spotify does not let apps read (only owned or collaborative ones since "
                            + "2026), {} empty entries, {} local files and {} episodes or other non-tracks",
                    counts.skippedPlaylists.size(), counts.nullItems, counts.localFiles, counts.otherItems);
        }
        if (!counts.audiuPlaylists.isEmpty()) {
            LOG.info("Left out {} playlist(s) audiU wrote ({}): its own recommendations are not your taste (set "
                    + "library.audiu-playlists = true to read them)", counts.audiuPlaylists.size(),
                    counts.audiuPlaylists);
        }
        return new LoadedLibrary(library, report);
    }

    private static final class Counts {
        int nullItems;
        int localFiles;
        int otherItems;
        int duplicates;
        int requests;
        final List<String> skippedPlaylists = new ArrayList<>();
        final List<String> audiuPlaylists = new ArrayList<>();
    }

    private List<SavedTrack> savedTracks(Counts counts) {
        List<se.michaelthelin.spotify.model_objects.specification.SavedTrack> raw = Pages.all("Saved tracks",
                offset -> {
                    counts.requests++;
                    return client.execute("reading saved tracks at offset " + offset,
                            a -> a.getUsersSavedTracks().limit(PAGE_SIZE).offset(offset).build());
                });
        Map<String, SavedTrack> byId = new LinkedHashMap<>();
        for (var s : raw) {
            Optional<Track> track = s == null ? Optional.empty() : TrackMapper.track(s.getTrack());
            if (track.isEmpty()) {
                counts.nullItems++;
                continue;
            }
            Instant added = s.getAddedAt() == null ? Instant.EPOCH : s.getAddedAt().toInstant();
            if (byId.putIfAbsent(track.get().id(), new SavedTrack(track.get(), added)) != null) {
                counts.duplicates++;
            }
        }
        return new ArrayList<>(byId.values());
    }

    private List<Playlist> playlists(Counts counts) {
        String me = client.userId();
        counts.requests++;
        List<PlaylistSimplified> all = Pages.all("Playlists", offset -> {
            counts.requests++;
            return client.execute("reading the list of playlists at offset " + offset,
                    a -> a.getListOfCurrentUsersPlaylists().limit(PAGE_SIZE).offset(offset).build());
        });
        List<Playlist> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PlaylistSimplified p : all) {
            if (p == null || p.getId() == null) {
                counts.nullItems++;
                continue;
            }
            if (!seen.add(p.getId())) {
                counts.duplicates++;
                continue;
            }
            boolean owned = (p.getOwner() != null && me.equals(p.getOwner().getId()))
                    || Boolean.TRUE.equals(p.getIsCollaborative());
            String label = "'" + p.getName() + "' (" + p.getId() + ")";
            if (!options.audiuPlaylists() && AudiuPlaylists.writtenByAudiu(p.getOwner() == null ? null
                    : p.getOwner().getId(), me, p.getDescription())) {
                counts.audiuPlaylists.add(p.getName());
                continue; // audiU's own output: reading it back would make each run learn from the last one's picks
            }
            if (!owned && !options.followedPlaylists()) {
                counts.skippedPlaylists.add(p.getName());
                continue;
            }
            try {
                out.add(new Playlist(p.getId(), p.getName(), owned, playlistItems(p.getId(), label, counts)));
            } catch (ApiException e) {
                if (e.status() == 403 || e.status() == 404) {
                    counts.skippedPlaylists.add(p.getName());
                    LOG.info("Skipping playlist {}: Spotify answered {} ({}). Apps may only read playlists the user"
                            + " owns or collaborates on.", label, e.status(), owned ? "owned" : "followed");
                } else {
                    throw e;
                }
            }
        }
        return out;
    }

    private List<PlaylistItem> playlistItems(String playlistId, String label, Counts counts) {
        List<JsonNode> entries = Pages.allJson("Playlist " + label, offset -> {
            counts.requests++;
            String json = client.execute("reading items of playlist " + label + " at offset " + offset,
                    a -> JsonRequest.to(a, "GET", "/v1/playlists/{playlist_id}/items")
                            .setPathParameter("playlist_id", playlistId)
                            .setQueryParameter("limit", PAGE_SIZE)
                            .setQueryParameter("offset", offset)
                            .build());
            return parse(json, "playlist items of " + label);
        });
        List<PlaylistItem> items = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode obj = entry == null || entry.isNull() ? null : entry.get("item");
            if ((obj == null || obj.isNull()) && entry != null && !entry.isNull()) {
                obj = entry.get("track");
            }
            if (obj == null || obj.isNull()) {
                counts.nullItems++;
                continue;
            }
            String type = obj.path("type").asText("track").toLowerCase(Locale.ROOT);
            if (entry.path("is_local").asBoolean(false) || obj.path("is_local").asBoolean(false)) {
                counts.localFiles++;
                continue;
            }
            if (!type.equals("track")) {
                counts.otherItems++;
                continue;
            }
            var parsed = new se.michaelthelin.spotify.model_objects.specification.Track.JsonUtil()
                    .createModelObject(obj.toString());
            Optional<Track> track = TrackMapper.track(parsed);
            if (track.isEmpty()) {
                counts.localFiles++;
                continue;
            }
            items.add(new PlaylistItem(track.get(), instant(entry.path("added_at").asText(null))));
        }
        return items;
    }

    private List<Artist> topArtists(TimeRange range, Counts counts) {
        String r = range.name().toLowerCase(Locale.ROOT);
        var raw = Pages.all("Top artists (" + r + ")", offset -> {
            counts.requests++;
            return client.execute("reading top artists (" + r + ") at offset " + offset,
                    a -> a.getUsersTopArtists().time_range(r).limit(PAGE_SIZE).offset(offset).build());
        });
        Map<String, Artist> byId = new LinkedHashMap<>();
        for (var a : raw) {
            Optional<Artist> artist = TrackMapper.artist(a);
            if (artist.isEmpty()) {
                counts.nullItems++;
            } else if (byId.putIfAbsent(artist.get().id().isEmpty() ? artist.get().name() : artist.get().id(),
                    artist.get()) != null) {
                counts.duplicates++;
            }
        }
        return new ArrayList<>(byId.values());
    }

    private List<Track> topTracks(TimeRange range, Counts counts) {
        String r = range.name().toLowerCase(Locale.ROOT);
        var raw = Pages.all("Top tracks (" + r + ")", offset -> {
            counts.requests++;
            return client.execute("reading top tracks (" + r + ") at offset " + offset,
                    a -> a.getUsersTopTracks().time_range(r).limit(PAGE_SIZE).offset(offset).build());
        });
        Map<String, Track> byId = new LinkedHashMap<>();
        for (var t : raw) {
            Optional<Track> track = TrackMapper.track(t);
            if (track.isEmpty()) {
                counts.nullItems++;
            } else if (byId.putIfAbsent(track.get().id(), track.get()) != null) {
                counts.duplicates++;
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Recently played tracks, newest first, following the {@code before} cursor (epoch milliseconds) of each page.
     * Read as JSON because spotify-web-api-java 9.4.0 drops the milliseconds of {@code played_at} and formats a
     * {@code Date} cursor as text where Spotify wants milliseconds.
     */
    private List<PlayedTrack> recentlyPlayed(Counts counts) {
        List<PlayedTrack> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String before = null;
        for (int page = 1; page <= 10_000; page++) {
            String cursor = before;
            counts.requests++;
            String json = client.execute("reading recently played tracks" + (cursor == null ? "" : " before "
                    + cursor), a -> {
                        JsonRequest.Builder b = JsonRequest.to(a, "GET", "/v1/me/player/recently-played")
                                .setQueryParameter("limit", PAGE_SIZE);
                        if (cursor != null) {
                            b.setQueryParameter("before", cursor);
                        }
                        return b.build();
                    });
            JsonNode root = parse(json, "recently played tracks");
            JsonNode items = root.path("items");
            if (!items.isArray() || items.isEmpty()) {
                break;
            }
            long oldest = Long.MAX_VALUE;
            for (JsonNode h : items) {
                Optional<Instant> at = instant(h.path("played_at").asText(null));
                JsonNode t = h.path("track");
                Optional<Track> track = t.isObject() ? TrackMapper.track(
                        new se.michaelthelin.spotify.model_objects.specification.Track.JsonUtil()
                                .createModelObject(t.toString())) : Optional.empty();
                if (track.isEmpty() || at.isEmpty()) {
                    counts.nullItems++;
                    continue;
                }
                oldest = Math.min(oldest, at.get().toEpochMilli());
                if (seen.add(track.get().id() + "@" + at.get().toEpochMilli())) {
                    out.add(new PlayedTrack(track.get(), at.get()));
                } else {
                    counts.duplicates++;
                }
            }
            JsonNode next = root.path("next");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            String fromCursor = root.path("cursors").path("before").asText(null);
            String fromNext = queryParameter(next.asText(), "before");
            before = fromCursor != null ? fromCursor : fromNext != null ? fromNext
                    : oldest == Long.MAX_VALUE ? null : String.valueOf(oldest);
            if (before == null || before.equals(cursor)) {
                break;
            }
        }
        LOG.debug("Recently played: {} plays", out.size());
        return out;
    }

    private static String queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            throw new DataException("Spotify sent unreadable JSON for " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SpotifyLibrarySource[" + client.apiUrl() + ", " + options + "]";
    }
}
