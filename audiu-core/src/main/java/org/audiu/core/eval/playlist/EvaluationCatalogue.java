package org.audiu.core.eval.playlist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.PlaylistCoMembership;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.relative.AudioSimilarity;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.listener.ListenerContext;

/**
 * A playlist dataset parsed once and shared by every listener of an evaluation (immutable, thread-safe): the
 * candidate pool (every track, features inline), the feature provider for library tracks, the catalogue's playlists
 * as co-membership groups, and per-track arrays the baselines score from.
 *
 * <p>Honesty: tracks carry no genre here, because the dataset's genre is a property of the playlist a track was
 * first seen in (it could name the listener's own playlist). The listener's own playlist is one of the co-membership
 * groups; the engine leaves a listener's own playlists out ({@link CoMembershipIndex#groupOfPlaylist}) and the
 * co-occurrence baseline does the same.
 */
public final class EvaluationCatalogue implements CandidateSource, FeatureProvider, CoMembershipIndex {
    private final TrackDataset dataset;
    private final List<Candidate> candidates;
    private final Map<String, Integer> indexById;
    private final Map<String, FeatureVector> featuresById;
    private final double[] popularity;
    private final int[] artist;
    private final String[] songKey;
    private final double[][] audio;
    private final PlaylistCoMembership groups;

    public EvaluationCatalogue(TrackDataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        int n = dataset.tracks().size();
        List<Candidate> list = new ArrayList<>(n);
        Map<String, Integer> index = new HashMap<>(n * 2);
        Map<String, FeatureVector> features = new HashMap<>(n * 2);
        this.popularity = new double[n];
        this.artist = new int[n];
        this.songKey = new String[n];
        Map<String, Integer> artistIds = new HashMap<>();
        List<double[]> audioRows = new ArrayList<>(n);
        int[] audioColumns = AudioSimilarity.DEFAULT_FEATURES.stream().mapToInt(dataset.schema()::indexOf)
                .filter(j -> j >= 0).toArray();
        // The names are normalised on every core (candidate keys, song keys, main artists: pure functions of the
        // track); everything that depends on the order is then built in catalogue order.
        List<DatasetTrack> rows = List.copyOf(dataset.tracks().values());
        Candidate[] built = new Candidate[n];
        String[] mainArtists = new String[n];
        IntStream.range(0, n).parallel().forEach(r -> {
            Track t = withoutGenre(rows.get(r).track());
            built[r] = Candidate.of(t, rows.get(r).features());
            songKey[r] = songKey(t);
            mainArtists[r] = ListenerContext.normalise(t.mainArtist());
        });
        for (int i = 0; i < n; i++) {
            DatasetTrack d = rows.get(i);
            Track t = built[i].track();
            list.add(built[i]);
            index.put(t.id(), i);
            features.put(t.id(), d.features());
            popularity[i] = t.popularity().orElse(0);
            artist[i] = artistIds.computeIfAbsent(mainArtists[i], k -> artistIds.size());
            double[] row = new double[audioColumns.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = d.features().get(audioColumns[j]);
            }
            audioRows.add(row);
        }
        this.candidates = Collections.unmodifiableList(list);
        this.indexById = Collections.unmodifiableMap(index);
        this.featuresById = Collections.unmodifiableMap(features);
        this.audio = standardise(audioRows.toArray(double[][]::new));
        this.groups = new PlaylistCoMembership(dataset);
    }

    private static Track withoutGenre(Track t) {
        return new Track(t.id(), t.name(), t.artists(), t.album(), t.releaseYear(), t.durationMs(), t.explicit(),
                t.popularity(), t.isrc(), Optional.empty());
    }

