package org.audiu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiu.core.metrics.ClassificationReport;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** Writes a confusion matrix as a PNG heat map: rows are true classes, columns predictions, cells row percentages. */
final class ConfusionChart {
    private ConfusionChart() {
    }

    static void write(ClassificationReport report, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> labels = report.labels();
        int n = labels.size();
        int size = Math.max(500, 90 + 60 * n);
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true).setMin(0).setMax(100).setHeatMapValueDecimalPattern("0");
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setXAxisLabelRotation(40);
        chart.getStyler().setRangeColors(new java.awt.Color[] {java.awt.Color.WHITE, new java.awt.Color(0x9ecae1),
            new java.awt.Color(0x08519c)});
        // The heat map draws y = 0 at the bottom: list true classes bottom-up so the first is on top.
        List<String> y = new ArrayList<>(labels);
        java.util.Collections.reverse(y);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int support = 0;
            for (int p = 0; p < n; p++) {
                support += report.count(t, p);
            }
            for (int p = 0; p < n; p++) {
                double pct = support == 0 ? 0 : 100.0 * report.count(t, p) / support;
                cells.add(new Number[] {p, n - 1 - t, Math.round(pct * 10) / 10.0});
            }
        }
        chart.addSeries("% of true class", labels, y, cells);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (var out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
