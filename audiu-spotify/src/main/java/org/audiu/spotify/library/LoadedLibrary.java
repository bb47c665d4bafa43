package org.audiu.spotify.library;

import java.util.Objects;
import org.audiu.core.ListenerLibrary;

/** A library with the report of what was skipped while loading it. */
public record LoadedLibrary(ListenerLibrary library, LibraryReport report) {
    public LoadedLibrary {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(report, "report");
    }
}
