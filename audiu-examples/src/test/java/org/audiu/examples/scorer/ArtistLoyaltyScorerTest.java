package org.audiu.examples.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.preference.PreferenceScores;
import org.audiu.core.testkit.PreferenceScorerContractTest;
import org.junit.jupiter.api.Test;

/**
 * The example scorer passes the contract every preference scorer must, created the way the engine creates it: by
 * name through the registry, which finds it through its META-INF/services registration.
 */
class ArtistLoyaltyScorerTest extends PreferenceScorerContractTest {
    private static PreferenceScorer create(Map<String, String> params) {
        ComponentConfig c = new ComponentConfig(PreferenceScorerFactory.KIND.label(), "artist-loyalty", "scorer.",
                params, 1, Path.of("."), "test.properties");
        return Plugins.fromClasspath().create(PreferenceScorerFactory.KIND, "artist-loyalty", c);
    }

    @Override
    protected PreferenceScorer scorer() {
        return create(Map.of());
    }

    @Test
    void isRegisteredByName() {
        assertTrue(Plugins.fromClasspath().names(PreferenceScorerFactory.KIND).contains("artist-loyalty"));
    }

    @Test
    void tracksOfTheArtistSavedAndFiledMostScoreHighest() {
        Track a1 = Track.builder("a1", "A one").artists("Loyal").build();
        Track a2 = Track.builder("a2", "A two").artists("loyal").build();
        Track b = Track.builder("b", "B").artists("Once").build();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ListenerLibrary library = new ListenerLibrary(
                List.of(new SavedTrack(a1, now), new SavedTrack(a2, now), new SavedTrack(b, now)),
                List.of(new Playlist("p", "P", true, List.of(PlaylistItem.of(a1)))), Map.of(), Map.of(), List.of());
        PreferenceScores scores = create(Map.of("playlist-bonus", "1")).score(library);
        assertEquals(1.0, scores.scoreOf("a1"), 1e-12, "2 saved + 1 playlist: the most loyal artist");
        assertEquals(1.0, scores.scoreOf("a2"), 1e-12, "artists compare ignoring case");
        assertEquals(1.0 / 3, scores.scoreOf("b"), 1e-12);
    }

    @Test
    void theBonusIsChecked() {
        assertThrows(ConfigException.class, () -> create(Map.of("playlist-bonus", "-1")));
    }
}
