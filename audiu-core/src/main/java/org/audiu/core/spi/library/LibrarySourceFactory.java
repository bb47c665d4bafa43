package org.audiu.core.spi.library;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/** Service interface for {@link LibrarySource}s; config key {@code library.source}. */
public interface LibrarySourceFactory extends PluginFactory<LibrarySource> {
    /** The kind: selected by {@code library.source}, parameters under {@code library.}. */
    PluginKind<LibrarySourceFactory> KIND = new PluginKind<>("library source", LibrarySourceFactory.class,
            "library.source", "library", PluginKind.Selection.ONE, "demo",
            "audiu-core (demo, csv-playlist) or audiu-spotify (spotify)");
}
