package org.audiu.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.history.SongKeyHash;
import org.audiu.core.history.SongNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several datasets read as one catalogue: each song once. A track of a later file whose id, or whose normalised main
 * artist + title ({@link SongNames#key}), an earlier file already has is left out, and the playlists it is in point
 * to the earlier track. Within one file nothing more is merged than its reader merged. The features are the columns
 * every file has, in the first file's order (a column only some files have is left out, and said so); the label
 * column is the first file's.
 */
final class DatasetMerge {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetMerge.class);

    private DatasetMerge() {
    }

    static TrackDataset merge(List<TrackDataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge: no dataset");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        FeatureSchema schema = commonSchema(parts);
        Map<String, DatasetTrack> tracks = new LinkedHashMap<>();
        Map<String, DatasetPlaylist> playlists = new LinkedHashMap<>();
        // Song keys by their hash (SongKeyHash: no regex, no String for a plain name); a hit is confirmed on the keys.
        Map<Long, String> idBySongHash = new HashMap<>();
        long sameId = 0;
        long sameSong = 0;
        List<DatasetProblem> problems = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        long rows = 0;
        long empty = 0;
        long duplicates = 0;
        long conflicts = 0;
        for (TrackDataset part : parts) {
            long[] hashes = songHashes(part);
            int row = 0;
            sources.addAll(part.sources());
            rows += part.rowsRead();
            empty += part.emptyRows();
            duplicates += part.duplicateRows();
            conflicts += part.conflictingLabels();
            part.problems().forEach(p -> problems.add(new DatasetProblem(p.line(), "(" + part.name() + ") "
                    + p.reason())));
            boolean project = !part.schema().equals(schema);
            Map<String, String> keptAs = new HashMap<>();
            Map<Long, String> partHashes = new HashMap<>();
            for (DatasetTrack t : part.tracks().values()) {
                long hash = hashes[row++];
                String id = t.track().id();
                if (tracks.containsKey(id)) {
                    sameId++;
                    continue;
                }
                boolean named = !t.track().name().isEmpty();
                String earlier = named ? idBySongHash.get(hash) : null;
                if (earlier != null && sameSong(tracks.get(earlier), t)) {
                    sameSong++;
                    keptAs.put(id, earlier);
                    continue;
                }
                if (named) {
                    partHashes.putIfAbsent(hash, id);
                }
                tracks.put(id, project ? new DatasetTrack(t.track(), new FeatureVector(schema,
                        t.features().project(schema)), t.label(), t.otherLabels(), t.playlistIds(), t.line()) : t);
            }
            // A file's own repeats of a song stay as its reader kept them; only later files are checked against it.
            partHashes.forEach(idBySongHash::putIfAbsent);
            for (DatasetPlaylist p : part.playlists().values()) {
                List<String> ids = new ArrayList<>();
                DatasetPlaylist before = playlists.get(p.id());
                if (before != null) {
                    ids.addAll(before.trackIds());
                }
                for (String id : p.trackIds()) {
                    String kept = keptAs.getOrDefault(id, id);
                    if (!ids.contains(kept)) {
                        ids.add(kept);
                    }
                    addMembership(tracks, kept, p.id());
                }
                playlists.put(p.id(), new DatasetPlaylist(p.id(), before != null ? before.name() : p.name(),
                        before != null ? before.genre() : p.genre(), ids));
            }
        }
        TrackDataset merged = new TrackDataset(sources.get(0), schema, parts.get(0).labelColumn(), tracks, playlists,
                rows, empty, duplicates + sameId + sameSong, conflicts, problems, sources);
        LOG.info("{} read as one catalogue: {} distinct tracks; {} tracks of a later file were already in an earlier "
                + "one ({} by id, {} by artist + title)", merged.name(), tracks.size(), sameId + sameSong, sameId,
                sameSong);
        return merged;
    }

    /**
     * Each track's {@link SongKeyHash song-key hash}, in file order, computed on every core (a title with brackets,
     * a dash or accents builds its key, which is most of the merge's time).
     */
    private static long[] songHashes(TrackDataset part) {
        DatasetTrack[] tracks = part.tracks().values().toArray(new DatasetTrack[0]);
        long[] out = new long[tracks.length];
        IntStream.range(0, tracks.length).parallel().forEach(i -> out[i] = tracks[i].track().name().isEmpty() ? 0
                : SongKeyHash.of(tracks[i].track().mainArtist(), tracks[i].track().name()));
        return out;
    }

    private static boolean sameSong(DatasetTrack a, DatasetTrack b) {
        return SongNames.key(a.track().mainArtist(), a.track().name())
                .equals(SongNames.key(b.track().mainArtist(), b.track().name()));
    }

    private static void addMembership(Map<String, DatasetTrack> tracks, String id, String playlistId) {
        DatasetTrack t = tracks.get(id);
        if (t == null || t.playlistIds().contains(playlistId)) {
            return;
        }
        List<String> ids = new ArrayList<>(t.playlistIds());
        ids.add(playlistId);
        tracks.put(id, t.withPlaylists(ids));
    }

    /** The feature columns every part has, in the first part's order. */
    private static FeatureSchema commonSchema(List<TrackDataset> parts) {
        List<String> common = new ArrayList<>(parts.get(0).schema().names());
        for (TrackDataset p : parts.subList(1, parts.size())) {
            common.retainAll(p.schema().names());
        }
        if (common.isEmpty()) {
            StringBuilder each = new StringBuilder();
            parts.forEach(p -> each.append("; ").append(p.name()).append(": ").append(p.schema()));
            throw new DataException("The track files " + names(parts) + " have no feature column in common, so they "
                    + "cannot be one catalogue" + each + ". Use files with the same audio features.");
        }
        for (TrackDataset p : parts) {
            List<String> dropped = new ArrayList<>(p.schema().names());
            dropped.removeAll(common);
            if (!dropped.isEmpty()) {
                LOG.info("{}: feature column(s) {} left out of the catalogue {} (not in every file)", p.name(), dropped,
                        names(parts));
            }
        }
        return common.equals(parts.get(0).schema().names()) ? parts.get(0).schema() : new FeatureSchema(common);
    }

    private static String names(List<TrackDataset> parts) {
        return String.join(" + ", parts.stream().map(TrackDataset::name).toList());
    }
}
