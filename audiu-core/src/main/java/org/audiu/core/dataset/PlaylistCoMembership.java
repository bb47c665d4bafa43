package org.audiu.core.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.listener.ListenerContext;

/**
 * The playlists of a dataset as a {@link CoMembershipIndex}: group {@code i} is the {@code i}-th playlist in file
 * order. Immutable and thread-safe.
 */
public final class PlaylistCoMembership implements CoMembershipIndex {
    private final List<String> playlistIds;
    private final Map<String, Integer> groupByPlaylist;
    private final int[] sizes;
    private final Map<String, int[]> byTrack;
    private final Map<String, int[]> byArtist;
    private final List<List<String>> tracksOfGroup;
    private final List<List<String>> artistsOfGroup;

    public PlaylistCoMembership(TrackDataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        this.playlistIds = List.copyOf(dataset.playlists().keySet());
        this.groupByPlaylist = new HashMap<>();
        this.sizes = new int[playlistIds.size()];
        Map<String, List<Integer>> tracks = new HashMap<>();
        Map<String, Set<Integer>> artists = new HashMap<>();
        List<List<String>> groupTracks = new ArrayList<>(playlistIds.size());
        List<List<String>> groupArtists = new ArrayList<>(playlistIds.size());
        for (int g = 0; g < playlistIds.size(); g++) {
            DatasetPlaylist p = dataset.playlists().get(playlistIds.get(g));
            groupByPlaylist.put(p.id(), g);
            sizes[g] = p.trackIds().size();
            Set<String> artistsHere = new LinkedHashSet<>();
            for (String id : p.trackIds()) {
                tracks.computeIfAbsent(id, k -> new ArrayList<>()).add(g);
                DatasetTrack t = dataset.tracks().get(id);
                if (t != null) {
                    String artist = ListenerContext.normalise(t.track().mainArtist());
                    artists.computeIfAbsent(artist, k -> new LinkedHashSet<>()).add(g);
                    artistsHere.add(artist);
                }
            }
            groupTracks.add(p.trackIds());
            groupArtists.add(List.copyOf(artistsHere));
        }
        this.tracksOfGroup = List.copyOf(groupTracks);
        this.artistsOfGroup = List.copyOf(groupArtists);
        this.byTrack = new HashMap<>();
        tracks.forEach((k, v) -> byTrack.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.byArtist = new HashMap<>();
        artists.forEach((k, v) -> byArtist.put(k, v.stream().mapToInt(Integer::intValue).sorted().toArray()));
    }

    @Override
    public int groupCount() {
        return sizes.length;
    }

    @Override
    public int groupSize(int group) {
        return sizes[group];
    }

    @Override
    public int[] groupsOf(String trackId) {
        return byTrack.getOrDefault(trackId, NONE);
    }

    @Override
    public int[] groupsOfArtist(String normalisedArtist) {
        return byArtist.getOrDefault(normalisedArtist, NONE);
    }

    @Override
    public List<String> tracksOfGroup(int group) {
        return tracksOfGroup.get(group);
    }

    @Override
    public List<String> artistsOfGroup(int group) {
        return artistsOfGroup.get(group);
    }

    @Override
    public int groupOfPlaylist(String playlistId) {
        return groupByPlaylist.getOrDefault(playlistId, -1);
    }

    /** The playlist id of a group. */
    public String playlistId(int group) {
        return playlistIds.get(group);
    }
}
