package org.audiu.cli.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Consumer;
import org.audiu.cli.TwoStageEngine;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.engine.PoolSample;
import org.audiu.core.engine.PreparedListener;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.features.NamedFeatureProvider;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.twostage.ModelScores;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.audiu.core.twostage.TwoStageRecommender;
import org.audiu.core.twostage.TwoStageSettings;
import org.audiu.models.ranking.RankerTraining;

/**
 * The two-stage recommender (issue 24 part 5) on a generated playlist catalogue of {@code pool} tracks held in
 * memory (retrieval reads the whole catalogue and its playlists, so it cannot be streamed): a ranker trained on a
 * small generated catalogue of the same make through {@code audiu ranker train}'s code path, a playlist listener's
 * own model (the default, logistic) trained over the big one, then the time to rank the pool for that listener after
 * training (the model's score of every pool track, the retrievers, the pair features of at most N candidates, the
 * ranker, the artist cap) and the heap's peak while ranking, against the goals 0.5 s and 256 MB. The layout built
 * once per catalogue (positions, groups, the audio kernel) is timed apart.
 */
public final class TwoStageBenchmark {
    /** Goals of ranking a 1 M-track pool after training (issue 24 part 5). */
    static final double GOAL_SECONDS = 0.5;
    static final long GOAL_HEAP_BYTES = 256L * 1024 * 1024;
    private static final int TRACKS_PER_ARTIST = 8;
    private static final int PLAYLIST_SIZE = 25;

    /** @param trainingTracks tracks of the small catalogue the ranker is trained on */
    public record Options(long pool, int warmups, int runs, long seed, int trainingTracks) {
    }

    private final Options options;
    private final Consumer<String> log;

