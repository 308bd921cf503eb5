package org.dtc.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtc.analysis.Analysis;
import org.dtc.core.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The paper's figures from a run, as PNG and SVG (XChart, pure Java): accuracy over sparsity
 * with LOWESS curves (Figure 1) and its close-up above 0.8 sparsity (Figure 2), DTC's weight rays
 * (Figure 3), and the Gibbs entropies of the previous- and next-layer measurements (Figures 4, 5).
 * With several seeds, each strategy's curve is the mean over seeds and a band spans the seeds'
 * lowest and highest values.
 */
public final class Figures {
    private static final Map<String, Color> COLORS = Map.of("dtc", new Color(0x1f77b4), "random", new Color(0xd62728),
            "magnitude", new Color(0x2ca02c));

    private Figures() {}

    /** Writes figure1 .. figure5 (.png and .svg) into dir; returns the base names written. */
    public static List<String> write(List<Analysis.Series> all, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> names = new ArrayList<>();
        names.add(save(accuracy(all, 0, "Figure 1: test accuracy over sparsity"), dir, "figure1-accuracy"));
        names.add(save(accuracy(all, 0.8, "Figure 2: accuracy above 0.8 sparsity"), dir, "figure2-accuracy-closeup"));
        names.add(save(curve(all, "Figure 3: weight rays (mean |score| / layer size)", "mean |score| / width",
                Analysis.Series::rayScore, true), dir, "figure3-weight-rays"));
        names.add(save(curve(all, "Figure 4: Gibbs entropy, previous-layer measurement", "Gibbs entropy",
                Analysis.Series::gibbsPrevious, false), dir, "figure4-gibbs-previous"));
        names.add(save(curve(all, "Figure 5: Gibbs entropy, next-layer measurement", "Gibbs entropy",
                Analysis.Series::gibbsNext, false), dir, "figure5-gibbs-next"));
        return names;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle("sparsity")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    private static XYChart accuracy(List<Analysis.Series> all, double fromSparsity, String title) {
        XYChart chart = chart(title, "test accuracy");
        for (Map.Entry<String, List<Analysis.Series>> e : byStrategy(all).entrySet()) {
            Color color = COLORS.getOrDefault(e.getKey(), Color.DARK_GRAY);
            Mean raw = Mean.of(e.getValue(), Analysis.Series::accuracy, fromSparsity);
            Mean smooth = Mean.of(e.getValue(), Analysis.Series::smoothed, fromSparsity);
            if (raw.x.length == 0) {
                continue;
            }
            XYSeries points = chart.addSeries(e.getKey(), raw.x, raw.mean);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(color);
            XYSeries line = chart.addSeries(e.getKey() + " LOWESS", smooth.x, smooth.mean);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(color);
            line.setLineStyle(new BasicStroke(2f));
            band(chart, e.getKey(), raw, color);
        }
        return chart;
    }

    private static XYChart curve(List<Analysis.Series> all, String title, String yTitle,
                                 java.util.function.Function<Analysis.Series, double[]> values, boolean dtcOnly) {
        XYChart chart = chart(title, yTitle);
        for (Map.Entry<String, List<Analysis.Series>> e : byStrategy(all).entrySet()) {
            if (dtcOnly && !e.getKey().equals("dtc")) {
                continue;
            }
            Mean m = Mean.of(e.getValue(), values, 0);
            if (m.x.length == 0 || allNaN(m.mean)) {
                continue;
            }
            Color color = COLORS.getOrDefault(e.getKey(), Color.DARK_GRAY);
            XYSeries s = chart.addSeries(e.getKey(), m.x, m.mean);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color);
            s.setLineColor(color);
            band(chart, e.getKey(), m, color);
        }
        return chart;
    }

    /** With several seeds, a band from the lowest to the highest seed. */
    private static void band(XYChart chart, String name, Mean m, Color color) {
        if (m.seeds < 2) {
            return;
        }
        Color light = new Color(color.getRed(), color.getGreen(), color.getBlue(), 60);
        XYSeries low = chart.addSeries(name + " lowest seed", m.x, m.min);
        XYSeries high = chart.addSeries(name + " highest seed", m.x, m.max);
        for (XYSeries s : List.of(low, high)) {
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(light);
            s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f}, 0f));
        }
    }

    private static boolean allNaN(double[] v) {
        for (double d : v) {
            if (!Double.isNaN(d)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<Analysis.Series>> byStrategy(List<Analysis.Series> all) {
        Map<String, List<Analysis.Series>> m = new LinkedHashMap<>();
        for (Analysis.Series s : all) {
            m.computeIfAbsent(s.strategy(), k -> new ArrayList<>()).add(s);
        }
        return m;
    }

    /** Per cycle the mean over seeds (and their range), over the cycles all seeds reached. */
    private record Mean(double[] x, double[] mean, double[] min, double[] max, int seeds) {
        static Mean of(List<Analysis.Series> seeds, java.util.function.Function<Analysis.Series, double[]> values,
                       double from) {
            int cycles = Integer.MAX_VALUE;
            for (Analysis.Series s : seeds) {
                cycles = Math.min(cycles, s.sparsity().length);
            }
            List<double[]> rows = new ArrayList<>();
            for (int c = 0; c < cycles; c++) {
                double x = seeds.get(0).sparsity()[c];
                if (x < from) {
                    continue;
                }
                double sum = 0;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (Analysis.Series s : seeds) {
                    double v = values.apply(s)[c];
                    sum += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                rows.add(new double[] {x, sum / seeds.size(), lo, hi});
            }
            double[][] cols = new double[4][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    cols[k][i] = rows.get(i)[k];
                }
            }
            return new Mean(cols[0], cols[1], cols[2], cols[3], seeds.size());
        }
    }

    /** PNG and SVG, each written whole or not at all. */
    private static String save(XYChart chart, Path dir, String name) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        AtomicFile.write(dir.resolve(name + ".png"), png.toByteArray());
        AtomicFile.write(dir.resolve(name + ".svg"), svg.toByteArray());
        return name;
    }
}
