package org.audiu.core.recommender;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.audiu.core.Recommendation;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.testkit.CentroidTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained recommender saved and loaded scores and ranks exactly as the one that was trained. */
class TrainedRecommenderFilesTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());

    @TempDir
    Path tmp;

    private static RecommendationEngine demo(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("model", "test-centroid"));
        values.putAll(extra);
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("."), "test"), PLUGINS,
                ProgressReporter.NONE);
    }

    /** The demo pool's first candidates as rows, through the same lookup the engine uses. */
    private static List<CandidateRow> rows(TrainedRecommender r, int n) {
        var source = new org.audiu.core.demo.DemoFactories.CandidatesFactory().create(
                org.audiu.core.config.ComponentConfig.of("candidate source", "demo", Map.of(), 42));
        var chain = new FeatureProviderChain(List.of(new NamedFeatureProvider("demo",
                new org.audiu.core.demo.DemoFactories.FeaturesFactory().create(
                        org.audiu.core.config.ComponentConfig.of("feature provider", "demo", Map.of(), 42)))),
                r.baseSchema());
        List<Candidate> candidates;
        try (Stream<Candidate> s = source.candidates()) {
            candidates = s.limit(n).toList();
        }
        return new CandidateFeatures(chain).rows(candidates).rows();
    }

    @Test
    void aLoadedRecommenderScoresAndRanksExactlyAsTheTrainedOne() throws Exception {
        RecommendationEngine engine = demo(Map.of());
        RecommendationResult fresh = engine.recommend();
        TrainedRecommender trained = fresh.recommender();
        Path file = tmp.resolve("listener.recommender");
        RecommenderFiles.save(trained, file);
        TrainedRecommender loaded = RecommenderFiles.load(file);

        List<CandidateRow> batch = rows(trained, 2000);
        assertEquals(2000, batch.size());
        assertArrayEquals(trained.score(batch), loaded.score(batch), "scores after load");
        assertEquals(trained.modelSchema(), loaded.modelSchema());
        assertEquals(trained.listenerFeatures().used(), loaded.listenerFeatures().used());
        assertEquals(trained.listenerFeatures().droppedColumns(), loaded.listenerFeatures().droppedColumns());
        assertEquals(trained.provenance(), loaded.provenance());

        RecommendationResult again = demo(Map.of()).recommendWith(loaded);
        assertEquals(describe(fresh.recommendations()), describe(again.recommendations()),
                "ranking the pool with the loaded recommender gives the fresh run's list");
        assertEquals(fresh.report().poolSize(), again.report().poolSize());
    }

    @Test
    void trainThenRankEqualsOneRun() {
        List<String> fresh = describe(demo(Map.of()).recommend().recommendations());
        RecommendationEngine engine = demo(Map.of());
        TrainedRecommender trained = engine.train();
        assertEquals(fresh, describe(engine.recommendWith(trained).recommendations()));
    }

    @Test
    void recommendationsSkipTheLibraryAndKeepTheArtistCap() {
        TrainedRecommender r = demo(Map.of("recommendations.per-artist", "1",
                "recommendations.per-artist.adaptive", "false")).train();
        List<CandidateRow> pool = rows(r, 6000);
        List<Recommendation> top = r.recommend(pool.stream(), 30);
        assertEquals(30, top.size());
        assertTrue(top.stream().noneMatch(x -> r.excludes(x.track())));
        assertEquals(30, top.stream().map(x -> x.track().mainArtist()).distinct().count(), "one per artist");
        List<Recommendation> again = r.recommend(pool.iterator(), 30, 7);
        assertEquals(describe(top), describe(again), "the batch size does not change the answer");
    }

    @Test
    void theSameSongUnderAnotherIdIsRecommendedOnceTheBestScoredCopy() {
        TrainedRecommender r = demo(Map.of("recommendations.per-artist", "3")).train();
        List<CandidateRow> original = rows(r, 6000);
        java.util.Random random = new java.util.Random(5);
        List<CandidateRow> pool = new ArrayList<>(original);
        for (CandidateRow c : original) {
            // The same artist and title under other ids: one with the same features, one with another track's.
            pool.add(new CandidateRow(copy(c.track(), c.track().id() + "-same"), c.features()));
            pool.add(new CandidateRow(copy(c.track(), c.track().id() + "-other"),
                    original.get(random.nextInt(original.size())).features()));
        }
        java.util.Collections.shuffle(pool, random);
        double[] scores = r.score(pool);
        Map<String, Double> bestOfSong = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            bestOfSong.merge(LibraryExclusions.songKey(pool.get(i).track()), scores[i], Math::max);
        }

        for (int batch : new int[] {TrainedRecommender.DEFAULT_BATCH, 7}) {
            List<Recommendation> top = r.recommend(pool.iterator(), 40, batch);
            assertEquals(40, top.size(), "dropped copies leave no gap");
            List<String> songs = top.stream().map(x -> LibraryExclusions.songKey(x.track())).toList();
            assertEquals(songs.size(), new java.util.HashSet<>(songs).size(), "each song once: " + songs);
            for (Recommendation x : top) {
                assertEquals(bestOfSong.get(LibraryExclusions.songKey(x.track())), x.score(), 0.0,
                        "the best-scored copy of " + x.track().name() + " is kept");
            }
        }
    }

    private static org.audiu.core.Track copy(org.audiu.core.Track t, String id) {
        return new org.audiu.core.Track(id, t.name(), t.artists(), t.album(), t.releaseYear(), t.durationMs(),
                t.explicit(), t.popularity(), t.isrc(), t.genre());
    }

    @Test
    void theAdaptiveCapGrowsWithTheLibrarysTopArtistAndSurvivesSaving() throws Exception {
        TrainedRecommender r = demo(Map.of("recommendations.per-artist", "1")).train();
        ArtistCap cap = r.artistCap();
        assertTrue(cap.isAdaptive() && cap.minimum() == 1, cap.toString());
        int expected = Math.max(1, (int) Math.ceil(cap.topArtistShare() * 30 - 1e-9));
        assertEquals(expected, r.perArtist(30));
        assertTrue(expected > 1, "the demo library's top artist has more than 1/30 of it: " + cap);
        List<Recommendation> top = r.recommend(rows(r, 6000).stream(), 30);
        Map<String, Long> perArtist = top.stream().collect(java.util.stream.Collectors.groupingBy(
                x -> x.track().mainArtist(), java.util.stream.Collectors.counting()));
        assertTrue(perArtist.values().stream().allMatch(n -> n <= expected), perArtist + " capped at " + expected);
        assertEquals(cap, RecommenderFiles.fromBytes(RecommenderFiles.toBytes(r), "test",
                getClass().getClassLoader()).artistCap());
    }

    @Test
    void aTruncatedFileFailsNamingIt() throws Exception {
        Path file = tmp.resolve("r.recommender");
        RecommenderFiles.save(demo(Map.of()).train(), file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = tmp.resolve("cut.recommender");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> RecommenderFiles.load(cut));
        assertTrue(e.getMessage().contains(cut.toAbsolutePath().toString()) && e.getMessage().contains("truncated"),
                e.getMessage());
    }

    @Test
    void aForeignOrOtherFileFailsClearly() throws Exception {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "hello");
        ModelFileException e = assertThrows(ModelFileException.class, () -> RecommenderFiles.load(text));
        assertTrue(e.getMessage().contains("not an audiU model"), e.getMessage());

        Properties meta = new Properties();
        meta.setProperty("kind", "forest");
        Path model = tmp.resolve("genres.model");
        Files.write(model, ModelArchive.toBytes(meta, Map.of("x.bin", new byte[] {1})));
        e = assertThrows(ModelFileException.class, () -> RecommenderFiles.load(model));
        assertTrue(e.getMessage().contains("not a trained recommender") && e.getMessage().contains("audiu train"),
                e.getMessage());
    }

    @Test
    void aModelFormatWithoutReaderNamesTheReadersFound() throws Exception {
        byte[] bytes = RecommenderFiles.toBytes(demo(Map.of()).train());
        ModelArchive a = ModelArchive.fromBytes(bytes, "mem");
        Properties meta = a.meta();
        meta.setProperty("model.format", "somebody-elses");
        Map<String, byte[]> entries = new HashMap<>();
        for (String key : meta.stringPropertyNames()) {
            if (key.startsWith("entry.") && key.endsWith(".sha256")) {
                String name = key.substring(6, key.length() - 7);
                entries.put(name, a.entry(name));
            }
        }
        meta.keySet().removeIf(k -> k.toString().startsWith("entry."));
        byte[] changed = ModelArchive.toBytes(meta, entries);
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> RecommenderFiles.fromBytes(changed, "other.recommender", getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("'somebody-elses'") && e.getMessage().contains("test-centroid"),
                e.getMessage());
    }

    private static List<String> describe(List<Recommendation> recs) {
        List<String> out = new ArrayList<>();
        for (Recommendation r : recs) {
            out.add(r.track().id() + " " + r.score() + " " + r.reasons());
        }
        return out;
    }
}
