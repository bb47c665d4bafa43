package org.audiu.core.spi.listener;

import java.io.IOException;
import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/**
 * Service interface for {@link ListenerFeature}s; config key {@code listener-features} (a comma-separated list, {@code
 * none} for none), parameters under {@code listener-features.<name>.}.
 */
public interface ListenerFeatureFactory extends PluginFactory<ListenerFeature> {
    /**
     * Rebuilds a fitted feature from what {@link ListenerFeature.Fitted#writeState} wrote (a saved trained
     * recommender). The default says this feature cannot be restored.
     *
     * @throws IOException when the state is truncated or not this feature's
     */
    default ListenerFeature.Fitted readState(FittedState.Reader in) throws IOException {
        throw new UnsupportedOperationException("The listener feature '" + name() + "' (" + getClass().getName()
                + ") cannot be restored from a saved recommender: its factory does not implement readState.");
    }

    /** The kind: selected by {@code listener-features}, parameters under {@code listener-features.}. */
    PluginKind<ListenerFeatureFactory> KIND = new PluginKind<>("listener feature", ListenerFeatureFactory.class,
            "listener-features", "listener-features", PluginKind.Selection.LIST,
            "artist-affinity, album-affinity, co-membership, release-year, popularity, audio-similarity",
            "audiu-core (artist-affinity, album-affinity, co-membership, release-year, popularity, "
            + "audio-similarity) or your own jar");
}
