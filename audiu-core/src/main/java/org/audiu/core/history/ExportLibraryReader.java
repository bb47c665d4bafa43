package org.audiu.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the library files of a Spotify "Account data" download with Jackson's streaming parser, one entry at a
 * time: {@code YourLibrary.json} ({@code {"tracks": [{artist, album, track, uri}], "albums", "artists",
 * "bannedTracks", "bannedArtists", "shows", "episodes", "other"}}) and {@code Playlist1.json}, ...
 * ({@code {"playlists": [{name, lastModifiedDate, items: [{track: {trackName, artistName, albumName, trackUri},
 * episode, localTrack, audiobook, addedDate}]}]}}). Only the fields a track needs are kept; a bad entry is reported
 * with file and entry number and the rest kept; malformed JSON keeps what was read before it.
 */
final class ExportLibraryReader {
    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1_000_000).build()).build();
    private final HistoryAggregator sink;

    ExportLibraryReader(HistoryAggregator sink) {
        this.sink = sink;
    }

    /** Reads {@code YourLibrary.json}. */
    void readLibrary(String name, InputStream in) throws IOException {
        ExportLibraryCollector library = sink.library();
        long[] entries = {0};
        boolean sawTracks = false;
        int tracks = 0;
        boolean started = false;
        try (JsonParser p = factory.createParser(in)) {
            if (!startObject(p, name, "{\"tracks\": [...], \"artists\": [...], \"bannedTracks\": [...], ...}")) {
                return;
            }
            started = true;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (field) {
                    case "tracks" -> {
                        sawTracks = true;
                        tracks = readTracks(p, name, field, entries, library::savedTrack);
                    }
                    case "bannedTracks" -> readTracks(p, name, field, entries, library::bannedTrack);
                    case "artists" -> readArtists(p, name, field, entries, library::followedArtist);
                    case "bannedArtists" -> readArtists(p, name, field, entries, library::bannedArtist);
                    case "albums" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            entries[0]++;
                            sink.record();
                            p.skipChildren();
                            library.savedAlbum();
                        }
                    }
                    default -> p.skipChildren(); // shows, episodes, other: not music tracks
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "unexpected " + t + " in YourLibrary.json");
            }
        } catch (JsonProcessingException e) {
            sink.problem(name, entries[0] + 1, malformed(e) + "; the " + entries[0] + " entries before it are kept, "
                    + "the rest of this file is not readable");
        } finally {
            if (started) {
                sink.file(new HistoryFile(name, HistoryFormat.SPOTIFY_LIBRARY, entries[0], 0));
            }
        }
        if (tracks == 0) {
            sink.warning(name, sawTracks ? "no saved tracks (its \"tracks\" list is empty); the playlists and plays "
                    + "of the export are still read" : "no \"tracks\" list, so no saved tracks; the playlists and "
                    + "plays of the export are still read");
        }
    }

    /** Reads one {@code PlaylistN.json}. */
    void readPlaylists(String name, InputStream in) throws IOException {
        ExportLibraryCollector library = sink.library();
        long[] items = {0};
        PlaylistTally tally = new PlaylistTally();
        boolean sawPlaylists = false;
        boolean started = false;
        try (JsonParser p = factory.createParser(in)) {
            if (!startObject(p, name, "{\"playlists\": [{\"name\", \"items\": [...]}]}")) {
                return;
            }
            started = true;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!field.equals("playlists") || v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                sawPlaylists = true;
                JsonToken pt;
                while ((pt = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (pt != JsonToken.START_OBJECT) {
                        sink.problem(name, 0, "expected a playlist object in \"playlists\", found " + pt + "; skipped");
                        p.skipChildren();
                        continue;
                    }
                    readPlaylist(p, name, items, tally, library);
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "unexpected " + t + " in a playlist file");
            }
        } catch (JsonProcessingException e) {
            sink.problem(name, items[0] + 1, malformed(e) + "; the " + tally.playlists + " whole playlists before it "
                    + "are kept, the rest of this file is not readable");
        } finally {
            if (started) {
                sink.file(new HistoryFile(name, HistoryFormat.SPOTIFY_PLAYLISTS, items[0], 0));
            }
        }
        if (!sawPlaylists) {
            sink.warning(name, "no \"playlists\" list: not a Spotify playlist file, nothing read from it");
        } else if (tally.items > 0 && tally.tracks == 0) {
            sink.warning(name, "none of its " + tally.items + " playlist items is a Spotify track (" + tally.local
                    + " local files, " + tally.others + " podcast episodes, audiobooks or empty items, all left out); "
                    + "the other files of the export are still read");
        }
    }

    private void readPlaylist(JsonParser p, String name, long[] items, PlaylistTally tally,
                              ExportLibraryCollector library) throws IOException {
        String playlistName = "";
        Optional<Instant> modified = Optional.empty();
        List<ExportTrack> tracks = new ArrayList<>();
        int local = 0;
        int episodes = 0;
        int audiobooks = 0;
        int unnamed = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("name") && v == JsonToken.VALUE_STRING) {
                playlistName = p.getText();
            } else if (field.equals("lastModifiedDate") && v == JsonToken.VALUE_STRING) {
                modified = Timestamps.parse(p.getText());
            } else if (field.equals("items") && v == JsonToken.START_ARRAY) {
                JsonToken it;
                while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
                    items[0]++;
                    sink.record();
                    if (it != JsonToken.START_OBJECT) {
                        sink.problem(name, items[0], "expected a playlist item object, found " + it + "; skipped");
                        p.skipChildren();
                        unnamed++;
                        continue;
                    }
                    Map<String, Object> item = readObject(p);
                    if (item.get("track") instanceof Map<?, ?> track) {
                        Optional<ExportTrack> e = track(name, items[0], text(track, "artistName"),
                                text(track, "trackName"), text(track, "albumName"), text(track, "trackUri"),
                                Timestamps.parse(text(item, "addedDate")));
                        if (e.isPresent()) {
                            tracks.add(e.get());
                        } else {
                            unnamed++;
                        }
                    } else if (item.get("localTrack") != null) {
                        local++;
                    } else if (item.get("episode") != null) {
                        episodes++;
                    } else if (item.get("audiobook") != null) {
                        audiobooks++;
                    } else {
                        unnamed++;
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "unexpected " + t + " in a playlist");
        }
        library.playlist(new ExportPlaylist(playlistName, modified, tracks), local, episodes, audiobooks, unnamed);
        tally.playlists++;
        tally.items += tracks.size() + local + episodes + audiobooks + unnamed;
        tally.tracks += tracks.size();
        tally.local += local;
        tally.others += episodes + audiobooks + unnamed;
    }

    /** Counts of one playlist file, for its warnings. */
    private static final class PlaylistTally {
        int playlists;
        int items;
        int tracks;
        int local;
        int others;
    }

    private int readTracks(JsonParser p, String name, String field, long[] entries,
                           java.util.function.Consumer<ExportTrack> to) throws IOException {
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            entries[0]++;
            sink.record();
            if (t != JsonToken.START_OBJECT) {
                sink.problem(name, entries[0], "expected a track object in \"" + field + "\", found " + t
                        + "; skipped");
                p.skipChildren();
                continue;
            }
            Map<String, Object> r = readObject(p);
            Optional<ExportTrack> track = track(name, entries[0], text(r, "artist"), text(r, "track"),
                    text(r, "album"), text(r, "uri"), Optional.empty());
            if (track.isPresent()) {
                to.accept(track.get());
                n++;
            }
        }
        return n;
    }

    private void readArtists(JsonParser p, String name, String field, long[] entries,
                             java.util.function.Consumer<String> to) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            entries[0]++;
            sink.record();
            String artist = "";
            if (t == JsonToken.VALUE_STRING) {
                artist = p.getText().strip();
            } else if (t == JsonToken.START_OBJECT) {
                Map<String, Object> r = readObject(p);
                artist = text(r, "name").isEmpty() ? text(r, "artist") : text(r, "name");
            } else {
                p.skipChildren();
            }
            if (artist.isEmpty()) {
                sink.problem(name, entries[0], "an entry of \"" + field + "\" naming no artist; skipped");
            } else {
                to.accept(artist);
            }
        }
    }

    /** A track from an entry's names, or empty (reported) when it names no title or no artist. */
    private Optional<ExportTrack> track(String name, long entry, String artist, String title, String album,
                                        String uri, Optional<Instant> addedAt) {
        if (title.isEmpty() || artist.isEmpty()) {
            sink.problem(name, entry, "a track without " + (title.isEmpty() ? "a title" : "an artist")
                    + (uri.isEmpty() ? "" : " (" + uri + ")") + "; skipped");
            return Optional.empty();
        }
        return Optional.of(new ExportTrack(artist, title, album, SpotifyIds.fromUri(uri), addedAt));
    }

    private boolean startObject(JsonParser p, String name, String expected) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            sink.problem(name, 0, "the file is empty");
            return false;
        }
        if (first != JsonToken.START_OBJECT) {
            sink.problem(name, 0, "expected a JSON object " + expected + ", found " + first + "; file skipped");
            return false;
        }
        return true;
    }

    private static String malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return "malformed or truncated JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr()) + " (" + e.getOriginalMessage() + ")";
    }

    /** The object the parser is at: strings (numbers and booleans as text), nested objects as maps; arrays skipped. */
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> out = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (v) {
                case START_OBJECT -> out.put(field, readObject(p));
                case START_ARRAY -> p.skipChildren();
                case VALUE_NULL -> { } // absent
                default -> out.put(field, p.getText());
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "unexpected " + t + " in a JSON object");
        }
        return out;
    }

    private static String text(Map<?, ?> r, String field) {
        Object v = r.get(field);
        return v instanceof String s ? s.strip() : "";
    }
}