    public TwoStageBenchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    public Map<String, Object> run(Plugins plugins) throws Exception {
        int n = Math.toIntExact(options.pool());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pool", n);
        out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        Path dir = Files.createTempDirectory("audiu-bench-two-stage");
        try {
            Path small = dir.resolve("ranker-catalogue.csv");
            writeCsv(small, options.trainingTracks(), options.seed());
            AudiuConfig config = new AudiuConfig(Map.of("seed", Long.toString(options.seed())), dir,
                    "audiu bench (two-stage)");
            long t0 = System.nanoTime();
            RankerTraining.Trained trained = RankerTraining.train(small, config, PlaylistSplitter.standard(),
                    Runtime.getRuntime().availableProcessors());
            out.put("rankerTrainSeconds", (System.nanoTime() - t0) / 1e9);
            out.put("ranker", trained.ranker().describe());
            out.put("rankerQueries", trained.ranker().trainedOn().size());
            log.accept(String.format(Locale.ROOT, "  ranker trained on %d playlists of a %,d-track catalogue in %.1f s",
                    trained.ranker().trainedOn().size(), options.trainingTracks(),
                    (Double) out.get("rankerTrainSeconds")));

            long t1 = System.nanoTime();
            EvaluationCatalogue catalogue = new EvaluationCatalogue(dataset(dir.resolve("pool.csv"), n,
                    options.seed()));
            TwoStageCatalogue positions = new TwoStageCatalogue(catalogue);
            TwoStageSettings settings = TwoStageSettings.from(config);
            TwoStageRecommender recommender = new TwoStageRecommender(positions, settings, trained.ranker());
            out.put("layoutSeconds", (System.nanoTime() - t1) / 1e9);
            out.put("playlists", catalogue.dataset().playlists().size());
            out.put("candidates", settings.candidates());
            out.put("retrievers", settings.retrieverNames());

            DatasetPlaylist own = catalogue.dataset().playlists().values().iterator().next();
            List<PlaylistItem> items = own.trackIds().stream()
                    .map(id -> PlaylistItem.of(catalogue.track(catalogue.indexOf(id)))).toList();
            ListenerLibrary library = new ListenerLibrary(List.of(), List.of(new Playlist(own.id(), own.name(), true,
                    items)), Map.of(), Map.of(), List.of());
            RecommendationEngine base = RecommendationEngine.fromConfig(config, plugins, ProgressReporter.NONE);
            RecommendationEngine engine = base.withSources(() -> library, catalogue, new FeatureProviderChain(
                    List.of(new NamedFeatureProvider("dataset", catalogue)), base.settings().schema()),
                    Map.of("library.source", "bench", "candidates.source", "bench", "features", "dataset"));
            long t2 = System.nanoTime();
            PreparedListener prepared = engine.prepare();
            PoolSample sample = engine.samplePool(prepared);
            TrainedRecommender model = engine.recommender(prepared, sample, engine.train(prepared, sample));
            out.put("listenerModelSeconds", (System.nanoTime() - t2) / 1e9);
            out.put("listenerModel", model.provenance().components().get("model"));
            out.put("libraryTracks", items.size());
            int k = 20;
            List<String> trackIds = own.trackIds();
            List<String> playlistIds = List.of(own.id());
            Measurement.Task rank = () -> {
                // the steps of TwoStageEngine.recommend, which recommend --ranker and serve run
                boolean[] excluded = TwoStageEngine.excluded(catalogue, model, null);
                double[] scores = ModelScores.of(model, catalogue, excluded);
                List<Recommendation> recs = recommender.recommend(trackIds, playlistIds, scores, excluded, k,
                        model.perArtist(k));
                if (recs.size() != k) {
                    throw new IllegalStateException("the two-stage recommender returned " + recs.size() + " of " + k);
                }
            };
            // The first ranking builds what the retrievers keep per catalogue (the audio kernel): timed apart.
            long t3 = System.nanoTime();
            rank.run();
            out.put("firstRankSeconds", (System.nanoTime() - t3) / 1e9);
            for (int i = 0; i < options.warmups(); i++) {
                rank.run();
            }
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            System.gc();
            long resident = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            Measurement m = Measurement.of(0, options.runs(), n, rank);
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            Map<String, Object> r = new LinkedHashMap<>(m.toMap());
            r.put("recommendations", k);
            r.put("goalSeconds", GOAL_SECONDS);
            r.put("goalMet", m.meanSeconds() <= GOAL_SECONDS);
            out.put("rankAfterTraining", r);
            out.put("residentHeapBytes", resident);
            out.put("residentHeapNote", "heap in use after a collection before ranking: the catalogue in memory, its "
                    + "two-stage layout and the audio kernel");
            out.put("peakHeapBytes", peak);
            out.put("peakHeapNote", "sum of the heap pools' peaks while ranking, the resident catalogue included (an "
                    + "upper bound)");
            out.put("goalHeapBytes", GOAL_HEAP_BYTES);
            out.put("heapGoalMet", peak <= GOAL_HEAP_BYTES);
            log.accept(String.format(Locale.ROOT, "  ranked %,d tracks in %.2f s (sd %.2f), peak heap %.0f MB "
                    + "(resident %.0f MB)", n, m.meanSeconds(), m.sdSeconds(), peak / 1048576.0,
                    resident / 1048576.0));
            return out;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The generated catalogue: artists of 8 tracks, albums of 4, playlists of 25 near-neighbours in id order. */
    static TrackDataset dataset(Path name, int tracks, long seed) {
        Random r = new Random(seed);
        FeatureSchema schema = AudioFeatures.STANDARD;
        Map<String, DatasetTrack> byId = new LinkedHashMap<>();
        int playlistCount = Math.max(1, tracks / PLAYLIST_SIZE);
        List<List<String>> members = new ArrayList<>(playlistCount);
        for (int p = 0; p < playlistCount; p++) {
            members.add(new ArrayList<>());
        }
        for (int t = 0; t < tracks; t++) {
            String id = "t" + t;
            int p = Math.min(playlistCount - 1, t / PLAYLIST_SIZE);
            List<String> in = new ArrayList<>(2);
            in.add("p" + p);
            members.get(p).add(id);
            if (r.nextDouble() < 0.3) {
                int other = Math.floorMod(p + r.nextInt(5) - 2, playlistCount);
                if (other != p) {
                    in.add("p" + other);
                    members.get(other).add(id);
                }
            }
            Track track = new Track(id, "Song " + t, List.of("Artist " + t / TRACKS_PER_ARTIST), "Album " + t / 4,
                    OptionalInt.of(1970 + (t / TRACKS_PER_ARTIST) % 55), 180_000 + r.nextInt(60_000), false,
                    OptionalDouble.of(r.nextInt(100)), Optional.empty(), Optional.empty());
            byId.put(id, new DatasetTrack(track, new FeatureVector(schema, features(r, t)), Optional.empty(),
                    List.of(), List.copyOf(in), t + 2));
        }
        Map<String, DatasetPlaylist> playlists = new LinkedHashMap<>();
        for (int p = 0; p < playlistCount; p++) {
            playlists.put("p" + p, new DatasetPlaylist("p" + p, "Playlist " + p, "", members.get(p)));
        }
        return new TrackDataset(name, schema, Optional.empty(), byId, playlists, tracks, 0, 0, 0, List.of());
    }

    /** The 13 standard features in {@link AudioFeatures#STANDARD} order; a playlist's tracks sound alike. */
    private static double[] features(Random r, int t) {
        double centre = ((t / PLAYLIST_SIZE) % 10) / 10.0;
        return new double[] {clamp(centre + r.nextGaussian() * 0.1), clamp(1 - centre + r.nextGaussian() * 0.1),
            r.nextInt(12), -5 - r.nextInt(10), r.nextInt(2), r.nextDouble() * 0.2, r.nextDouble(),
            r.nextDouble() * 0.5, r.nextDouble() * 0.3, r.nextDouble(), 90 + r.nextInt(60), 180_000 + r.nextInt(60_000),
            4};
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The same catalogue as a CSV in the "30000 Spotify songs" layout, one row per playlist membership. */
    static void writeCsv(Path file, int tracks, long seed) throws IOException {
        TrackDataset d = dataset(file, tracks, seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("track_id,track_name,track_artist,track_popularity,track_album_name,track_album_release_date,"
                    + "playlist_name,playlist_id,playlist_genre," + String.join(",", AudioFeatures.STANDARD.names())
                    + "\n");
            for (DatasetTrack t : d.tracks().values()) {
                for (String p : t.playlistIds()) {
                    StringBuilder row = new StringBuilder();
                    Track track = t.track();
                    row.append(track.id()).append(',').append(track.name()).append(',').append(track.mainArtist())
                            .append(',').append((int) track.popularity().orElse(0)).append(',').append(track.album())
                            .append(',').append(track.releaseYear().getAsInt()).append("-01-01,")
                            .append(d.playlists().get(p).name()).append(',').append(p).append(",pop");
                    for (double v : t.features().values()) {
                        row.append(',').append(v);
                    }
                    w.write(row.append('\n').toString());
                }
            }
        }
    }
}
