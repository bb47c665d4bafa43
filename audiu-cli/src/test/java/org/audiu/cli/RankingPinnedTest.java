package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@code recommend} returns, track for track, score for score and reason for reason, on the demo, on a
 * generated pool, on {@code spotify_songs.csv} and on the 114k file: the ranking pass may get faster, never different.
 * The expected lists are in {@code src/test/resources/pinned/}. When a change is meant to alter a ranking (a new
 * feature, another matching rule), write them again with {@code -Daudiu.pin.write=true} and say why in the commit.
 */
class RankingPinnedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PINNED = Path.of("src/test/resources/pinned");
    private static final Path SHARED = Path.of(System.getProperty("audiu.shared.data", "../../shared/data"));

    @Test
    void theEmbeddedDemoRanksAsPinned() throws IOException {
        check("demo-random-forest", "recommend", "--json");
    }

    @Test
    void theDemoWithTheLogisticModelRanksAsPinned() throws IOException {
        check("demo-logistic", "recommend", "--json", "--set", "model=logistic", "--limit", "30");
    }

    @Test
    void aGeneratedPoolRanksAsPinned() throws IOException {
        // The pool of 'audiu bench' (the generated source, every listener feature on), smaller.
        check("generated-200k-logistic", "recommend", "--json", "--set", "library.source=generated",
                "--set", "library.size=200000", "--set", "features=generated", "--set",
                "features.generated.size=200000", "--set", "candidates.source=generated", "--set",
                "candidates.size=200000", "--set", "model=logistic");
    }

    @Test
    void spotifySongsRanksAsPinned() throws IOException {
        Path csv = shared("spotify_songs.csv");
        check("spotify-songs-playlist", "recommend", "--json", "--config",
                "../audiu-examples/config/spotify-songs-playlist.properties", "--set", "library.path=" + csv,
                "--set", "features.dataset.path=" + csv, "--set", "candidates.path=" + csv);
    }

    @Test
    void theTracks114kFileRanksAsPinned() throws IOException {
        Path csv = shared("spotify_tracks_114k.csv");
        Path history = shared("history/account-data-music");
        // The single-stage engine's pass, as pinned before the discovery ranker (issue 29's loop).
        check("tracks-114k-history", "recommend", "--json", "--config",
                "../audiu-examples/config/listening-history.properties", "--history", history.toString(), "--set",
                "library.catalogue=" + csv, "--set", "features.dataset.path=" + csv, "--set",
                "candidates.path=" + csv, "--set", "ranker=none", "--set", "recommendations.per-artist=2");
    }

    @Test
    void theTracks114kFileRanksAsPinnedWithTheDiscoveryRanker() throws IOException {
        Path csv = shared("spotify_tracks_114k.csv");
        Path history = shared("history/account-data-music");
        check("tracks-114k-history-discovery", "recommend", "--json", "--config",
                "../audiu-examples/config/listening-history.properties", "--history", history.toString(), "--set",
                "library.catalogue=" + csv, "--set", "features.dataset.path=" + csv, "--set",
                "candidates.path=" + csv);
    }

    private static Path shared(String name) {
        Path p = SHARED.resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.exists(p), "Skipping: " + p + " is absent (the shared datasets sit beside the repository "
                + "in CI; set -Daudiu.shared.data=DIR to point elsewhere).");
        return p;
    }

    /** One line per recommendation: id, score, ranking score (every digit), reasons. */
    private static void check(String name, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AudiuCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        List<String> lines = new ArrayList<>();
        for (JsonNode r : JSON.readTree(out.toString())) {
            List<String> reasons = new ArrayList<>();
            r.get("reasons").forEach(x -> reasons.add(x.asText()));
            lines.add(r.get("trackId").asText() + "\t" + r.get("score").asDouble() + "\t"
                    + r.get("rankingScore").asDouble() + "\t" + String.join(" | ", reasons));
        }
        String actual = String.join("\n", lines) + "\n";
        Path file = PINNED.resolve(name + ".tsv");
        if (Boolean.getBoolean("audiu.pin.write")) {
            Files.createDirectories(PINNED);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "The ranking of '" + name
                + "' changed (expected: " + file + "). If that is meant, rewrite it with -Daudiu.pin.write=true.");
    }
}
