package org.audiu.core.spi.library;

import org.audiu.core.ListenerLibrary;

/** Where a listener's library comes from (Spotify, a playlist in a CSV dataset, the demo listener). */
@FunctionalInterface
public interface LibrarySource {
    /**
     * Loads the whole library.
     *
     * @throws org.audiu.core.AudiuException with a specific message when it cannot
     */
    ListenerLibrary load();
}
