package org.audiu.core.plugin;

import java.util.List;
import java.util.Objects;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.spi.listener.ListenerFeatureFactory;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.preference.PreferenceSignalFactory;
import org.audiu.core.spi.sink.PlaylistSinkFactory;
import org.audiu.core.spi.training.TrainerFactory;

/**
 * The registries of every plugin kind. Build it once from the classpath ({@link #fromClasspath()}) or assemble it in
 * code for tests; it is immutable and thread-safe. It is also a {@link PluginContext} that shares nothing; the
 * components of one run are created through {@link #forRun()}, which shares what they have in common.
 */
public record Plugins(PluginRegistry<LibrarySourceFactory> librarySources,
                      PluginRegistry<CandidateSourceFactory> candidateSources,
                      PluginRegistry<FeatureProviderFactory> featureProviders,
                      PluginRegistry<PreferenceSignalFactory> preferenceSignals,
                      PluginRegistry<PreferenceScorerFactory> preferenceScorers,
                      PluginRegistry<TrainerFactory> trainers,
                      PluginRegistry<PlaylistSinkFactory> playlistSinks,
                      PluginRegistry<ListenerFeatureFactory> listenerFeatures) implements PluginContext {

    /** Every kind, in the order listings show them. */
    public static final List<PluginKind<?>> KINDS = List.of(LibrarySourceFactory.KIND, CandidateSourceFactory.KIND,
            FeatureProviderFactory.KIND, PreferenceScorerFactory.KIND, PreferenceSignalFactory.KIND,
            TrainerFactory.KIND, ListenerFeatureFactory.KIND, PlaylistSinkFactory.KIND);

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

    /** Every plugin found by {@link java.util.ServiceLoader} on the context (or this class's) class loader. */
    public static Plugins fromClasspath() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return fromClassLoader(cl != null ? cl : Plugins.class.getClassLoader());
    }

    public static Plugins fromClassLoader(ClassLoader loader) {
        return new Plugins(
                PluginRegistry.load(LibrarySourceFactory.KIND, loader),
                PluginRegistry.load(CandidateSourceFactory.KIND, loader),
                PluginRegistry.load(FeatureProviderFactory.KIND, loader),
                PluginRegistry.load(PreferenceSignalFactory.KIND, loader),
                PluginRegistry.load(PreferenceScorerFactory.KIND, loader),
                PluginRegistry.load(TrainerFactory.KIND, loader),
                PluginRegistry.load(PlaylistSinkFactory.KIND, loader),
                PluginRegistry.load(ListenerFeatureFactory.KIND, loader));
    }

    /** The registry of a kind. */
    @SuppressWarnings("unchecked")
    public <F extends PluginFactory<?>> PluginRegistry<F> registry(PluginKind<F> kind) {
        PluginRegistry<?> r;
        if (kind.equals(LibrarySourceFactory.KIND)) {
            r = librarySources;
        } else if (kind.equals(CandidateSourceFactory.KIND)) {
            r = candidateSources;
        } else if (kind.equals(FeatureProviderFactory.KIND)) {
            r = featureProviders;
        } else if (kind.equals(PreferenceSignalFactory.KIND)) {
            r = preferenceSignals;
        } else if (kind.equals(PreferenceScorerFactory.KIND)) {
            r = preferenceScorers;
        } else if (kind.equals(TrainerFactory.KIND)) {
            r = trainers;
        } else if (kind.equals(PlaylistSinkFactory.KIND)) {
            r = playlistSinks;
        } else if (kind.equals(ListenerFeatureFactory.KIND)) {
            r = listenerFeatures;
        } else {
            throw new IllegalArgumentException("Unknown plugin kind " + kind.label());
        }
        return (PluginRegistry<F>) r;
    }

    /** Creates a component by name from its parameters, with these registries for anything nested. */
    @Override
    public <T> T create(PluginKind<? extends PluginFactory<T>> kind, String name, ComponentConfig config) {
        return registry(kind).create(name, config, this);
    }

    @Override
    public List<String> names(PluginKind<?> kind) {
        return registry(kind).names();
    }

    /**
     * A context for the components of one run: created through these registries, they share what they have in
     * common (a dataset file read once, {@link PluginContext#shared}). {@link Components} makes one per assembly.
     */
    public RunContext forRun() {
        return new RunContext(this);
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
