package org.audiu.core.spi;

import java.util.Objects;

/**
 * The registries of every plugin kind. Build it once from the classpath ({@link #fromClasspath()}) or assemble it in
 * code for tests; it is immutable and thread-safe.
 */
public record Plugins(PluginRegistry<LibrarySourceFactory> librarySources,
                      PluginRegistry<CandidateSourceFactory> candidateSources,
                      PluginRegistry<FeatureProviderFactory> featureProviders,
                      PluginRegistry<PreferenceSignalFactory> preferenceSignals,
                      PluginRegistry<PreferenceScorerFactory> preferenceScorers,
                      PluginRegistry<TrainerFactory> trainers,
                      PluginRegistry<PlaylistSinkFactory> playlistSinks,
                      PluginRegistry<ListenerFeatureFactory> listenerFeatures) {

    public Plugins {
        Objects.requireNonNull(librarySources);
        Objects.requireNonNull(candidateSources);
        Objects.requireNonNull(featureProviders);
        Objects.requireNonNull(preferenceSignals);
        Objects.requireNonNull(preferenceScorers);
        Objects.requireNonNull(trainers);
        Objects.requireNonNull(playlistSinks);
        Objects.requireNonNull(listenerFeatures);
    }

    /** The registries of the kinds that existed before listener features; those are then found on the classpath. */
    public Plugins(PluginRegistry<LibrarySourceFactory> librarySources,
                   PluginRegistry<CandidateSourceFactory> candidateSources,
                   PluginRegistry<FeatureProviderFactory> featureProviders,
                   PluginRegistry<PreferenceSignalFactory> preferenceSignals,
                   PluginRegistry<PreferenceScorerFactory> preferenceScorers,
                   PluginRegistry<TrainerFactory> trainers,
                   PluginRegistry<PlaylistSinkFactory> playlistSinks) {
        this(librarySources, candidateSources, featureProviders, preferenceSignals, preferenceScorers, trainers,
                playlistSinks, PluginRegistry.load(PluginKind.LISTENER_FEATURE, Plugins.class.getClassLoader()));
    }

    /** Every plugin found by {@link java.util.ServiceLoader} on the context (or this class's) class loader. */
    public static Plugins fromClasspath() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return fromClassLoader(cl != null ? cl : Plugins.class.getClassLoader());
    }

    public static Plugins fromClassLoader(ClassLoader loader) {
        return new Plugins(
                PluginRegistry.load(PluginKind.LIBRARY_SOURCE, loader),
                PluginRegistry.load(PluginKind.CANDIDATE_SOURCE, loader),
                PluginRegistry.load(PluginKind.FEATURE_PROVIDER, loader),
                PluginRegistry.load(PluginKind.PREFERENCE_SIGNAL, loader),
                PluginRegistry.load(PluginKind.PREFERENCE_SCORER, loader),
                PluginRegistry.load(PluginKind.TRAINER, loader),
                PluginRegistry.load(PluginKind.PLAYLIST_SINK, loader),
                PluginRegistry.load(PluginKind.LISTENER_FEATURE, loader));
    }

    public Plugins withTrainer(TrainerFactory factory) {
        return new Plugins(librarySources, candidateSources, featureProviders, preferenceSignals, preferenceScorers,
                trainers.with(factory), playlistSinks, listenerFeatures);
    }

    public Plugins withScorer(PreferenceScorerFactory factory) {
        return new Plugins(librarySources, candidateSources, featureProviders, preferenceSignals,
                preferenceScorers.with(factory), trainers, playlistSinks, listenerFeatures);
    }

    public Plugins withListenerFeature(ListenerFeatureFactory factory) {
        return new Plugins(librarySources, candidateSources, featureProviders, preferenceSignals, preferenceScorers,
                trainers, playlistSinks, listenerFeatures.with(factory));
    }
}
