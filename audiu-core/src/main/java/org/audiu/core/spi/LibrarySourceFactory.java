package org.audiu.core.spi;

/** Service interface for {@link LibrarySource}s; config key {@code library.source}. */
public interface LibrarySourceFactory extends PluginFactory<LibrarySource> {
}
