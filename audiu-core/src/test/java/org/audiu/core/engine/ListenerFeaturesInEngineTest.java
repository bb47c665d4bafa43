package org.audiu.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.AudioFeatures;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

class ListenerFeaturesInEngineTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());

    private static RecommendationEngine demo(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("model", "test-centroid"));
        values.putAll(extra);
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE);
    }

    @Test
    void onByDefaultAndLearnedByTheModel() {
        RecommendationEngine engine = demo(Map.of());
        assertEquals(List.of("artist-affinity", "album-affinity", "co-membership", "release-year", "popularity",
                "audio-similarity"), engine.listenerFeatures().names());
        RecommendationResult result = engine.recommend();
        List<String> schema = result.model().schema().names();
        assertEquals(AudioFeatures.DEFAULT_MODEL_FEATURES.names(), schema.subList(0, 12));
        assertTrue(schema.containsAll(List.of("artist_share", "album_share", "year_distance", "popularity_distance",
                "audio_distance")), schema.toString());
        assertTrue(!schema.contains("group_cooccurrence"), "the demo pool knows no playlists: " + schema);
        assertEquals(20, result.recommendations().size());
    }

    /**
     * A library holding every track of its artists: no candidate shares an artist or album with it, so those
     * columns would separate the training rows perfectly and rank nothing. They are dropped for this pool.
     */
    @Test
    void columnsWithOneValueOverThePoolAreDropped() {
        RecommendationEngine engine = demo(Map.of("library.source", "generated", "library.size", "20000",
                "library.artists", "4", "candidates.source", "generated", "candidates.size", "20000", "features",
                "generated", "features.generated.size", "20000"));
        PreparedListener listener = engine.prepare();
        assertEquals(80, listener.liked().size());
        PoolSample sample = engine.samplePool(listener);
        List<String> dropped = sample.relative().droppedColumns();
        assertTrue(dropped.containsAll(List.of("artist_share", "artist_preference", "artist_top", "album_share")),
                dropped.toString());
        assertTrue(sample.relative().schema().names().containsAll(List.of("year_distance", "audio_distance")),
                sample.relative().schema().toString());
        TrainingOutcome training = engine.train(listener, sample);
        assertEquals(sample.relative().schema(), training.model().schema());
        assertEquals(20, engine.rank(engine.recommender(listener, sample, training), 20, sample.poolSize())
                .recommendations().size());
    }

    @Test
    void noneTurnsThemOff() {
        RecommendationResult result = demo(Map.of("listener-features", "none")).recommend();
        assertEquals(AudioFeatures.DEFAULT_MODEL_FEATURES, result.model().schema());
    }

    @Test
    void parametersAndNamesAreChecked() {
        demo(Map.of("listener-features.release-year.window", "3"));
        ConfigException unknown = assertThrows(ConfigException.class, () -> demo(Map.of("listener-features",
                "artist-affinity, album-afinity")));
        assertTrue(unknown.getMessage().contains("No listener feature named 'album-afinity'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("album-affinity"), unknown.getMessage());
        ConfigException badKey = assertThrows(ConfigException.class, () -> demo(Map.of(
                "listener-features.popularity.weight", "2")));
        assertTrue(badKey.getMessage().contains("listener-features.popularity.weight"), badKey.getMessage());
        ConfigException notSelected = assertThrows(ConfigException.class, () -> demo(Map.of("listener-features",
                "popularity", "listener-features.release-year.window", "3")));
        assertTrue(notSelected.getMessage().contains("not in 'listener-features = popularity'"),
                notSelected.getMessage());
    }
}
