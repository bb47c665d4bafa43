package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./audiu} launcher, run in a copy of the repository's root with stand-ins for {@code mvn} and
 * {@code java}: its first build says what it is building (issue 18, point 9) and tells the program whether standard
 * error is a terminal.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("../audiu");

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    private Result launch(Path root, Path bin) throws IOException, InterruptedException {
        return launch(root, bin, "recommend", "--json");
    }

    private Result launch(Path root, Path bin, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash",
                root.resolve("audiu").toString()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("AUDIU_JAVA_OPTS");
        pb.environment().remove("MALLOC_ARENA_MAX");
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theFirstBuildSaysWhatItBuildsAndLaterRunsStartAtOnce() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/bin/bash")) || Files.isRegularFile(Path.of("/usr/bin/bash")),
                "needs bash");
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(LAUNCHER, root.resolve("audiu"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("audiu-cli/src/main/java"));
        // recommend's JVM flags: the launcher reads them from the CLI's resources.
        Path options = Path.of("src/main/resources/org/audiu/cli/recommend-jvm.options");
        Path copied = root.resolve("audiu-cli").resolve(options);
        Files.createDirectories(copied.getParent());
        Files.copy(options, copied);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("mvn"), """
                echo "[INFO] Scanning for projects..."
                echo "[INFO] Building audiU 0.1.0-SNAPSHOT                                      [1/3]"
                echo "[INFO] Building audiU core 0.1.0-SNAPSHOT                                 [2/3]"
                echo "[INFO] Building audiU command line 0.1.0-SNAPSHOT                         [3/3]"
                mkdir -p audiu-cli/target/classes audiu-cli/target/lib
                echo "[INFO] BUILD SUCCESS"
                """);
        script(bin.resolve("java"), "echo \"java $*\"\n");

        Result first = launch(root, bin);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("audiu: building audiU core [2/3]"), first.err());
        assertTrue(first.err().contains("audiu: building audiU command line [3/3]"), first.err());
        assertTrue(first.err().matches("(?s).*audiu: built in [0-9]+ s.*"), first.err());
        assertFalse(first.err().contains("Scanning for projects"), "Maven's own lines stay in its log: "
                + first.err());
        assertTrue(first.out().contains("-Daudiu.stderr.terminal=false"), "stderr is a file here: " + first.out());
        assertTrue(first.out().contains("org.audiu.cli.AudiuCli recommend --json"), first.out());
        assertTrue(first.out().contains("-Xmx2g -XX:TieredStopAtLevel=1"), "recommend gets the quick JIT: "
                + first.out());

        Result second = launch(root, bin);
        assertEquals(0, second.exit(), second.err());
        assertEquals("", second.err(), "no build the second time");
    }

    @Test
    void aFailedBuildShowsMavensOutput() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(LAUNCHER, root.resolve("audiu"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("mvn"), "echo \"[ERROR] COMPILATION ERROR: Foo.java\"\nexit 1\n");
        script(bin.resolve("java"), "echo never\n");
        Result r = launch(root, bin);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("[ERROR] COMPILATION ERROR: Foo.java"), r.err());
        assertTrue(r.err().contains("audiu: the build failed"), r.err());
        assertFalse(r.out().contains("never"), r.out());
    }

    /**
     * {@code genres}' heap follows its {@code --data} file (issue 26, part 3): a file of up to 12 MB gets 768 MB, so
     * that stacking on music_genre.csv stays under 1.5 GB resident; a larger one may use half the memory; without a
     * file the usual 2 GB. glibc's malloc arenas are held to two, unless the user set them.
     */
    @Test
    void genresSizesItsHeapFromTheDataFile() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(LAUNCHER, root.resolve("audiu"));
        Files.createDirectories(root.resolve("audiu-cli/target/classes"));
        Files.createDirectories(root.resolve("audiu-cli/target/lib"));
        Files.writeString(root.resolve("audiu-cli/target/.audiu-build-stamp"), "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("mvn"), "echo never built; exit 1\n");
        script(bin.resolve("java"), "echo \"MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX java $*\"\n");
        Path small = tmp.resolve("small.csv");
        Files.writeString(small, "genre,energy\nrock,0.5\n");
        Path large = tmp.resolve("large.csv");
        try (var f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(13L * 1024 * 1024); // sparse: 13 MB without writing them
        }

        Result s = launch(root, bin, "genres", "evaluate", "--data", small.toString(), "--model", "stacking");
        assertEquals(0, s.exit(), s.err());
        assertTrue(s.out().startsWith("MALLOC_ARENA_MAX=2 java -Xmx768m "), s.out());
        assertTrue(s.out().contains("org.audiu.cli.AudiuCli genres evaluate --data"), s.out());

        Result l = launch(root, bin, "genres", "train", "--data=" + large);
        assertTrue(l.out().startsWith("MALLOC_ARENA_MAX=2 java -XX:MaxRAMPercentage=50 "), l.out());

        Result none = launch(root, bin, "genres", "--help");
        assertTrue(none.out().startsWith("MALLOC_ARENA_MAX=2 java -Xmx2g "), none.out());

        Result other = launch(root, bin, "evaluate", "playlists", "--data", small.toString());
        assertTrue(other.out().startsWith("MALLOC_ARENA_MAX= java -Xmx2g "), "only genres is sized: "
                + other.out());
    }
}
