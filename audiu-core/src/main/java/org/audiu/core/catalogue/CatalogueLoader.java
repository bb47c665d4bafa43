package org.audiu.core.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.audiu.core.AudiuException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.dataset.DatasetFactories;
import org.audiu.core.demo.DemoCatalog;
import org.audiu.core.demo.DemoFactories;
import org.audiu.core.demo.DemoListener;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.engine.EngineSettings;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Components;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Catalogue} from a configuration: the configured candidate source streamed once, features
 * of candidates that come without them looked up through the configured feature chain, and playlists where the
 * source has some (every playlist of a CSV dataset; the demo listener's playlists for the embedded demo).
 */
public final class CatalogueLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueLoader.class);
    private static final int LOOKUP_BATCH = 4096;

    private final Plugins plugins;

    /** @param plugins the registry that creates the configured candidate source and feature providers */
    public CatalogueLoader(Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /**
     * Streams the configured candidate source once and resolves features of the candidates that come without them.
     * Candidates no feature provider knows are left out, with a warning.
     *
     * @param config the configuration ({@code candidates.source}, {@code features} and their sections)
     * @param schema the features every track gets (the engine's {@code features.columns})
     * @return the catalogue with playlists where the source has some
     * @throws AudiuException for unknown plugin names or keys, unreadable data, or an empty catalogue
     */
    public Catalogue load(AudiuConfig config, FeatureSchema schema) {
        Components components = new Components(config, plugins, EngineSettings.KEYS);
        String candidateName = components.selected(CandidateSourceFactory.KIND);
        CandidateSource source = components.create(CandidateSourceFactory.KIND, candidateName);
        List<NamedFeatureProvider> providers = new ArrayList<>();
        for (String name : components.selectedList(FeatureProviderFactory.KIND)) {
            providers.add(new NamedFeatureProvider(name, components.create(FeatureProviderFactory.KIND, name)));
        }
        FeatureProviderChain chain = new FeatureProviderChain(providers, schema);

        CandidateFeatures features = new CandidateFeatures(chain);
        List<CatalogueTrack> tracks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Candidate> batch = new ArrayList<>(LOOKUP_BATCH);
        try (Stream<Candidate> stream = source.candidates()) {
            var it = stream.iterator();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == LOOKUP_BATCH || !it.hasNext()) {
                    CandidateFeatures.Batch rows = features.rows(batch);
                    rows.rows().forEach(r -> tracks.add(new CatalogueTrack(r.track(), new FeatureVector(schema,
                            r.features()))));
                    missing.addAll(rows.missingIds());
                    batch.clear();
                }
            }
        }
        if (!missing.isEmpty()) {
            LOG.warn("{} catalogue tracks have no features in {} and cannot be recommended: {}{}", missing.size(),
                    chain.providerNames(), missing.stream().limit(10).toList(), missing.size() > 10 ? " ..." : "");
        }
        Catalogue catalogue = new Catalogue(describe(config, candidateName), schema, tracks,
                playlists(config, candidateName, source));
        LOG.info("Catalogue: {}", catalogue);
        return catalogue;
    }

    /** For people: the dataset's file name, else the candidate source's own description. */
    private String describe(AudiuConfig config, String candidateName) {
        if (candidateName.equals("dataset")) {
            Path path = datasetConfig(config).requirePath("path", "Set it to a track CSV.");
            return "dataset " + path.getFileName();
        }
        return plugins.candidateSources().find(candidateName).map(f -> f.description()).filter(d -> !d.isBlank())
                .orElse("candidates.source = " + candidateName);
    }

    private ComponentConfig datasetConfig(AudiuConfig config) {
        return new Components(config, plugins, EngineSettings.KEYS).section(CandidateSourceFactory.KIND, "dataset");
    }

    /** The candidate source's playlists: a dataset's, the demo listener's; other sources give none. */
    List<CataloguePlaylist> playlists(AudiuConfig config, String candidateName, CandidateSource source) {
        if (source instanceof DatasetFactories.DatasetCandidateSource dataset) {
            // The file the candidates came from, read once for both.
            return dataset.dataset().playlists().values().stream()
                    .map(p -> new CataloguePlaylist(p.id(), p.name(), p.trackIds())).toList();
        }
        return candidateName.equals("demo") ? demoPlaylists(config) : List.of();
    }

    private List<CataloguePlaylist> demoPlaylists(AudiuConfig config) {
        Components components = new Components(config, plugins, EngineSettings.KEYS);
        boolean demoLibrary = components.selected(LibrarySourceFactory.KIND).equals("demo");
        List<String> genres = DemoFactories.DEFAULT_GENRES;
        int saved = 150;
        if (demoLibrary) {
            ComponentConfig c = components.section(LibrarySourceFactory.KIND, "demo");
            genres = c.getList("genres", DemoFactories.DEFAULT_GENRES);
            saved = c.getInt("saved-tracks", 150, 10, 2000);
        }
        List<CataloguePlaylist> out = new ArrayList<>();
        for (Playlist p : DemoListener.generate(DemoCatalog.generate(config.seed()), genres, saved, config.seed())
                .playlists()) {
            out.add(new CataloguePlaylist(p.id(), p.name() + " (demo listener)",
                    p.items().stream().map(PlaylistItem::track).map(Track::id).toList()));
        }
        return out;
    }
}
