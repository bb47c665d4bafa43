package org.audiu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audiu.spotify.fake.FakeSpotifyMain;
import org.audiu.spotify.fake.FakeSpotifyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiu recommend --config} with a Spotify configuration, end to end against the fake Spotify Web API: the
 * real client reads the library, audio features fall through from Spotify's 403 to ReccoBeats, candidates come from
 * search, a Tribuo random forest ranks them, and the sink writes them to a new playlist.
 */
class SpotifyCliEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void recommendsFromASpotifyLibraryAndWritesThePlaylist() throws Exception {
        try (FakeSpotifyServer server = FakeSpotifyServer.start()) {
            Map<String, String> config = FakeSpotifyMain.devConfig(server, tmp, "random-forest");
            StringBuilder file = new StringBuilder();
            config.forEach((k, v) -> file.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
            Path properties = tmp.resolve("spotify-fake.properties");
            Files.writeString(properties, file, StandardCharsets.UTF_8);

            AudiuCliTest.Run run = AudiuCliTest.run("recommend", "--config", properties.toString(), "--json",
                    "--playlist", "From audiU");
            assertEquals(0, run.exit(), run.err());
            JsonNode recs = new ObjectMapper().readTree(run.out());
            assertEquals(20, recs.size());
            List<String> ids = new ArrayList<>();
            recs.forEach(r -> ids.add(r.get("trackId").asText()));
            assertTrue(run.err().contains("wrote 20 recommendations to"), run.err());

            assertEquals(1, server.createdPlaylists().size());
            assertEquals("From audiU", server.createdPlaylists().get(0).name());
            assertTrue(server.count("GET", "/reccobeats") > 0, "features fell through to ReccoBeats");
            assertTrue(server.count("GET", "/v1/search") > 0, "candidates came from search");
            List<String> written = server.createdPlaylists().get(0).uris().stream()
                    .map(uri -> uri.substring("spotify:track:".length())).toList();
            assertEquals(ids, written, "the playlist holds what was recommended, in order");
        }
    }
}
