package org.audiu.cli.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.cli.serve.ApiViews.TrackView;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.FeatureVector;
import org.audiu.core.Recommendation;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.engine.RunReport;
import org.audiu.core.history.HistoryProblem;
import org.audiu.core.history.HistoryReadReport;
import org.audiu.core.history.HistoryReader;
import org.audiu.core.history.ListeningHistory;
import org.audiu.core.history.LoadedHistory;

/**
 * {@code POST /api/recommendations/upload}: a visitor's own export in, their recommendations with reasons, a report
 * of what was read and matched, six charts and (on request) the downloads out. Independent of the HTTP server: it
 * gets the body's parts, the query and the client's address. Nothing of an upload is written anywhere or logged,
 * and nothing is kept once the response is made, except, with {@code --keep-recommenders}, the trained recommender
 * in memory under the SHA-256 of the upload. Thread-safe.
 */
final class UploadApi {
    static final String PATH = "/api/recommendations/upload";
    static final Set<String> PARAMS = Set.of("limit", "charts", "downloads", "format", "chart", "tz");
    static final List<String> FORMATS = List.of("json", "csv", "m3u", "recommender", "png", "svg");
    static final List<String> CHART_MODES = List.of("json", "png", "svg", "none");
    static final String SPOTIFY_EXPORT_URL = "https://www.spotify.com/account/privacy/";

    private final UploadRecommender recommender;
    private final UploadLimits limits;
    private final ApiLimits apiLimits;
    private final UploadGate gate;
    private final TasteCharts charts;
    private final boolean keepRecommenders;
    private final List<String> chartFeatures;

    UploadApi(UploadRecommender recommender, UploadLimits limits, ApiLimits apiLimits, boolean keepRecommenders) {
        this.recommender = Objects.requireNonNull(recommender, "recommender");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.apiLimits = Objects.requireNonNull(apiLimits, "apiLimits");
        this.gate = new UploadGate(limits);
        this.keepRecommenders = keepRecommenders;
        this.chartFeatures = AudioFeatures.PERCEPTUAL.stream()
                .filter(recommender.catalogue().schema()::contains).toList();
        this.charts = new TasteCharts(recommender.catalogue(), chartFeatures);
    }

    UploadLimits limits() {
        return limits;
    }

    UploadGate gate() {
        return gate;
    }

    /** A response: JSON (a body to serialise) or a file (bytes, media type, a download name). */
    record Reply(Object json, byte[] bytes, String mediaType, String fileName) {
        static Reply json(Object body) {
            return new Reply(body, null, null, null);
        }
    }

    /** What the upload endpoint takes, for {@code GET /api/recommendations/upload}. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", "POST " + PATH);
        out.put("body", "the export's zip as downloaded, or its JSON files (multipart/form-data), a ListenBrainz "
                + "listens export or a Last.fm CSV");
        out.put("parameters", Map.of("limit", "1 to " + apiLimits.maxLimit() + " (default "
                        + defaultLimit() + ")", "charts", CHART_MODES, "downloads", "true|false", "format", FORMATS,
                "chart", TasteCharts.NAMES, "tz", "an IANA time zone for the clock chart (default UTC)"));
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("uploadMb", limits.maxBytes() / UploadLimits.MB);
        l.put("zipEntries", limits.maxEntries());
        l.put("zipRatio", limits.maxRatio());
        l.put("expandedMb", limits.maxExpandedBytes() / UploadLimits.MB);
        l.put("jsonDepth", limits.maxJsonDepth());
        l.put("jsonRecordKb", limits.maxRecordBytes() / 1024);
        l.put("concurrent", limits.concurrent());
        l.put("queue", limits.queue());
        l.put("perAddressPerMinute", limits.perAddressPerMinute());
        out.put("limits", l);
        out.put("charts", TasteCharts.NAMES);
        out.put("keepsRecommenders", keepRecommenders);
        out.put("spotifyExport", SPOTIFY_EXPORT_URL);
        return out;
    }

    private int defaultLimit() {
        return Math.min(apiLimits.maxLimit(), recommender.defaultLimit());
    }

    /** Query parameters, checked before the body is read. */
    record Request(int limit, String charts, boolean downloads, String format, Optional<String> chart, ZoneId zone) {
    }

