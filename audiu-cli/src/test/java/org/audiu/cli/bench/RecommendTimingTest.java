package org.audiu.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench times {@code recommend} with the JVM flags the launcher gives it, read from the one file both use. */
class RecommendTimingTest {
    private static final String OPTIONS = "audiu-cli/src/main/resources/org/audiu/cli/recommend-jvm.options";

    @Test
    void theBenchUsesTheLaunchersRecommendFlags() throws IOException {
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC"), RecommendTiming.LAUNCHER_FLAGS);
        Path root = Path.of("").toAbsolutePath().getParent();
        String launcher = Files.readString(root.resolve("audiu"));
        assertTrue(launcher.contains("$ROOT/" + OPTIONS), "the ./audiu launcher reads " + OPTIONS);
        assertEquals(String.join(" ", RecommendTiming.LAUNCHER_FLAGS),
                Files.readString(root.resolve(OPTIONS)).trim());
    }
}
