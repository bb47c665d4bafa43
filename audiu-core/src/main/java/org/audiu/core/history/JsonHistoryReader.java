package org.audiu.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Streams the JSON exports with Jackson's streaming parser, one record at a time: Spotify account data and extended
 * streaming history (JSON arrays), ListenBrainz listens (JSON lines, or an array). Only the fields a play needs are
 * kept while a record is parsed; every other field (IP address, user name, user agent, ...) is skipped unread.
 */
final class JsonHistoryReader {
    /** Fields read from a record; all others are skipped without being kept. */
    private static final Set<String> KEPT = Set.of("endTime", "artistName", "trackName", "msPlayed", "podcastName",
            "episodeName", "ts", "ms_played", "master_metadata_track_name", "master_metadata_album_artist_name",
            "master_metadata_album_album_name", "spotify_track_uri", "episode_name", "episode_show_name",
            "spotify_episode_uri", "audiobook_title", "audiobook_uri", "audiobook_chapter_uri",
            "audiobook_chapter_title", "reason_end", "skipped", "listened_at", "track_metadata", "artist_name",
            "track_name", "release_name", "additional_info", "spotify_id", "isrc", "mbid_mapping");

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1_000_000).build()).build();
    private final HistoryAggregator sink;

    JsonHistoryReader(HistoryAggregator sink) {
        this.sink = sink;
    }

    /** What a file's name says it holds, before its records are looked at. */
    enum Kind { ANY, PODCASTS, VIDEO }

    /** Reads a JSON array, or a sequence of root objects (JSON lines in a .json file). */
    void readJson(String name, InputStream in, Kind kind) throws IOException {
        FileTally tally = new FileTally(name);
        try (JsonParser p = factory.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                sink.problem(name, 0, "the file is empty");
                return;
            }
            boolean array = first == JsonToken.START_ARRAY;
            if (!array && first != JsonToken.START_OBJECT) {
                sink.problem(name, 0, "not a listening history: expected a JSON array of plays or JSON lines of "
                        + "listens, found " + first);
                return;
            }
            JsonToken t = array ? p.nextToken() : first;
            while (t != null && t != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    tally.next();
                    sink.problem(name, tally.records, "expected a JSON object, found " + t + "; skipped");
                    p.skipChildren();
                } else {
                    Map<String, Object> record = readObject(p);
                    if (!tally.accept(record, kind)) {
                        return;
                    }
                }
                t = p.nextToken();
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            sink.problem(name, tally.records + 1, "malformed or truncated JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + " (" + e.getOriginalMessage()
                    + "); the " + tally.records + " records before it are kept, the rest of this file is not readable");
        } finally {
            tally.finish();
        }
    }

    /** Reads JSON lines: a bad line is reported with its number and skipped, the next lines still read. */
    void readJsonLines(String name, InputStream in) throws IOException {
        FileTally tally = new FileTally(name);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> record;
                try (JsonParser p = factory.createParser(line)) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        tally.next();
                        sink.problem(name, tally.records, "not a JSON object; skipped");
                        continue;
                    }
                    record = readObject(p);
                } catch (JsonProcessingException e) {
                    tally.next();
                    sink.problem(name, tally.records, "malformed JSON (" + e.getOriginalMessage() + "); skipped");
                    continue;
                }
                if (!tally.accept(record, Kind.ANY)) {
                    return;
                }
            }
        } finally {
            tally.finish();
        }
    }

    /** The kept fields of the object the parser is at (nested objects as maps; arrays skipped). */
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> out = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (!KEPT.contains(field)) {
                p.skipChildren();
                continue;
            }
            switch (v) {
                case START_OBJECT -> out.put(field, readObject(p));
                case START_ARRAY -> p.skipChildren();
                case VALUE_STRING -> out.put(field, p.getText());
                case VALUE_NUMBER_INT -> out.put(field, p.getLongValue());
                case VALUE_NUMBER_FLOAT -> out.put(field, (long) p.getDoubleValue());
                case VALUE_TRUE -> out.put(field, Boolean.TRUE);
                case VALUE_FALSE -> out.put(field, Boolean.FALSE);
                default -> { } // null: absent
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + t + " in a JSON object");
        }
        return out;
    }

    /** Counts one file's records and decides, on its first record, whether it is a history at all. */
    private final class FileTally {
        final String name;
        long records;
        long plays;
        HistoryFormat format;
        boolean started;

        FileTally(String name) {
            this.name = name;
        }

        void next() {
            records++;
            sink.record();
        }

        /** False when the file turned out not to be a listening history (reported; stop reading it). */
        boolean accept(Map<String, Object> r, Kind kind) {
            next();
            HistoryFormat f = RecordFields.formatOf(r);
            if (f == null) {
                if (!started) {
                    sink.problem(name, 0, "not a listening history: its first record has none of the fields of a "
                            + "Spotify, ListenBrainz or Last.fm play (ts + ms_played, endTime + msPlayed, or "
                            + "listened_at + track_metadata); file skipped");
                    return false;
                }
                sink.problem(name, records, "a record without the fields of a play (ts, endTime or listened_at); "
                        + "skipped");
                return true;
            }
            started = true;
            if (format == null) {
                format = f;
            }
            if (kind == Kind.PODCASTS) {
                sink.exclude(PlayExclusion.PODCAST_EPISODE);
                return true;
            }
            if (kind == Kind.VIDEO) {
                sink.exclude(PlayExclusion.VIDEO);
                return true;
            }
            RecordFields.Outcome o = RecordFields.play(r, f);
            if (o.play() != null) {
                plays++;
                sink.play(o.play());
            } else if (o.exclusion() != null) {
                sink.exclude(o.exclusion());
            } else {
                sink.problem(name, records, o.problem());
            }
            return true;
        }

        void finish() {
            if (format != null) {
                sink.file(new HistoryFile(name, format, records, plays));
            }
        }
    }
}
