package org.audiu.core.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.testkit.PreferenceScorerContractTest;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;

class WeightedPreferenceScorerTest extends PreferenceScorerContractTest {
    private static PreferenceScorer create(Map<String, String> params) {
        Plugins plugins = Plugins.fromClasspath();
        ComponentConfig c = new ComponentConfig(PreferenceScorerFactory.KIND.label(), "weighted", "scorer.", params,
                1, Path.of("."), "test.properties");
        return plugins.create(PreferenceScorerFactory.KIND, "weighted", c);
    }

    @Override
    protected PreferenceScorer scorer() {
        return create(Map.of());
    }

    @Test
    void signalsWithoutDataAreDroppedAndWeightsRenormalised() {
        Track a = TestData.track("a", "X");
        Track b = Track.builder("b", "B").artists("X").build();
        Track c = Track.builder("c", "C").artists("Y").build();
        // No popularity on b and c, but a has it; no dates, no top lists.
        Track aNoPop = Track.builder("a", "A").artists("X").build();
        ListenerLibrary library = new ListenerLibrary(List.of(), List.of(new Playlist("p", "P", true,
                List.of(PlaylistItem.of(aNoPop), PlaylistItem.of(b), PlaylistItem.of(c)))), Map.of(), Map.of(),
                List.of());
        PreferenceScorer scorer = create(Map.of("weights.popularity", "0.5", "weights.frequency", "0.25",
                "weights.recency", "0.25"));
        var scores = scorer.score(library);
        assertEquals(List.of("popularity", "recency"), scores.droppedSignals());
        assertEquals(Map.of("frequency", 1.0), scores.effectiveWeights());
        assertTrue(scores.scoreOf("b") > scores.scoreOf("c"), "artist X recurs, Y does not");
        assertTrue(a.popularity().isPresent());
    }

    @Test
    void weightsAreConfigurable() {
        ListenerLibrary library = TestData.smallLibrary();
        var onlyTop = create(Map.of("weights.top-tracks", "1")).score(library);
        assertEquals(1.0, onlyTop.scoreOf("lib0"), 1e-9);
        assertEquals(0.0, onlyTop.scoreOf("lib5"), 1e-9);
    }

    @Test
    void unknownSignalNameInWeightsFailsWithAvailableNames() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(Map.of("weights.populrity", "1")));
        assertTrue(e.getMessage().contains("No preference signal named 'populrity'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'popularity'?"), e.getMessage());
    }

    @Test
    void negativeWeightIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(Map.of("weights.frequency", "-1")));
        assertTrue(e.getMessage().contains("scorer.weights.frequency"), e.getMessage());
    }

    @Test
    void signalParameterForUnweightedSignalIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(Map.of("weights.frequency", "1",
                "signals.recency.half-life-days", "3")));
        assertTrue(e.getMessage().contains("no weight"), e.getMessage());
    }

    @Test
    void unknownSignalParameterIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(Map.of("weights.recency", "1",
                "signals.recency.half-life", "3")));
        assertTrue(e.getMessage().contains("scorer.signals.recency.half-life"), e.getMessage());
        assertTrue(e.getMessage().contains("scorer.signals.recency.half-life-days"), e.getMessage());
    }

    @Test
    void recencyIsRelativeToTheNewestEvent() {
        var scores = new RecencySignal(7).score(TestData.smallLibrary()).orElseThrow();
        assertEquals(1.0, scores.get("lib0"), 1e-9);
        assertEquals(0.5, scores.get("lib1"), 1e-9);
    }
}
