package org.audiu.cli.serve;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server is set up.
 *
 * @param recommendModel trainer of the per-request preference model (fast: it is trained for every request)
 * @param genreModel     trainer of the genre classifier, trained once at startup
 * @param limits         what one request may ask for
 * @param cacheSize      recommendation responses kept (least recently used first out; 0 disables)
 * @param recommenderCacheSize trained recommenders kept by seeds, reused across requests with other limits
 *                       (least recently used first out; 0 disables)
 * @param maxConcurrent  recommendation runs at once (more wait, up to {@code busyTimeoutMillis})
 * @param busyTimeoutMillis how long a request waits for a free slot before a 503
 * @param genreHoldout   share of artists held out to measure the genre model
 * @param minNegativesPerSeed negatives sampled per seed track at least (the configured value is kept when higher)
 * @param minModelSeeds seeds standing for fewer tracks are ranked by neighbours, not a model trained on them
 * @param rankerFile    the two-stage recommender's ranker ({@code --ranker FILE}); empty: {@code
 *                      two-stage.ranker-file} when configured, else the single-stage engine ranks
 */
public record ServeOptions(TrainerChoice recommendModel, TrainerChoice genreModel, ApiLimits limits, int cacheSize,
                           int recommenderCacheSize, int maxConcurrent, long busyTimeoutMillis, double genreHoldout,
                           double minNegativesPerSeed, int minModelSeeds, Optional<Path> rankerFile) {
    /** Trainer names used when none is given. */
    public static final String DEFAULT_RECOMMEND_MODEL = "random-forest";
    public static final String DEFAULT_GENRE_MODEL = "random-forest";

    /**
     * Parameters used for a trainer when the command line gives none: forests small enough to train per request
     * (recommendations) or within seconds at startup (genres).
     */
    public static final Map<String, Map<String, String>> RECOMMEND_DEFAULTS = Map.of(
            "random-forest", Map.of("trees", "20", "max-depth", "8"));
    public static final Map<String, Map<String, String>> GENRE_DEFAULTS = Map.of(
            "random-forest", Map.of("trees", "30", "max-depth", "10"));

    public ServeOptions {
        Objects.requireNonNull(recommendModel, "recommendModel");
        Objects.requireNonNull(genreModel, "genreModel");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(rankerFile, "rankerFile");
        if (cacheSize < 0 || recommenderCacheSize < 0 || maxConcurrent < 1 || busyTimeoutMillis < 0
                || !(genreHoldout >= 0 && genreHoldout < 1)
                || !(minNegativesPerSeed > 0) || minModelSeeds < 1) {
            throw new IllegalArgumentException("Invalid serve options: cacheSize " + cacheSize
                    + ", recommenderCacheSize " + recommenderCacheSize + ", maxConcurrent "
                    + maxConcurrent + ", busyTimeoutMillis " + busyTimeoutMillis + ", genreHoldout " + genreHoldout
                    + ", minNegativesPerSeed " + minNegativesPerSeed + ", minModelSeeds " + minModelSeeds);
        }
    }

    public static ServeOptions defaults() {
        return new ServeOptions(
                TrainerChoice.of(DEFAULT_RECOMMEND_MODEL, Map.of(), RECOMMEND_DEFAULTS, "--recommend-param "),
                TrainerChoice.of(DEFAULT_GENRE_MODEL, Map.of(), GENRE_DEFAULTS, "--genre-param "),
                ApiLimits.defaults(), 256, 64, Math.max(2, Runtime.getRuntime().availableProcessors()), 30_000, 0.2,
                10, SeedRecommender.DEFAULT_MIN_MODEL_SEEDS, Optional.empty());
    }

    public ServeOptions withGenreModel(TrainerChoice value) {
        return new ServeOptions(recommendModel, value, limits, cacheSize, recommenderCacheSize, maxConcurrent,
                busyTimeoutMillis, genreHoldout, minNegativesPerSeed, minModelSeeds, rankerFile);
    }

    public ServeOptions withRecommendModel(TrainerChoice value) {
        return new ServeOptions(value, genreModel, limits, cacheSize, recommenderCacheSize, maxConcurrent,
                busyTimeoutMillis, genreHoldout, minNegativesPerSeed, minModelSeeds, rankerFile);
    }

    public ServeOptions withRecommenderCacheSize(int value) {
        return new ServeOptions(recommendModel, genreModel, limits, cacheSize, value, maxConcurrent, busyTimeoutMillis,
                genreHoldout, minNegativesPerSeed, minModelSeeds, rankerFile);
    }

    public ServeOptions withMinModelSeeds(int value) {
        return new ServeOptions(recommendModel, genreModel, limits, cacheSize, recommenderCacheSize, maxConcurrent,
                busyTimeoutMillis, genreHoldout, minNegativesPerSeed, value, rankerFile);
    }

    public ServeOptions withCacheSize(int value) {
        return new ServeOptions(recommendModel, genreModel, limits, value, recommenderCacheSize, maxConcurrent,
                busyTimeoutMillis, genreHoldout, minNegativesPerSeed, minModelSeeds, rankerFile);
    }

    public ServeOptions withRankerFile(Optional<Path> value) {
        return new ServeOptions(recommendModel, genreModel, limits, cacheSize, recommenderCacheSize, maxConcurrent,
                busyTimeoutMillis, genreHoldout, minNegativesPerSeed, minModelSeeds, value);
    }
}
