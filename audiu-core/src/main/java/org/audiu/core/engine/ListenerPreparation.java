package org.audiu.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.DataException;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.features.FeatureLookup;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.relative.FittedListenerFeatures;
import org.audiu.core.relative.ListenerFeatures;
import org.audiu.core.spi.candidates.CoMembershipIndex;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage: loads the library, scores preferences, looks up the features of its tracks in batches and fits
 * the listener-relative features to it.
 */
public final class ListenerPreparation {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerPreparation.class);

    private final LibrarySource librarySource;
    private final PreferenceScorer scorer;
    private final FeatureProviderChain features;
    private final ListenerFeatures listenerFeatures;
    private final Optional<CoMembershipIndex> coMembership;
    private final int batchSize;
    private final ProgressReporter progress;
    private final String sourceName;

    /**
     * @param coMembership the candidate source's playlists, when it knows them
     * @param sourceName   the library source's name, for messages
     */
    public ListenerPreparation(LibrarySource librarySource, PreferenceScorer scorer, FeatureProviderChain features,
                               ListenerFeatures listenerFeatures, Optional<CoMembershipIndex> coMembership,
                               int batchSize, ProgressReporter progress, String sourceName) {
        this.librarySource = Objects.requireNonNull(librarySource, "librarySource");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.features = Objects.requireNonNull(features, "features");
        this.listenerFeatures = Objects.requireNonNull(listenerFeatures, "listenerFeatures");
        this.coMembership = Objects.requireNonNull(coMembership, "coMembership");
        this.batchSize = batchSize;
        this.progress = progress == null ? ProgressReporter.NONE : progress;
        this.sourceName = sourceName;
    }

    public PreparedListener prepare() {
        ListenerLibrary library;
        try (ProgressReporter.Step step = progress.start("Loading library", -1)) {
            library = librarySource.load();
        }
        if (library.isEmpty()) {
            throw new DataException("The listener library is empty (library.source = " + sourceName + "): there is "
                    + "nothing to learn a taste from. Save or play some tracks, or choose a non-empty playlist.");
        }
        PreferenceScores preferences = scorer.score(library);
        List<Track> tracks = library.distinctTracks();
        FeatureLookup lookup;
        try (ProgressReporter.Step step = progress.start("Library features", tracks.size())) {
            lookup = lookupInBatches(tracks, step);
        }
        if (lookup.found().isEmpty()) {
            throw new DataException("None of the " + tracks.size() + " library tracks has features in the provider "
                    + "chain " + features.providerNames() + " (e.g. " + lookup.missingIds().stream().limit(5).toList()
                    + "). Add a provider that knows these tracks to 'features'.");
        }
        if (!lookup.missingIds().isEmpty()) {
            LOG.warn("{} of {} library tracks have no features in {} and are left out of training: {}{}",
                    lookup.missingIds().size(), tracks.size(), features.providerNames(),
                    lookup.missingIds().stream().limit(10).toList(), lookup.missingIds().size() > 10 ? " ..." : "");
        }
        List<Track> liked = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Track t : tracks) {
            FeatureVector v = lookup.found().get(t.id());
            if (v != null) {
                liked.add(t);
                rows.add(v.project(features.targetSchema()));
            }
        }
        double[][] likedRows = rows.toArray(double[][]::new);
        FittedListenerFeatures relative = listenerFeatures.fit(new ListenerContext(library, preferences, liked,
                likedRows, features.targetSchema(), coMembership));
        return new PreparedListener(library, preferences, liked, likedRows, lookup, relative);
    }

    private FeatureLookup lookupInBatches(List<Track> tracks, ProgressReporter.Step step) {
        Map<String, FeatureVector> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, Integer> byProvider = new LinkedHashMap<>();
        for (int from = 0; from < tracks.size(); from += batchSize) {
            List<Track> batch = tracks.subList(from, Math.min(tracks.size(), from + batchSize));
            FeatureLookup part = features.lookup(batch);
            found.putAll(part.found());
            missing.addAll(part.missingIds());
            part.foundByProvider().forEach((k, v) -> byProvider.merge(k, v, Integer::sum));
            step.advance(batch.size());
        }
        return new FeatureLookup(found, missing, byProvider);
    }
}
