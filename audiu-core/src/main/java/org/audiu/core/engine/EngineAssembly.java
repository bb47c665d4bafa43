package org.audiu.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.discovery.DiscoverySettings;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Components;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.relative.ListenerFeatures;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.library.LibrarySourceFactory;
import org.audiu.core.spi.listener.ListenerFeatureFactory;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.sink.PlaylistSink;
import org.audiu.core.spi.sink.PlaylistSinkFactory;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;

/**
 * Assembly from a configuration: every component created by name through {@link Components}, failing before any
 * work on unknown names, unknown keys or invalid values.
 */
public final class EngineAssembly {
    private EngineAssembly() {
    }

    /** An engine wired from a configuration. */
    public static RecommendationEngine fromConfig(AudiuConfig config, Plugins plugins, ProgressReporter progress) {
        Components components = new Components(config, plugins, EngineSettings.KEYS);
        components.failOnUnknownKeys();
        Map<String, String> names = new LinkedHashMap<>();
        String library = components.selected(LibrarySourceFactory.KIND);
        names.put(LibrarySourceFactory.KIND.configKey(), library);
        LibrarySource librarySource = components.create(LibrarySourceFactory.KIND, library);
        String scorerName = components.selected(PreferenceScorerFactory.KIND);
        names.put(PreferenceScorerFactory.KIND.configKey(), scorerName);
        PreferenceScorer scorer = components.create(PreferenceScorerFactory.KIND, scorerName);
        List<String> chain = components.selectedList(FeatureProviderFactory.KIND);
        if (chain.isEmpty()) {
            throw new ConfigException("'features' in " + config.origin() + " names no provider. Available: "
                    + plugins.featureProviders().names() + ".");
        }
        List<NamedFeatureProvider> providers = new ArrayList<>();
        for (String name : chain) {
            providers.add(new NamedFeatureProvider(name, components.create(FeatureProviderFactory.KIND, name)));
        }
        names.put(FeatureProviderFactory.KIND.configKey(), String.join(", ", chain));
        String candidateName = components.selected(CandidateSourceFactory.KIND);
        names.put(CandidateSourceFactory.KIND.configKey(), candidateName);
        CandidateSource candidates = components.create(CandidateSourceFactory.KIND, candidateName);
        String model = components.selected(TrainerFactory.KIND);
        names.put(TrainerFactory.KIND.configKey(), model);
        Trainer trainer = components.create(TrainerFactory.KIND, model);
        List<ListenerFeatures.Named> relative = new ArrayList<>();
        List<String> relativeNames = components.selectedList(ListenerFeatureFactory.KIND);
        for (String name : relativeNames) {
            relative.add(new ListenerFeatures.Named(name, components.create(ListenerFeatureFactory.KIND, name)));
        }
        names.put(ListenerFeatureFactory.KIND.configKey(), relative.isEmpty() ? Components.NONE
                : String.join(", ", relativeNames));
        ComponentConfig engineConfig = components.reservedSection("engine", "audiu");
        EngineSettings settings = EngineSettings.from(engineConfig);
        SkippedNegatives skipped = SkippedNegatives.from(engineConfig);
        // The discovery ranker's keys live beside the engine's: validated here, read by its users (DiscoveryStage).
        DiscoverySettings.from(engineConfig);
        // So are the two-stage recommender's (issue 24), read by its users (TwoStageSettings).
        org.audiu.core.twostage.TwoStageSettings.validate(config, engineConfig);
        if (org.audiu.core.twostage.TwoStageSettings.configured(config)) {
            // a trained recommender refers to the ranker it was trained beside by the file's checksum
            org.audiu.core.twostage.TwoStageSettings.from(config).rankerReference()
                    .ifPresent(r -> names.put("two-stage.ranker", r));
        }
        engineConfig.failOnUnreadKeys();
        return new RecommendationEngine(librarySource, scorer, new FeatureProviderChain(providers, settings.schema()),
                candidates, trainer, settings, names, progress, new ListenerFeatures(relative), skipped);
    }

    /** The playlist sink selected by {@code sink} (parameters under {@code sink.}), or empty when none is. */
    public static Optional<PlaylistSink> playlistSink(AudiuConfig config, Plugins plugins) {
        return new Components(config, plugins, EngineSettings.KEYS).createOptional(PlaylistSinkFactory.KIND);
    }
}
