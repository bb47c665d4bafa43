package org.audiu.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.testkit.CentroidTrainer;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.Test;

class RecommendationEngineTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());

    private static RecommendationEngine demo(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("model", "test-centroid"));
        values.putAll(extra);
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE);
    }

    @Test
    void noHeldOutAucIsReportedOnFewerThanTenHeldOutLikedTracks() {
        // 3% of 150 liked + 450 sampled rows: about 18 held out, 4 or 5 of them liked. An AUC on those says nothing
        // (before, it was reported as if it did).
        RunReport few = demo(Map.of("training.holdout", "0.03")).recommend().report();
        assertTrue(Double.isNaN(few.holdoutAuc()), "held-out AUC " + few.holdoutAuc());
        RunReport enough = demo(Map.of()).recommend().report();
        assertTrue(enough.holdoutAuc() > 0.7, "20%: about 30 liked held out, AUC " + enough.holdoutAuc());
    }

    @Test
    void recommendsNewTracksThatFollowTheDemoListenersTaste() {
        RecommendationResult result = demo(Map.of()).recommend();
        List<Recommendation> recs = result.recommendations();
        assertEquals(20, recs.size());
        ListenerLibrary library = new org.audiu.core.demo.DemoFactories.LibraryFactory().create(
                org.audiu.core.config.ComponentConfig.of("library source", "demo", Map.of(), 42)).load();
        Set<String> known = library.tracksById().keySet();
        assertTrue(recs.stream().noneMatch(r -> known.contains(r.track().id())), "library tracks are excluded");
        Map<String, Long> perArtist = recs.stream().collect(Collectors.groupingBy(r -> r.track().mainArtist(),
                Collectors.counting()));
        assertTrue(perArtist.values().stream().allMatch(n -> n <= 2), "artist cap: " + perArtist);
        long inTaste = recs.stream().filter(r -> Set.of("Jazz", "Blues").contains(r.track().genre().orElse("")))
                .count();
        assertTrue(inTaste >= 12, "most recommendations should be jazz or blues, got " + inTaste + "/20");
        for (int i = 1; i < recs.size(); i++) {
            assertTrue(recs.get(i - 1).score() >= recs.get(i).score(), "sorted by score");
        }
        assertTrue(recs.stream().allMatch(r -> r.reasons().size() >= 2), "every recommendation explains itself");
        assertTrue(recs.get(0).reasons().get(0).startsWith("sounds close to")
                || recs.get(0).reasons().get(0).startsWith("nearest to"), recs.get(0).reasons().toString());
        RunReport report = result.report();
        assertEquals(150, report.libraryTracks());
        assertEquals(150, report.libraryWithFeatures());
        assertEquals(6000 - 150, report.poolSize());
        assertTrue(report.holdoutAuc() > 0.7, "held-out AUC " + report.holdoutAuc());
        assertEquals("test-centroid", report.components().get("model"));
    }

    @Test
    void sameSeedSameRecommendationsOtherSeedOthers() {
        List<String> a = ids(demo(Map.of()).recommend());
        List<String> b = ids(demo(Map.of()).recommend());
        List<String> c = ids(demo(Map.of("seed", "7")).recommend());
        assertEquals(a, b);
        assertFalse(a.equals(c));
    }

    private static List<String> ids(RecommendationResult r) {
        return r.recommendations().stream().map(x -> x.track().id()).toList();
    }

    @Test
    void unknownModelNameFailsBeforeAnyWork() {
        ConfigException e = assertThrows(ConfigException.class, () -> demo(Map.of("model", "random-forrest")));
        assertTrue(e.getMessage().contains("No trainer named 'random-forrest'"), e.getMessage());
        assertTrue(e.getMessage().contains("test-centroid"), e.getMessage());
    }

    @Test
    void unknownEngineKeyFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> demo(Map.of("training.negatives", "3")));
        assertTrue(e.getMessage().contains("training.negatives-per-liked"), e.getMessage());
    }

    @Test
    void poolSmallerThanTheLimitIsAClearError() {
        DataException e = assertThrows(DataException.class, () -> demo(Map.of("recommendations", "9000"))
                .recommend());
        assertTrue(e.getMessage().matches("The candidate pool has only 58\\d\\d tracks outside the library.*"),
                e.getMessage());
        assertTrue(e.getMessage().contains("recommendations = 9000"), e.getMessage());
    }

    @Test
    void emptyLibraryIsAClearError() {
        RecommendationEngine base = demo(Map.of());
        RecommendationEngine empty = new RecommendationEngine(ListenerLibrary::empty, l -> {
            throw new AssertionError("not reached");
        }, new org.audiu.core.features.FeatureProviderChain(List.of(), base.settings().schema()), Stream::empty,
                new CentroidTrainer(1), base.settings(), Map.of("library.source", "test"), ProgressReporter.NONE);
        DataException e = assertThrows(DataException.class, empty::recommend);
        assertTrue(e.getMessage().contains("library is empty"), e.getMessage());
    }

    @Test
    void tracksWithoutFeaturesAreReportedNotDropped() {
        RecommendationEngine base = demo(Map.of());
        ListenerLibrary demoLibrary = new org.audiu.core.demo.DemoFactories.LibraryFactory().create(
                org.audiu.core.config.ComponentConfig.of("library source", "demo", Map.of(), 42)).load();
        Track stranger = TestData.track("not-in-any-provider", "Nobody");
        ListenerLibrary library = new ListenerLibrary(
                Stream.concat(demoLibrary.savedTracks().stream(), Stream.of(new org.audiu.core.SavedTrack(stranger,
                        java.time.Instant.EPOCH))).toList(), List.of(), Map.of(), Map.of(), List.of());
        var demoFeatures = new org.audiu.core.demo.DemoFactories.FeaturesFactory().create(
                org.audiu.core.config.ComponentConfig.of("feature provider", "demo", Map.of(), 42));
        var demoCandidates = new org.audiu.core.demo.DemoFactories.CandidatesFactory().create(
                org.audiu.core.config.ComponentConfig.of("candidate source", "demo", Map.of(), 42));
        // Candidates without inline features go through the chain too.
        org.audiu.core.spi.candidates.CandidateSource bare = () -> demoCandidates.candidates().map(c -> Candidate.of(c.track()));
        RecommendationEngine engine = new RecommendationEngine(() -> library,
                lib -> new org.audiu.core.spi.preference.PreferenceScores(Map.of(), Map.of(), List.of()),
                new org.audiu.core.features.FeatureProviderChain(List.of(
                        new org.audiu.core.features.NamedFeatureProvider("demo", demoFeatures)),
                        base.settings().schema()), bare, new CentroidTrainer(1), base.settings(), Map.of(),
                ProgressReporter.NONE);
        RecommendationResult result = engine.recommend();
        assertEquals(List.of("not-in-any-provider"), result.report().libraryMissingIds());
        assertEquals(150, result.report().libraryWithFeatures());
        assertEquals(20, result.recommendations().size());
        assertEquals(Map.of("demo", 150), result.report().featuresByProvider());
    }
}