    Request request(Map<String, List<String>> query) {
        QueryParams p = new QueryParams(query).allowOnly(PARAMS);
        int limit = p.integer("limit", defaultLimit(), 1, apiLimits.maxLimit());
        String chartsMode = oneOf(p, "charts", "json", CHART_MODES);
        String format = oneOf(p, "format", "json", FORMATS);
        String downloads = oneOf(p, "downloads", "false", List.of("true", "false"));
        Optional<String> chart = p.optionalText("chart", 40);
        if (chart.isPresent() && !TasteCharts.NAMES.contains(chart.get())) {
            throw WebApiException.badRequest("Unknown chart '" + QueryParams.echo(chart.get()) + "': one of "
                    + TasteCharts.NAMES + ".", Map.of("parameter", "chart", "allowed", TasteCharts.NAMES));
        }
        if ((format.equals("png") || format.equals("svg")) && chart.isEmpty()) {
            throw WebApiException.badRequest("format=" + format + " answers one chart: add chart=NAME, one of "
                    + TasteCharts.NAMES + ".", Map.of("parameter", "chart", "allowed", TasteCharts.NAMES));
        }
        ZoneId zone = ZoneId.of("UTC");
        Optional<String> tz = p.optionalText("tz", 64);
        if (tz.isPresent()) {
            try {
                zone = ZoneId.of(tz.get());
            } catch (DateTimeException e) {
                throw WebApiException.badRequest("Unknown time zone '" + QueryParams.echo(tz.get()) + "' in 'tz': "
                        + "give an IANA name such as Europe/Paris.", Map.of("parameter", "tz"));
            }
        }
        return new Request(limit, chartsMode, downloads.equals("true"), format, chart, zone);
    }

    private static String oneOf(QueryParams p, String name, String def, List<String> allowed) {
        String v = p.optionalText(name, 20).map(s -> s.toLowerCase(Locale.ROOT)).orElse(def);
        if (!allowed.contains(v)) {
            throw WebApiException.badRequest("Parameter '" + name + "' must be one of " + allowed + ", got '"
                    + QueryParams.echo(v) + "'.", Map.of("parameter", name, "allowed", allowed));
        }
        return v;
    }

    /**
     * Reads, matches and ranks one upload (the caller holds a slot of {@link #gate()}).
     *
     * @throws WebApiException 4xx for a limit or a body that is no export, 422 when nothing of it can be used
     */
    Reply upload(Request req, List<UploadFiles.Part> parts) {
        long start = System.nanoTime();
        Optional<String> hash = keepRecommenders ? Optional.of(sha256(parts)) : Optional.empty();
        UploadFiles files = UploadFiles.of(parts, limits);
        ListeningHistory history;
        try {
            history = new HistoryReader().read("the upload", files.files(), files.oneFileGiven());
        } catch (DataException e) {
            files.violation().ifPresent(v -> {
                throw v;
            });
            throw new WebApiException(422, e.getMessage(), Map.of("limit", "no-music"));
        } finally {
            files.close();
        }
        files.violation().ifPresent(v -> {
            throw v;
        });
        UploadRecommender.Run run;
        try {
            run = recommender.recommend(history, req.limit(), hash);
        } catch (DataException e) {
            throw new WebApiException(422, e.getMessage(), Map.of("limit", "no-match"));
        }
        List<Recommendation> recs = run.result().recommendations();
        switch (req.format()) {
            case "csv":
                return new Reply(null, UploadDownloads.csv(recs).getBytes(StandardCharsets.UTF_8),
                        "text/csv; charset=utf-8", "audiu-recommendations.csv");
            case "m3u":
                return new Reply(null, UploadDownloads.m3u(recs).getBytes(StandardCharsets.UTF_8),
                        "audio/x-mpegurl; charset=utf-8", "audiu-recommendations.m3u");
            case "recommender":
                return new Reply(null, UploadDownloads.recommender(run.result().recommender()),
                        "application/octet-stream", "audiu-recommender.bin");
            default:
                break;
        }
        List<TasteCharts.TasteChart> data = req.charts().equals("none") && req.chart().isEmpty() ? List.of()
                : charts.charts(history, run.loaded(), run.library(), recs, req.zone());
        if (req.format().equals("png") || req.format().equals("svg")) {
            TasteCharts.Format f = TasteCharts.Format.valueOf(req.format().toUpperCase(Locale.ROOT));
            TasteCharts.TasteChart c = data.stream().filter(d -> d.name().equals(req.chart().get())).findFirst()
                    .orElseThrow();
            return new Reply(null, TasteCharts.draw(c, f), f.mediaType, "audiu-" + c.name() + "." + req.format());
        }
        List<ChartView> chartViews = new ArrayList<>();
        for (TasteCharts.TasteChart c : data) {
            String image = null;
            if (req.charts().equals("png") || req.charts().equals("svg")) {
                TasteCharts.Format f = TasteCharts.Format.valueOf(req.charts().toUpperCase(Locale.ROOT));
                image = "data:" + f.mediaType + ";base64," + Base64.getEncoder().encodeToString(TasteCharts.draw(c, f));
            }
            chartViews.add(new ChartView(c, image));
        }
        Downloads downloads = req.downloads() ? new Downloads(UploadDownloads.csv(recs), UploadDownloads.m3u(recs),
                Base64.getEncoder().encodeToString(UploadDownloads.recommender(run.result().recommender()))) : null;
        return Reply.json(new UploadView(report(run.loaded()), views(recs), model(run), chartViews, downloads,
                hash.orElse(null), (System.nanoTime() - start) / 1_000_000, run.engine()));
    }

