package org.audiu.spark;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.audiu.core.AudioFeatures;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetFactories;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.demo.DemoCatalog;
import org.audiu.core.engine.CandidateFeatures;
import org.audiu.core.engine.PoolRanking;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;

/**
 * Test data: the demo catalogue written as CSV files in audiU's format (split over several files), and demo listeners
 * of different genres trained with different trainers and saved as recommender files. The local engine's answer
 * for each is its pool pass over the same CSV.
 */
final class DemoCatalogueFixture {
    static final long SEED = 42;
    static final int K = 20;

    /** Listener name, then its trainer (with small settings) and genres. */
    static final List<Map.Entry<String, Map<String, String>>> LISTENERS = List.of(
            Map.entry("jazz-logistic", Map.of("model", "logistic", "library.genres", "Jazz, Blues")),
            Map.entry("rock-forest", Map.of("model", "random-forest", "model.trees", "25", "library.genres",
                    "Rock, Alternative")),
            Map.entry("electronic-xgboost", Map.of("model", "xgboost", "model.trees", "40", "library.genres",
                    "Electronic, Rap")),
            Map.entry("classical-logistic", Map.of("model", "logistic", "library.genres", "Classical",
                    "library.saved-tracks", "60", "recommendations.per-artist", "1")));

    final Path csvFolder;
    final Path wholeCsv;
    final TrackDataset dataset;
    final List<String> listenerNames = new ArrayList<>();
    final Map<String, Path> recommenderFiles = new LinkedHashMap<>();
    final Map<String, TrainedRecommender> recommenders = new LinkedHashMap<>();
    final Map<String, List<Recommendation>> local = new HashMap<>();

    DemoCatalogueFixture(Path dir, int csvFiles) throws IOException {
        csvFolder = Files.createDirectories(dir.resolve("catalogue-csv"));
        wholeCsv = dir.resolve("catalogue.csv");
        writeCsv(DemoCatalog.generate(SEED).tracks(), wholeCsv, csvFolder, csvFiles);
        dataset = new CsvDatasetReader(CsvReadOptions.defaults()).read(wholeCsv);
        for (var e : LISTENERS) {
            Map<String, String> values = new HashMap<>(e.getValue());
            values.put("seed", Long.toString(SEED));
            values.putIfAbsent("recommendations.per-artist", "2");
            TrainedRecommender r = RecommendationEngine.fromConfig(new AudiuConfig(values, dir, "test " + e.getKey()),
                    Plugins.fromClasspath(), ProgressReporter.NONE).train();
            Path file = dir.resolve(e.getKey() + ".recommender");
            RecommenderFiles.save(r, file);
            listenerNames.add(e.getKey());
            recommenderFiles.put(e.getKey(), file);
            recommenders.put(e.getKey(), r);
            local.put(e.getKey(), localEngine(r, dataset));
        }
    }

    /** The local engine's pool pass over a CSV catalogue: the dataset candidate source, features as configured. */
    static List<Recommendation> localEngine(TrainedRecommender r, TrackDataset dataset) {
        return new PoolRanking(new DatasetFactories.DatasetCandidateSource(dataset),
                new CandidateFeatures(new FeatureProviderChain(List.of(), r.baseSchema())),
                TrainedRecommender.DEFAULT_BATCH, ProgressReporter.NONE).rank(r, K, -1).recommendations();
    }

    /** The demo tracks as one CSV file, and the same rows dealt round-robin over {@code files} files. */
    private static void writeCsv(List<DemoCatalog.DemoTrack> tracks, Path whole, Path folder, int files)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("track_id", "track_name", "track_artist", "track_album_name",
                "year", "track_popularity", "genre"));
        header.addAll(AudioFeatures.STANDARD.names());
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get();
        List<CSVPrinter> parts = new ArrayList<>();
        try (CSVPrinter all = new CSVPrinter(Files.newBufferedWriter(whole), format)) {
            for (int f = 0; f < files; f++) {
                Writer w = Files.newBufferedWriter(folder.resolve(String.format("part-%02d.csv", f)));
                parts.add(new CSVPrinter(w, format));
            }
            int i = 0;
            for (DemoCatalog.DemoTrack t : tracks) {
                List<Object> row = new ArrayList<>(List.of(t.track().id(), t.track().name(),
                        String.join(";", t.track().artists()), t.track().album(),
                        t.track().releaseYear().isPresent() ? Integer.toString(t.track().releaseYear().getAsInt()) : "",
                        t.track().popularity().isPresent() ? Double.toString(t.track().popularity().getAsDouble()) : "",
                        t.track().genre().orElse("")));
                for (double v : t.features().project(AudioFeatures.STANDARD)) {
                    row.add(Double.isNaN(v) ? "" : Double.toString(v));
                }
                all.printRecord(row);
                parts.get(i++ % files).printRecord(row);
            }
        } finally {
            for (CSVPrinter p : parts) {
                p.close();
            }
        }
    }
}
