package org.audiu.core.history;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listening history as a library source ({@code library.source = listening-history}). */
public final class HistoryFactories {
    private HistoryFactories() {
    }

    /**
     * A listener's library made of their whole listening-history export: every music play, aggregated per track, and
     * (from a full Spotify "Account data" download) the saved tracks, playlists, followed artists and banned tracks
     * and artists, matched to a catalogue CSV (by Spotify id, then artist + title) so the tracks get features. Logs
     * the read and match reports.
     */
    public static final class HistoryLibrarySource implements LibrarySource {
        private static final Logger LOG = LoggerFactory.getLogger(HistoryLibrarySource.class);

        private final Path history;
        private final List<Path> catalogue;

        public HistoryLibrarySource(Path history, Optional<Path> catalogue) {
            this(history, catalogue.map(List::of).orElse(List.of()));
        }

        /** A history matched to several track files read as one catalogue (none: no catalogue). */
        public HistoryLibrarySource(Path history, List<Path> catalogue) {
            this.history = Objects.requireNonNull(history, "history");
            this.catalogue = List.copyOf(Objects.requireNonNull(catalogue, "catalogue"));
        }

        /** The library with both reports. */
        public LoadedHistory loadWithReports() {
            CatalogueMatcher matcher = catalogue.isEmpty() ? CatalogueMatcher.none() : new CatalogueMatcher(
                    new CsvDatasetReader(CsvReadOptions.defaults()).read(catalogue).tracks().values().stream()
                            .map(DatasetTrack::track));
            return LoadedHistory.load(history, matcher);
        }

        @Override
        public ListenerLibrary load() {
            LoadedHistory loaded = loadWithReports();
            if (!loaded.anyMatched()) {
                LOG.warn("{}\nNothing of the export matched the catalogue, so no track of it has features: set the "
                        + "history source's 'catalogue' to a CSV of tracks with features (e.g. the candidate pool's).",
                        loaded.summary());
            } else {
                LOG.info("{}", loaded.summary());
            }
            return loaded.library();
        }
    }

    /**
     * {@code library.source = listening-history}: {@code path} (the export's zip, folder or one file) and
     * {@code catalogue} (a track CSV to match plays against, usually the candidate pool's file, or several separated by
     * commas, read as one catalogue).
     */
    public static final class LibraryFactory implements LibrarySourceFactory {
        @Override public String name() { return "listening-history"; }
        @Override public String description() {
            return "the listener's listening-history export (Spotify, ListenBrainz, Last.fm): library.path";
        }
        @Override public LibrarySource create(ComponentConfig config) {
            Path path = config.requirePath("path", "Set it to the export's zip, folder or a file of it, e.g. "
                    + config.qualified("path") + " = my_spotify_data.zip");
            return new HistoryLibrarySource(path, config.getPaths("catalogue"));
        }
    }
}
