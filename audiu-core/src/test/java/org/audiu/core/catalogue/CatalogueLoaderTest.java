package org.audiu.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.AudioFeatures;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogues built from a configuration: the embedded demo and a CSV dataset with playlists. */
class CatalogueLoaderTest {
    private static final String HEADER = "track_id,track_name,track_artist,playlist_name,playlist_id,playlist_genre,"
            + "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo";

    @Test
    void theDemoCatalogueComesWithTheDemoListenersPlaylists() {
        Catalogue c = new CatalogueLoader(Plugins.fromClasspath()).load(AudiuConfig.defaults(),
                AudioFeatures.DEFAULT_MODEL_FEATURES);
        assertTrue(c.size() > 1000, c.toString());
        assertEquals(AudioFeatures.DEFAULT_MODEL_FEATURES, c.schema());
        assertTrue(c.genres().size() >= 2, "the demo has genre labels: " + c.genres());
        assertFalse(c.playlists().isEmpty(), "the demo listener's playlists");
        assertTrue(c.playlists().iterator().next().name().endsWith("(demo listener)"));
    }

    @Test
    void aDatasetCatalogueKeepsItsPlaylists(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("tracks.csv");
        Files.writeString(csv, String.join("\n", HEADER,
                "a1,Velvet Horizon,The Comets,Late jazz,pl1,jazz,0.5,0.4,5,-8,1,0.05,0.6,0.1,0.1,0.4,100",
                "a2,Blue Velvet,Ava Hart,Late jazz,pl1,jazz,0.4,0.3,2,-9,0,0.04,0.7,0.2,0.1,0.3,90",
                "a3,Horizon,Ava Hart,Loud,pl2,rock,0.6,0.9,7,-4,1,0.06,0.1,0.0,0.2,0.6,140",
                ""), StandardCharsets.UTF_8);
        AudiuConfig config = new AudiuConfig(Map.of("features", "dataset", "features.dataset.path", "tracks.csv",
                "candidates.source", "dataset", "candidates.path", "tracks.csv"), dir, "test");
        Catalogue c = new CatalogueLoader(Plugins.fromClasspath()).load(config, AudioFeatures.DEFAULT_MODEL_FEATURES);
        assertEquals(3, c.size());
        assertEquals("dataset tracks.csv", c.source());
        assertEquals(List.of("a1", "a2"), c.playlist("pl1").orElseThrow().trackIds());
        assertEquals("Late jazz", c.playlist("pl1").orElseThrow().name());
        assertEquals(List.of("a2", "a3"), c.artist("AVA HART").orElseThrow().trackIds());
        assertEquals(0.5, c.track("a1").orElseThrow().features().get("danceability"), 1e-12);
    }
}