    private List<UploadRecommendationView> views(List<Recommendation> recs) {
        List<UploadRecommendationView> out = new ArrayList<>();
        int rank = 1;
        for (Recommendation r : recs) {
            FeatureVector v = recommender.catalogue().track(r.track().id()).map(CatalogueTrack::features).orElse(null);
            out.add(new UploadRecommendationView(rank++, TrackView.of(r.track()),
                    UploadDownloads.spotifyUri(r.track()).orElse(null), r.score(), r.rankingScore(), r.reasons(),
                    v == null ? Map.of() : ApiViews.features(v, chartFeatures)));
        }
        return out;
    }

    private ModelInfo model(UploadRecommender.Run run) {
        RunReport rep = run.result().report();
        return new ModelInfo(recommender.trainerName(), rep.likedExamples(), rep.negativeExamples(),
                ApiViews.number(rep.holdoutAuc()), rep.poolSize(), run.reused(), run.millis(), rep.stageMillis());
    }

    private static ReportView report(LoadedHistory h) {
        HistoryReadReport r = h.read();
        Map<String, Long> excluded = new LinkedHashMap<>();
        r.excluded().forEach((k, v) -> excluded.put(k.description(), v));
        List<ProblemView> problems = new ArrayList<>();
        for (HistoryProblem p : r.problems()) {
            problems.add(new ProblemView(p.file(), p.record(), p.message()));
        }
        List<ProblemView> warnings = new ArrayList<>();
        for (HistoryProblem p : r.warnings()) {
            warnings.add(new ProblemView(p.file(), p.record(), p.message()));
        }
        var m = h.match();
        var lib = h.libraryMatch();
        return new ReportView(r.files().size(), r.records(), r.plays(), r.songs(), excluded, r.problemCount(),
                problems, warnings, r.ignoredFiles().size(), m.matched(), m.matchedPlays(), lib.savedTracks(),
                lib.savedMatched(), lib.playlists(), lib.playlistItems(), lib.playlistMatched(), h.summary());
    }

    private static String sha256(List<UploadFiles.Part> parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (UploadFiles.Part p : parts) {
                d.update(p.bytes());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // --------------------------------------------------------------------------------------------- JSON views

    record ProblemView(String file, long record, String message) {
    }

    /**
     * What was read and matched. {@code summary} is the CLI's report text. File names appear only here, in the
     * visitor's own response.
     */
    record ReportView(int files, long records, long plays, int songs, Map<String, Long> leftOut, long problemCount,
                      List<ProblemView> problems, List<ProblemView> warnings, int filesNotRead, int songsMatched,
                      long playsMatched, int savedTracks, int savedMatched, int playlists, int playlistTracks,
                      int playlistTracksMatched, String summary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UploadRecommendationView(int rank, TrackView track, String spotifyUri, double score, double rankingScore,
                                    List<String> reasons, Map<String, Double> features) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelInfo(String trainer, int likedExamples, int negativeExamples, Double holdoutAuc, long poolSize,
                     boolean keptRecommenderUsed, long millis, Map<String, Long> stageMillis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChartView(String name, String title, String type, String xTitle, String yTitle, List<String> categories,
                     List<String> rows, List<List<Double>> z, List<TasteCharts.Series> series, String image) {
        ChartView(TasteCharts.TasteChart c, String image) {
            this(c.name(), c.title(), c.type(), c.xTitle(), c.yTitle(), c.categories(), c.rows(), c.z(), c.series(),
                    image);
        }
    }

    /** The downloads inline (the page turns them into files): CSV and M3U text, the recommender in base64. */
    record Downloads(String csv, String m3u, String recommenderBase64) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UploadView(ReportView report, List<UploadRecommendationView> recommendations, ModelInfo model,
                      List<ChartView> charts, Downloads downloads, String recommenderKey, long tookMs,
                      String engine) {
    }
}
