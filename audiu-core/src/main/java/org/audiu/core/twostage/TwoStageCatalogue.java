package org.audiu.core.twostage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.audiu.core.Track;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.spi.retrieval.RetrievalCatalogue;

/**
 * An {@link EvaluationCatalogue} (a playlist dataset: tracks, features, playlists) laid out by position for
 * retrieval and pair features: groups per track and per artist, tracks and artists per group, release years and
 * albums. Built once per catalogue (linear in its size); immutable and thread-safe.
 */
public final class TwoStageCatalogue implements RetrievalCatalogue {
    private final EvaluationCatalogue catalogue;
    private final int[] artist;
    private final int artistCount;
    private final int[][] groupsOfTrack;
    private final int[][] tracksOfGroup;
    private final int[][] groupsOfArtist;
    private final int[][] artistsOfGroup;
    private final double[] year;
    private final int[] album;

    public TwoStageCatalogue(EvaluationCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        int n = catalogue.size();
        this.artist = new int[n];
        this.year = new double[n];
        this.album = new int[n];
        int artists = 0;
        Map<String, Integer> albums = new HashMap<>();
        for (int i = 0; i < n; i++) {
            artist[i] = catalogue.artist(i);
            artists = Math.max(artists, artist[i] + 1);
            Track t = catalogue.track(i);
            year[i] = t.releaseYear().isPresent() ? t.releaseYear().getAsInt() : Double.NaN;
            String a = t.album() == null ? "" : t.album().trim().toLowerCase(Locale.ROOT);
            album[i] = a.isEmpty() ? -1 : albums.computeIfAbsent(artist[i] + "\u0000" + a, k -> albums.size());
        }
        this.artistCount = artists;
        int groups = catalogue.groupCount();
        this.groupsOfTrack = new int[n][];
        List<TreeSet<Integer>> tracks = new ArrayList<>(groups);
        List<TreeSet<Integer>> artistsIn = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            tracks.add(new TreeSet<>());
            artistsIn.add(new TreeSet<>());
        }
        List<TreeSet<Integer>> groupsByArtist = new ArrayList<>(artists);
        for (int a = 0; a < artists; a++) {
            groupsByArtist.add(new TreeSet<>());
        }
        for (int i = 0; i < n; i++) {
            int[] gs = catalogue.groupsOf(catalogue.track(i).id()).clone();
            java.util.Arrays.sort(gs);
            groupsOfTrack[i] = java.util.Arrays.stream(gs).distinct().toArray();
            for (int g : groupsOfTrack[i]) {
                tracks.get(g).add(i);
                artistsIn.get(g).add(artist[i]);
                groupsByArtist.get(artist[i]).add(g);
            }
        }
        this.tracksOfGroup = tracks.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        this.artistsOfGroup = artistsIn.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        this.groupsOfArtist = groupsByArtist.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** The evaluation catalogue this lays out. */
    public EvaluationCatalogue source() {
        return catalogue;
    }

    @Override
    public int size() {
        return catalogue.size();
    }

    @Override
    public Track track(int position) {
        return catalogue.track(position);
    }

    @Override
    public int indexOf(String trackId) {
        return catalogue.indexOf(trackId);
    }

    @Override
    public int artist(int position) {
        return artist[position];
    }

    @Override
    public int artistCount() {
        return artistCount;
    }

    @Override
    public double popularity(int position) {
        return catalogue.popularity(position);
    }

    @Override
    public double[] audio(int position) {
        return catalogue.audio(position);
    }

    @Override
    public int groupCount() {
        return tracksOfGroup.length;
    }

    @Override
    public int groupSize(int group) {
        return tracksOfGroup[group].length;
    }

    @Override
    public int[] groupsOfTrack(int position) {
        return groupsOfTrack[position];
    }

    @Override
    public int[] tracksOfGroup(int group) {
        return tracksOfGroup[group];
    }

    @Override
    public int[] groupsOfArtist(int artistId) {
        return groupsOfArtist[artistId];
    }

    @Override
    public int[] artistsOfGroup(int group) {
        return artistsOfGroup[group];
    }

    @Override
    public int groupOfPlaylist(String playlistId) {
        return catalogue.groupOfPlaylist(playlistId);
    }

    /** The release year, NaN when unknown. */
    public double year(int position) {
        return year[position];
    }

    /** Dense id of the track's album (with its main artist), -1 when it names none. */
    public int album(int position) {
        return album[position];
    }
}
