package org.audiu.core.spi;

/** Service interface for {@link PlaylistSink}s; config key {@code sink}. */
public interface PlaylistSinkFactory extends PluginFactory<PlaylistSink> {
}
