package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real datasets beside the repository ({@code ../shared/data}; CI has them, a fresh user clone does not). A test
 * that needs one asks for it here and is skipped, with a message saying where to put the files, when it is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The folder: {@code -Daudiu.shared.data=DIR}, else {@code $AUDIU_SHARED_DATA}, else {@code ../shared/data}. */
    public static Path dir() {
        return Path.of(System.getProperty("audiu.shared.data", System.getenv().getOrDefault("AUDIU_SHARED_DATA",
                "../shared/data")));
    }

    /** A file of the folder; the calling test is skipped (not failed) when it is absent. */
    public static Path file(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), "Skipping: " + p.toAbsolutePath() + " is absent. The real datasets live in"
                + " ../shared/data beside the repository (CI has them); set -Daudiu.shared.data=DIR to point elsewhere.");
        return p;
    }
}
