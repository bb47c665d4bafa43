package org.audiu.cli.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.TrackPlays;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.history.ListeningHistory;
import org.audiu.core.history.LoadedHistory;
import org.audiu.core.history.PlayExclusion;
import org.audiu.core.history.SongHistory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The six pictures of a visitor's taste, computed from the read export, the matched library and the recommendations
 * as data ({@link TasteChart}, the API's JSON) and drawn by XChart as PNG or SVG. Stateless apart from the catalogue's
 * feature averages, computed once.
 */
final class TasteCharts {
    /** The charts, in the page's order. */
    static final List<String> NAMES = List.of("read", "artists", "timeline", "clock", "profile", "recommendations");
    static final int WIDTH = 640;
    static final int HEIGHT = 380;
    private static final int TOP_ARTISTS = 10;
    private static final int MAX_POINTS = 400;
    private static final Color ACCENT = new Color(0x5b, 0x4b, 0xdb);
    private static final Color SEED = new Color(0xf0, 0x8c, 0x2e);
    private static final Color MUTED = new Color(0xb8, 0xb4, 0xd0);

    /** One series: values per category (bar charts), or points (x, y). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Series(String name, List<Double> x, List<Double> y) {
    }

    /**
     * One chart as data: {@code type} bar (categories and a value per category and series), line (x: epoch days of
     * months... given as "YYYY-MM" categories), heatmap ({@code z[row][column]}: rows are days of the week, columns
     * hours) or scatter (points).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TasteChart(String name, String title, String type, String xTitle, String yTitle, List<String> categories,
                      List<String> rows, List<List<Double>> z, List<Series> series) {
    }

    private final Catalogue catalogue;
    private final List<String> features;
    private final Map<String, Double> catalogueMeans;
    private final String xFeature;
    private final String yFeature;

    TasteCharts(Catalogue catalogue, List<String> features) {
        this.catalogue = catalogue;
        this.features = List.copyOf(features);
        this.catalogueMeans = means(catalogue.tracks().stream().map(t -> new Weighted(t.features(), 1)).toList());
        this.xFeature = features.contains("valence") ? "valence" : features.isEmpty() ? null : features.get(0);
        this.yFeature = features.contains("energy") ? "energy" : features.size() < 2 ? null : features.get(1);
    }

    private record Weighted(FeatureVector v, double weight) {
    }

    /** All six charts' data. */
    List<TasteChart> charts(ListeningHistory history, LoadedHistory loaded, ListenerLibrary library,
                            List<Recommendation> recs, ZoneId zone) {
        List<Weighted> yours = yourTracks(library);
        Map<String, Double> profile = means(yours);
        List<TasteChart> out = new ArrayList<>();
        out.add(read(loaded, library));
        out.add(artists(history));
        out.add(timeline(history, zone));
        out.add(clock(history, zone));
        out.add(profile(profile));
        out.add(recommendations(yours, profile, recs));
        return out;
    }

    private TasteChart read(LoadedHistory loaded, ListenerLibrary library) {
        var r = loaded.read();
        var m = loaded.match();
        var lib = loaded.libraryMatch();
        long podcasts = r.excluded().getOrDefault(PlayExclusion.PODCAST_EPISODE, 0L)
                + r.excluded().getOrDefault(PlayExclusion.LIKELY_PODCAST, 0L);
        List<String> cats = List.of("plays", "songs", "saved tracks", "playlists", "playlist tracks",
                "podcasts left out");
        List<Double> read = List.of((double) r.plays(), (double) m.songs(), (double) lib.savedTracks(),
                (double) lib.playlists(), (double) lib.playlistItems(), (double) podcasts);
        List<Double> matched = List.of((double) m.matchedPlays(), (double) m.matched(), (double) lib.savedMatched(),
                (double) library.playlists().size(), (double) lib.playlistMatched(), 0.0);
        return new TasteChart("read", "What was read and matched to the catalogue", "bar", null, "count", cats, null,
                null, List.of(new Series("read", null, read), new Series("in the catalogue", null, matched)));
    }

    private TasteChart artists(ListeningHistory history) {
        Map<String, Long> plays = new HashMap<>();
        Map<String, String> shown = new HashMap<>();
        for (SongHistory s : history.songs()) {
            String key = s.artist().strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            plays.merge(key, (long) s.plays(), Long::sum);
            shown.putIfAbsent(key, s.artist().strip());
        }
        List<Map.Entry<String, Long>> top = plays.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ARTISTS).toList();
        return new TasteChart("artists", "Top artists by plays", "bar", null, "plays",
                top.stream().map(e -> shown.get(e.getKey())).toList(), null, null,
                List.of(new Series("plays", null, top.stream().map(e -> (double) e.getValue()).toList())));
    }

    private TasteChart timeline(ListeningHistory history, ZoneId zone) {
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        for (SongHistory s : history.songs()) {
            s.playedAtMs().forEach(ms -> months.merge(YearMonth.from(Instant.ofEpochMilli(ms).atZone(zone)), 1L,
                    Long::sum));
        }
        if (!months.isEmpty()) {
            // Months without plays count 0, so the line does not skip them.
            for (YearMonth m = months.firstKey(); m.isBefore(months.lastKey()); m = m.plusMonths(1)) {
                months.putIfAbsent(m, 0L);
            }
        }
        return new TasteChart("timeline", "Plays over time (per month)", "line", null, "plays",
                months.keySet().stream().map(YearMonth::toString).toList(), null, null,
                List.of(new Series("plays", null, months.values().stream().map(Long::doubleValue).toList())));
    }

    private TasteChart clock(ListeningHistory history, ZoneId zone) {
        double[][] z = new double[7][24];
        for (SongHistory s : history.songs()) {
            s.playedAtMs().forEach(ms -> {
                ZonedDateTime t = Instant.ofEpochMilli(ms).atZone(zone);
                z[t.getDayOfWeek().getValue() - 1][t.getHour()]++;
            });
        }
        List<String> rows = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            rows.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(String.format(Locale.ROOT, "%02d", h));
        }
        List<List<Double>> matrix = new ArrayList<>();
        for (double[] row : z) {
            List<Double> r = new ArrayList<>();
            for (double v : row) {
                r.add(v);
            }
            matrix.add(r);
        }
        return new TasteChart("clock", "When you listen (plays by hour and day, " + zone.getId() + ")", "heatmap",
                "hour", "day", hours, rows, matrix, null);
    }

    private TasteChart profile(Map<String, Double> profile) {
        List<Double> you = features.stream().map(f -> orZero(profile.get(f))).toList();
        List<Double> all = features.stream().map(f -> orZero(catalogueMeans.get(f))).toList();
        return new TasteChart("profile", "Your sound against the catalogue's (averages, 0 to 1)", "bar", null,
                "average", features, null, null, List.of(new Series("you", null, you),
                new Series("catalogue", null, all)));
    }

    private TasteChart recommendations(List<Weighted> yours, Map<String, Double> profile, List<Recommendation> recs) {
        List<Series> series = new ArrayList<>();
        if (xFeature != null && yFeature != null) {
            List<Weighted> sample = yours.stream().sorted(Comparator.comparingDouble(Weighted::weight).reversed())
                    .limit(MAX_POINTS).toList();
            series.add(points("your tracks", sample.stream().map(Weighted::v).toList()));
            series.add(points("recommendations", recs.stream().map(r -> catalogue.track(r.track().id()))
                    .flatMap(java.util.Optional::stream).map(CatalogueTrack::features).toList()));
            series.add(new Series("your profile", List.of(orZero(profile.get(xFeature))),
                    List.of(orZero(profile.get(yFeature)))));
        }
        return new TasteChart("recommendations", "The recommendations against your profile", "scatter", xFeature,
                yFeature, null, null, null, series);
    }

    private Series points(String name, List<FeatureVector> vectors) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (FeatureVector v : vectors) {
            double a = v.get(xFeature);
            double b = v.get(yFeature);
            if (Double.isFinite(a) && Double.isFinite(b)) {
                x.add(a);
                y.add(b);
            }
        }
        return new Series(name, x, y);
    }

    /** The library's catalogue tracks, weighted by plays (saved and playlist tracks count once). */
    private List<Weighted> yourTracks(ListenerLibrary library) {
        Map<String, Double> weight = new LinkedHashMap<>();
        for (TrackPlays p : library.playHistory()) {
            weight.merge(p.track().id(), (double) p.plays(), Double::sum);
        }
        library.savedTracks().forEach(s -> weight.merge(s.track().id(), 1.0, Double::sum));
        library.playlists().forEach(pl -> pl.items().forEach(i -> weight.merge(i.track().id(), 1.0, Double::sum)));
        List<Weighted> out = new ArrayList<>();
        weight.forEach((id, w) -> catalogue.track(id).ifPresent(t -> out.add(new Weighted(t.features(), w))));
        return out;
    }

    private Map<String, Double> means(List<Weighted> vectors) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String f : features) {
            double sum = 0;
            double n = 0;
            for (Weighted w : vectors) {
                double x = w.v().get(f);
                if (Double.isFinite(x)) {
                    sum += x * w.weight();
                    n += w.weight();
                }
            }
            out.put(f, n == 0 ? null : sum / n);
        }
        return out;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    // ------------------------------------------------------------------------------------------------ drawing

    /** A picture's format. */
    enum Format {
        PNG("image/png"), SVG("image/svg+xml");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** The chart drawn by XChart. */
    static byte[] draw(TasteChart c, Format format) {
        Chart<?, ?> chart = switch (c.type()) {
            case "bar" -> bar(c);
            case "line" -> line(c);
            case "heatmap" -> heatmap(c);
            case "scatter" -> scatter(c);
            default -> throw new IllegalArgumentException("Unknown chart type " + c.type());
        };
        try {
            if (format == Format.PNG) {
                return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw chart " + c.name(), e);
        }
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setSeriesColors(new Color[] {ACCENT, SEED, MUTED});
        s.setAntiAlias(true);
    }

    private static CategoryChart bar(TasteChart c) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(c.title())
                .yAxisTitle(c.yTitle()).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(c.categories().size() > 5 ? 30 : 0);
        chart.getStyler().setLegendVisible(c.series().size() > 1);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.7);
        List<String> cats = c.categories().isEmpty() ? List.of("(none)") : c.categories().stream()
                .map(TasteCharts::cut).toList();
        for (Series s : c.series()) {
            chart.addSeries(s.name(), cats, s.y().isEmpty() ? List.of(0.0) : s.y());
        }
        return chart;
    }

    private static XYChart line(TasteChart c) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(c.title()).yAxisTitle(c.yTitle())
                .build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDatePattern("yyyy-MM");
        chart.getStyler().setMarkerSize(4);
        List<Date> x = new ArrayList<>();
        for (String m : c.categories()) {
            x.add(Date.from(YearMonth.parse(m).atDay(1).atStartOfDay(ZoneId.of("UTC")).toInstant()));
        }
        List<Double> y = c.series().get(0).y();
        if (x.isEmpty()) {
            x.add(new Date(0));
            y = List.of(0.0);
        }
        chart.addSeries(c.series().get(0).name(), x, y);
        return chart;
    }

    private static HeatMapChart heatmap(TasteChart c) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(c.title())
                .xAxisTitle(c.xTitle()).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setRangeColors(new Color[] {new Color(0xf5, 0xf4, 0xfa), ACCENT, new Color(0x2b, 0x21, 0x70)});
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < c.rows().size(); r++) {
            for (int h = 0; h < c.categories().size(); h++) {
                cells.add(new Number[] {h, r, c.z().get(r).get(h)});
            }
        }
        chart.addSeries("plays", c.categories(), c.rows(), cells);
        return chart;
    }

    private static XYChart scatter(TasteChart c) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(c.title())
                .xAxisTitle(c.xTitle() == null ? "" : c.xTitle()).yAxisTitle(c.yTitle() == null ? "" : c.yTitle())
                .build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        Color[] colors = {MUTED, ACCENT, SEED};
        int i = 0;
        for (Series s : c.series()) {
            if (s.x().isEmpty()) {
                i++;
                continue;
            }
            XYSeries series = chart.addSeries(s.name(), s.x(), s.y());
            series.setMarkerColor(colors[Math.min(i, colors.length - 1)]);
            series.setMarker(i == 2 ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            i++;
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("(no features)", List.of(0.0), List.of(0.0));
        }
        return chart;
    }

    private static String cut(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "…";
    }
}
