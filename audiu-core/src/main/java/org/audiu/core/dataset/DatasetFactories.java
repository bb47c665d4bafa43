package org.audiu.core.dataset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.SplittableCandidateSource;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.library.LibrarySourceFactory;

/**
 * The CSV dataset as candidate source ({@code dataset}), feature provider ({@code dataset}) and library
 * ({@code csv-playlist}). Components of one run that name the same file with the same read options share one read of
 * it ({@link PluginContext#shared}).
 */
public final class DatasetFactories {
    private DatasetFactories() {
    }

    static CsvReadOptions options(ComponentConfig config) {
        boolean strict = config.getBoolean("strict", false);
        List<String> columns = config.getList("feature-columns", List.of());
        Optional<String> label = Optional.ofNullable(config.getString("label-column", null));
        return new CsvReadOptions(strict, columns, label, charset(config));
    }

    /** The {@code charset} key: the file's encoding, UTF-8 by default. */
    static Charset charset(ComponentConfig config) {
        String name = config.getString("charset", StandardCharsets.UTF_8.name());
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("'" + config.qualified("charset") + " = " + name + "' in " + config.origin()
                    + " is not a character set Java knows. Use, for example, UTF-8, ISO-8859-1 (Latin-1), "
                    + "windows-1252 or UTF-16.");
        }
    }

    /**
     * The {@code path} key: one track CSV, or several separated by commas, read as one catalogue
     * ({@link CsvDatasetReader#read(List)}).
     *
     * @throws ConfigException when it is not set, or names a file that does not exist (naming it)
     */
    static List<Path> paths(ComponentConfig config) {
        List<Path> paths = config.requirePaths("path", "Set it to a track CSV, or several separated by commas, e.g. "
                + config.qualified("path") + " = ../shared/data/spotify_songs.csv, "
                + "../shared/data/spotify_tracks_114k.csv");
        for (Path p : paths) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new ConfigException("'" + config.qualified("path") + "' in " + config.origin() + " names "
                        + p.toAbsolutePath() + (java.nio.file.Files.isDirectory(p) ? ", a folder, not a track CSV"
                        : ", which does not exist") + (paths.size() > 1 ? " (one of its " + paths.size()
                        + " files)" : "") + ".");
            }
        }
        return paths;
    }

    /** What makes two components read the same dataset: the files, in order, and how they are read. */
    private record DatasetKey(List<Path> files, CsvReadOptions options) {
    }

    /**
     * The dataset a component's section names, shared with the other components of its run that read the same file
     * the same way ({@link PluginContext#shared}): one read, one report of its bad lines.
     */
    static LazyDataset dataset(ComponentConfig config, PluginContext context) {
        List<Path> paths = paths(config);
        CsvReadOptions options = options(config);
        return context.shared(new DatasetKey(paths.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                options), LazyDataset.class, () -> new LazyDataset(paths, options));
    }

    /** Loads a dataset (one file or several as one catalogue) once, on first use. */
    static final class LazyDataset {
        private final List<Path> paths;
        private final CsvReadOptions options;
        private TrackDataset dataset;

        LazyDataset(List<Path> paths, CsvReadOptions options) {
            this.paths = List.copyOf(paths);
            this.options = options;
        }

        LazyDataset(TrackDataset loaded) {
            this.paths = loaded.sources();
            this.options = CsvReadOptions.defaults();
            this.dataset = loaded;
        }

        /** The file names for messages: {@code a.csv} or {@code a.csv + b.csv}. */
        String names() {
            return String.join(" + ", paths.stream().map(Path::toString).toList());
        }

        synchronized TrackDataset get() {
            if (dataset == null) {
                dataset = new CsvDatasetReader(options).read(paths);
            }
            return dataset;
        }
    }

    /**
     * Every track of a CSV, with its features inline. When the file has playlists, they are its co-membership
     * groups ({@link CoMembershipIndex}) for the {@code co-membership} listener feature.
     */
    public static final class DatasetCandidateSource implements SplittableCandidateSource, CoMembershipIndex {
        private final LazyDataset dataset;
        private volatile PlaylistCoMembership index;

        DatasetCandidateSource(LazyDataset dataset) {
            this.dataset = dataset;
        }

        public DatasetCandidateSource(TrackDataset dataset) {
            this.dataset = new LazyDataset(dataset);
        }

        /** The dataset, read on first use. */
        public TrackDataset dataset() {
            return dataset.get();
        }

        @Override
        public Stream<Candidate> candidates() {
            return dataset.get().tracks().values().stream().map(t -> Candidate.of(t.track(), t.features()));
        }

        @Override
        public Stream<Track> tracks() {
            return dataset.get().tracks().values().stream().map(DatasetTrack::track);
        }

        @Override
        public long size() {
            return dataset.get().tracks().size();
        }

        /** Walks past the first {@code from} rows (held in memory) without building their candidates. */
        @Override
        public Stream<Candidate> candidates(long from, long to) {
            SplittableCandidateSource.checkRange(from, to, size());
            return dataset.get().tracks().values().stream().skip(from).limit(to - from)
                    .map(t -> Candidate.of(t.track(), t.features()));
        }

        private PlaylistCoMembership index() {
            PlaylistCoMembership i = index;
            if (i == null) {
                synchronized (this) {
                    i = index;
                    if (i == null) {
                        i = new PlaylistCoMembership(dataset.get());
                        index = i;
                    }
                }
            }
            return i;
        }

        @Override public int groupCount() { return index().groupCount(); }
        @Override public int groupSize(int group) { return index().groupSize(group); }
        @Override public int[] groupsOf(String trackId) { return index().groupsOf(trackId); }
        @Override public int[] groupsOfArtist(String artist) { return index().groupsOfArtist(artist); }
        @Override public List<String> tracksOfGroup(int group) { return index().tracksOfGroup(group); }
        @Override public List<String> artistsOfGroup(int group) { return index().artistsOfGroup(group); }
        @Override public int groupOfPlaylist(String playlistId) { return index().groupOfPlaylist(playlistId); }
    }

    /** Looks tracks up by id in a CSV. */
    public static final class DatasetFeatureProvider implements FeatureProvider {
        private final LazyDataset dataset;

        DatasetFeatureProvider(LazyDataset dataset) {
            this.dataset = dataset;
        }

        /** The dataset, read on first use. */
        public TrackDataset dataset() {
            return dataset.get();
        }

        @Override
        public FeatureSchema schema() {
            return dataset.get().schema();
        }

        @Override
        public Map<String, FeatureVector> lookup(List<Track> tracks) {
            Map<String, DatasetTrack> known = dataset.get().tracks();
            Map<String, FeatureVector> out = new HashMap<>();
            for (Track t : tracks) {
                DatasetTrack d = known.get(t.id());
                if (d != null) {
                    out.put(t.id(), d.features());
                }
            }
            return out;
        }
    }

    /**
     * A listener made of one playlist of a dataset with playlist columns (spotify_songs.csv): its tracks are the
     * saved tracks and the playlist. The rest of the file makes a natural candidate pool.
     */
    public static final class PlaylistLibrarySource implements LibrarySource {
        private final LazyDataset dataset;
        private final String playlist;
        private final String origin;

        PlaylistLibrarySource(LazyDataset dataset, String playlist, String origin) {
            this.dataset = dataset;
            this.playlist = playlist;
            this.origin = origin;
        }

        @Override
        public ListenerLibrary load() {
            TrackDataset d = dataset.get();
            if (d.playlists().isEmpty()) {
                throw new DataException(d.source() + " has no playlist_id column, so 'csv-playlist' cannot take a "
                        + "listener from it. Use a dataset with playlists (like spotify_songs.csv).");
            }
            DatasetPlaylist p = d.playlists().get(playlist);
            if (p == null) {
                p = d.playlists().values().stream().filter(x -> x.name().equalsIgnoreCase(playlist)).findFirst()
                        .orElse(null);
            }
            if (p == null) {
                List<String> examples = d.playlists().values().stream()
                        .sorted(Comparator.comparingInt((DatasetPlaylist x) -> -x.trackIds().size()))
                        .limit(5).map(x -> x.id() + " (" + x.name() + ", " + x.trackIds().size() + " tracks)")
                        .toList();
                throw new ConfigException("No playlist '" + playlist + "' (id or name) in " + d.source()
                        + " (library.playlist in " + origin + "). Largest playlists: " + examples + ".");
            }
            List<SavedTrack> saved = new ArrayList<>();
            List<PlaylistItem> items = new ArrayList<>();
            for (String id : p.trackIds()) {
                Track t = d.tracks().get(id).track();
                items.add(PlaylistItem.of(t));
            }
            // Datasets carry no dates: the playlist is the library, without saved-at times (recency drops out).
            return new ListenerLibrary(saved, List.of(new Playlist(p.id(), p.name(), true, items)), Map.of(),
                    Map.of(), List.of());
        }
    }

    /**
     * {@code candidates.source = dataset}: {@code path} (one track CSV, or several separated by commas, read as one
     * catalogue), {@code strict}, {@code feature-columns}, {@code charset}.
     */
    public static final class CandidatesFactory implements CandidateSourceFactory {
        @Override public String name() { return "dataset"; }
        @Override public String description() {
            return "every track of a CSV dataset, or of several as one catalogue (candidates.path = a.csv, b.csv)";
        }
        @Override public CandidateSource create(ComponentConfig config) {
            return create(config, PluginContext.NONE);
        }
        @Override public CandidateSource create(ComponentConfig config, PluginContext context) {
            return new DatasetCandidateSource(dataset(config, context));
        }
    }

    /**
     * {@code features = dataset}: {@code features.dataset.path} (one CSV or several, comma-separated), {@code strict},
     * {@code feature-columns},
     * {@code charset}.
     */
    public static final class FeaturesFactory implements FeatureProviderFactory {
        @Override public String name() { return "dataset"; }
        @Override public String description() { return "features looked up by track id in a CSV dataset"; }
        @Override public FeatureProvider create(ComponentConfig config) {
            return create(config, PluginContext.NONE);
        }
        @Override public FeatureProvider create(ComponentConfig config, PluginContext context) {
            return new DatasetFeatureProvider(dataset(config, context));
        }
    }

    /**
     * {@code library.source = csv-playlist}: {@code library.path}, {@code library.playlist} (id or name),
     * {@code strict}, {@code feature-columns}, {@code charset}.
     */
    public static final class PlaylistLibraryFactory implements LibrarySourceFactory {
        @Override public String name() { return "csv-playlist"; }
        @Override public String description() { return "a listener made of one playlist of a CSV dataset"; }
        @Override public LibrarySource create(ComponentConfig config) {
            return create(config, PluginContext.NONE);
        }
        @Override public LibrarySource create(ComponentConfig config, PluginContext context) {
            LazyDataset dataset = dataset(config, context);
            String playlist = config.requireString("playlist", "Name a playlist id or name of " + dataset.names() + ".");
            return new PlaylistLibrarySource(dataset, playlist, config.origin());
        }
    }
}