    /** Z-scores over the whole catalogue (no labels involved); missing values become 0, the mean. */
    private static double[][] standardise(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        for (int j = 0; j < d; j++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (double[] r : rows) {
                if (!Double.isNaN(r[j])) {
                    sum += r[j];
                    squares += r[j] * r[j];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double sd = n == 0 ? 1 : Math.sqrt(Math.max(1e-12, squares / n - mean * mean));
            for (double[] r : rows) {
                r[j] = Double.isNaN(r[j]) ? 0 : (r[j] - mean) / sd;
            }
        }
        return rows;
    }

    static String songKey(Track t) {
        return t.mainArtist().toLowerCase(Locale.ROOT) + "\u0000" + t.name().toLowerCase(Locale.ROOT);
    }

    public TrackDataset dataset() {
        return dataset;
    }

    /** Number of tracks. */
    public int size() {
        return candidates.size();
    }

    /** The track at a position (catalogue order). */
    public Track track(int i) {
        return candidates.get(i).track();
    }

    /** The position of a track id, or -1. */
    public int indexOf(String trackId) {
        return indexById.getOrDefault(trackId, -1);
    }

    /** Popularity 0..100 (0 when unknown). */
    public double popularity(int i) {
        return popularity[i];
    }

    /** Dense id of the track's main artist. */
    public int artist(int i) {
        return artist[i];
    }

    /** Standardised perceptual audio features of a track (shared: do not modify). */
    public double[] audio(int i) {
        return audio[i];
    }

    /**
     * The listener a split makes: the visible tracks as one playlist with the dataset playlist's id (so its own
     * co-membership group is recognised and left out), no saved tracks, dates or top lists — what the
     * {@code csv-playlist} library source gives a user.
     */
    public ListenerLibrary library(DatasetPlaylist playlist, PlaylistSplit split) {
        List<PlaylistItem> items = new ArrayList<>(split.visible().size());
        for (String id : split.visible()) {
            int i = indexOf(id);
            if (i < 0) {
                throw new IllegalArgumentException("Track " + id + " of playlist " + playlist.id()
                        + " is not in the catalogue");
            }
            items.add(PlaylistItem.of(track(i)));
        }
        return new ListenerLibrary(List.of(), List.of(new Playlist(playlist.id(), playlist.name(), true, items)),
                Map.of(), Map.of(), List.of());
    }

    /**
     * Tracks the engine would not recommend to this listener: those in the library, by id, and the same songs under
     * another id (same main artist and title), as {@code RecommendationEngine} excludes them.
     */
    public boolean[] excluded(ListenerLibrary library) {
        boolean[] out = new boolean[size()];
        Set<String> keys = new HashSet<>();
        for (Track t : library.distinctTracks()) {
            int i = indexOf(t.id());
            if (i >= 0) {
                out[i] = true;
            }
            keys.add(songKey(t));
        }
        for (int i = 0; i < out.length; i++) {
            if (!out[i] && !track(i).name().isEmpty() && keys.contains(songKey[i])) {
                out[i] = true;
            }
        }
        return out;
    }

    /**
     * The catalogue as a candidate source that yields only a listener's pool (in catalogue order); co-membership is
     * still the whole catalogue's, as for the full pool.
     */
    public CandidateSource restrictedTo(EvaluationPool pool) {
        Objects.requireNonNull(pool, "pool");
        if (pool.isWholeCatalogue()) {
            return this;
        }
        List<Candidate> members = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (pool.contains(i)) {
                members.add(candidates.get(i));
            }
        }
        return new PoolView(List.copyOf(members), this);
    }

    /** A listener's pool with the catalogue's co-membership. */
    private record PoolView(List<Candidate> members, CoMembershipIndex groups)
            implements CandidateSource, CoMembershipIndex {
        @Override
        public Stream<Candidate> candidates() {
            return members.stream();
        }

        @Override
        public int groupCount() {
            return groups.groupCount();
        }

        @Override
        public int groupSize(int group) {
            return groups.groupSize(group);
        }

        @Override
        public int[] groupsOf(String trackId) {
            return groups.groupsOf(trackId);
        }

        @Override
        public int[] groupsOfArtist(String normalisedArtist) {
            return groups.groupsOfArtist(normalisedArtist);
        }

        @Override
        public List<String> tracksOfGroup(int group) {
            return groups.tracksOfGroup(group);
        }

        @Override
        public List<String> artistsOfGroup(int group) {
            return groups.artistsOfGroup(group);
        }

        @Override
        public int groupOfPlaylist(String playlistId) {
            return groups.groupOfPlaylist(playlistId);
        }
    }

    // --- CandidateSource

    @Override
    public Stream<Candidate> candidates() {
        return candidates.stream();
    }

    // --- FeatureProvider

    @Override
    public FeatureSchema schema() {
        return dataset.schema();
    }

    @Override
    public Map<String, FeatureVector> lookup(List<Track> tracks) {
        Map<String, FeatureVector> out = new HashMap<>();
        for (Track t : tracks) {
            FeatureVector v = featuresById.get(t.id());
            if (v != null) {
                out.put(t.id(), v);
            }
        }
        return out;
    }

    // --- CoMembershipIndex

    @Override
    public int groupCount() {
        return groups.groupCount();
    }

    @Override
    public int groupSize(int group) {
        return groups.groupSize(group);
    }

    @Override
    public int[] groupsOf(String trackId) {
        return groups.groupsOf(trackId);
    }

    @Override
    public int[] groupsOfArtist(String normalisedArtist) {
        return groups.groupsOfArtist(normalisedArtist);
    }

    @Override
    public List<String> tracksOfGroup(int group) {
        return groups.tracksOfGroup(group);
    }

    @Override
    public List<String> artistsOfGroup(int group) {
        return groups.artistsOfGroup(group);
    }

    @Override
    public int groupOfPlaylist(String playlistId) {
        return groups.groupOfPlaylist(playlistId);
    }
}
