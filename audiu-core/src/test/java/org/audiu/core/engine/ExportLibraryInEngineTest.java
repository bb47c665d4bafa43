package org.audiu.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.Artist;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;

/** Banned tracks and artists of an export: never recommended; banned tracks train as negatives, not as liked. */
class ExportLibraryInEngineTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());

    @Test
    void bannedTracksAndArtistsAreNeverRecommendedAndBannedTracksTrainAsNegatives() {
        RecommendationEngine engine = RecommendationEngine.fromConfig(new AudiuConfig(Map.of("model", "test-centroid"),
                Path.of("."), "test"), PLUGINS, ProgressReporter.NONE);
        RecommendationResult before = engine.recommend();
        Track first = before.recommendations().get(0).track();
        String otherArtist = before.recommendations().stream().map(r -> r.track().mainArtist())
                .filter(a -> !a.equals(first.mainArtist())).findFirst().orElseThrow();
        ListenerLibrary configured = engine.librarySource().load();
        ListenerLibrary bans = new ListenerLibrary(List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(),
                List.of(), List.of(first), List.of(Artist.named(otherArtist.toUpperCase(java.util.Locale.ROOT))));
        RecommendationResult after = engine.withLibrary(() -> configured.plus(bans), "demo + bans").recommend();

        for (Recommendation r : after.recommendations()) {
            assertNotEquals(first.id(), r.track().id(), "a banned track is never recommended");
            assertFalse(r.track().artists().contains(otherArtist), "a banned artist's track is never recommended: "
                    + r.track());
        }
        assertEquals(before.recommendations().size(), after.recommendations().size());
        assertEquals(before.report().likedExamples(), after.report().likedExamples(), "a banned track is not liked");
        long sampledMore = Math.round(engine.settings().negativesPerLiked());
        assertEquals(before.report().negativeExamples() + 1 + sampledMore, after.report().negativeExamples(),
                "the banned track trains as a negative (and, a library track with features, asks the pool sample "
                + "for its share of sampled negatives as every library track does)");
    }
}
