package org.audiu.core.spi.sink;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/** Service interface for {@link PlaylistSink}s; config key {@code sink} (none by default). */
public interface PlaylistSinkFactory extends PluginFactory<PlaylistSink> {
    /** The kind: selected by {@code sink}, parameters under {@code sink.}. */
    PluginKind<PlaylistSinkFactory> KIND = new PluginKind<>("playlist sink", PlaylistSinkFactory.class, "sink", "sink",
            PluginKind.Selection.OPTIONAL, "",
            "audiu-spotify (spotify)");
}
