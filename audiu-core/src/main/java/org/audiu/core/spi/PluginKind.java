package org.audiu.core.spi;

import java.util.Objects;

/**
 * A kind of plugin: its factory interface, the word used in messages and the configuration key that selects it.
 *
 * @param <F> the factory interface
 */
public record PluginKind<F extends PluginFactory<?>>(String label, Class<F> factoryType, String configKey,
                                                     String whereToFind) {
    public static final PluginKind<LibrarySourceFactory> LIBRARY_SOURCE = new PluginKind<>("library source",
            LibrarySourceFactory.class, "library.source", "audiu-core (demo, csv-playlist) or audiu-spotify (spotify)");
    public static final PluginKind<CandidateSourceFactory> CANDIDATE_SOURCE = new PluginKind<>("candidate source",
            CandidateSourceFactory.class, "candidates.source", "audiu-core (demo, dataset) or audiu-spotify");
    public static final PluginKind<FeatureProviderFactory> FEATURE_PROVIDER = new PluginKind<>("feature provider",
            FeatureProviderFactory.class, "features", "audiu-core (demo, dataset) or audiu-spotify");
    public static final PluginKind<PreferenceSignalFactory> PREFERENCE_SIGNAL = new PluginKind<>("preference signal",
            PreferenceSignalFactory.class, "scorer.signals", "audiu-core");
    public static final PluginKind<PreferenceScorerFactory> PREFERENCE_SCORER = new PluginKind<>("preference scorer",
            PreferenceScorerFactory.class, "scorer", "audiu-core (weighted) or your own jar");
    public static final PluginKind<TrainerFactory> TRAINER = new PluginKind<>("trainer", TrainerFactory.class, "model",
            "audiu-models");
    public static final PluginKind<ListenerFeatureFactory> LISTENER_FEATURE = new PluginKind<>("listener feature",
            ListenerFeatureFactory.class, "listener-features", "audiu-core (artist-affinity, album-affinity, "
            + "co-membership, release-year, popularity, audio-similarity) or your own jar");
    public static final PluginKind<PlaylistSinkFactory> PLAYLIST_SINK = new PluginKind<>("playlist sink",
            PlaylistSinkFactory.class, "sink", "audiu-spotify");

    public PluginKind {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(factoryType, "factoryType");
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(whereToFind, "whereToFind");
    }
}
