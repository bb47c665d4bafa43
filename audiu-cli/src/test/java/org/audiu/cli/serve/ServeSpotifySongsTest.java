package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.audiu.core.config.AudiuConfig;
import org.junit.jupiter.api.Test;

/**
 * The shipped CSV configuration ({@code audiu-examples/config/spotify-songs-playlist.properties}) served for real:
 * the "30000 Spotify songs" file with its 471 playlists. Skips when the file is absent (a fresh clone has no
 * ../shared).
 */
class ServeSpotifySongsTest {
    static final String POP_REMIX = "37i9dQZF1DXcZDD7cfEKhW";
    static final Path SHIPPED = Path.of("..", "audiu-examples", "config", "spotify-songs-playlist.properties");

    @Test
    void servesTheDatasetConfig() throws Exception {
        Path data = Path.of(System.getProperty("audiu.shared.data", "../../shared/data"), "spotify_songs.csv");
        assumeTrue(Files.isRegularFile(data), "Skipping: " + data.toAbsolutePath() + " is absent (see "
                + "../shared/data/README.md); the test catalogue covers the CSV path otherwise.");
        String csv = data.toAbsolutePath().normalize().toString();
        AudiuConfig config = AudiuConfig.load(SHIPPED).with(Map.of(
                "candidates.path", csv, "features.dataset.path", csv, "library.path", csv));
        try (TestServer server = TestServer.start(config, TestServer.fastOptions())) {
            JsonNode info = server.getRaw("/api/info").json();
            assertEquals("dataset spotify_songs.csv", info.get("catalogue").asText());
            assertTrue(info.get("tracks").asInt() > 28_000, info.toString());
            assertEquals(471, info.get("playlists").asInt());
            assertEquals(6, info.get("genres").size(), "playlist_genre labels: " + info.get("genres"));

            JsonNode search = server.get("/api/search", Map.of("q", "pop remix")).json();
            assertEquals(POP_REMIX, search.at("/playlists/0/id").asText(), search.toString());

            JsonNode recs = server.get("/api/recommendations", Map.of("playlist", POP_REMIX, "limit", "20")).json();
            assertEquals(20, recs.get("recommendations").size(), recs.toString());
            Set<String> inPlaylist = new HashSet<>(server.backend().catalogue().playlist(POP_REMIX).orElseThrow()
                    .trackIds());
            long pop = 0;
            for (JsonNode r : recs.get("recommendations")) {
                assertFalse(inPlaylist.contains(r.at("/track/id").asText()), "nothing from the playlist itself");
                if ("pop".equals(r.at("/track/genre").asText())) {
                    pop++;
                }
            }
            assertTrue(pop >= 5, "a pop playlist brings pop (chance: 1 in 6): " + pop);

            String trackId = recs.at("/recommendations/0/track/id").asText();
            JsonNode genre = server.get("/api/genre", Map.of("track", trackId)).json();
            assertEquals(6, genre.get("probabilities").size());
            assertTrue(genre.at("/model/heldOutAccuracy").asDouble() > 0.3, genre.toString());
        }
    }
}
