package org.dtc.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.dtc.core.AtomicFile;
import org.dtc.study.Cell;
import org.dtc.study.OverlapRow;
import org.dtc.study.Schedule;
import org.dtc.study.StudyAnalysis;
import org.dtc.study.StudyAnalysis.Curve;
import org.dtc.study.StudyRow;
import org.knowm.xchart.BitmapEncoder;
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
 * A study's figures, per dataset and architecture, as PNG and SVG: accuracy against compression
 * (log2 axis, mean over seeds with a band from the lowest to the highest seed, a line per
 * criterion, a panel per schedule); accuracy against cumulative training FLOPs (a line per
 * schedule, a panel for DTC and one for the best baseline); and the overlap of the other
 * criteria's removed sets with DTC's (Jaccard, mean over seeds and layers, per cycle).
 */
public final class StudyFigures {
    private static final int PANEL_WIDTH = 640;
    private static final int PANEL_HEIGHT = 440;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private StudyFigures() {}

    /** Writes the figures into dir; returns the base names written. */
    public static List<String> write(List<StudyRow> rows, List<OverlapRow> overlap, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> names = new ArrayList<>();
        Map<String, List<Curve>> bySetting = new LinkedHashMap<>();
        for (Curve c : StudyAnalysis.curves(rows)) {
            bySetting.computeIfAbsent(c.dataset() + "-" + c.arch(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Curve>> e : bySetting.entrySet()) {
            String setting = e.getKey();
            List<Curve> curves = e.getValue();
            List<Chart<?, ?>> panels = new ArrayList<>();
            for (String schedule : curves.stream().map(Curve::schedule).distinct().toList()) {
                panels.add(accuracyOverCompression(setting, schedule,
                        curves.stream().filter(c -> c.schedule().equals(schedule)).toList()));
            }
            names.add(save(panels, dir, "study-accuracy-compression-" + setting));
            List<Chart<?, ?>> flops = new ArrayList<>();
            for (String criterion : StudyAnalysis.claimCriteria(curves)) {
                flops.add(accuracyOverFlops(setting, criterion, curves));
            }
            if (!flops.isEmpty()) {
                names.add(save(flops, dir, "study-accuracy-flops-" + setting));
            }
            List<OverlapRow> here = overlap.stream().filter(o -> setting.equals(o.dataset() + "-" + o.arch())).toList();
            if (!here.isEmpty()) {
                names.add(save(List.of(overlapMap(setting, here)), dir, "study-overlap-" + setting));
            }
        }
        return names;
    }

    private static XYChart accuracyOverCompression(String setting, String schedule, List<Curve> curves) {
        XYChart chart = xy(setting + ", " + schedule, "compression ratio (log2 axis)");
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> String.format(Locale.ROOT, "%.3gx", Math.pow(2, x)));
        int color = 0;
        for (List<Curve> seeds : byCriterion(curves).values()) {
            addMean(chart, seeds.get(0).criterion(), seeds, PALETTE[color++ % PALETTE.length], false);
        }
        return chart;
    }

    private static XYChart accuracyOverFlops(String setting, String criterion, List<Curve> curves) {
        XYChart chart = xy(setting + ", " + criterion + ": accuracy for training spent",
                "cumulative training TFLOP (log10 axis)");
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> String.format(Locale.ROOT, "%.3g",
                Math.pow(10, x)));
        int color = 0;
        Map<String, List<Curve>> bySchedule = new LinkedHashMap<>();
        for (Curve c : curves) {
            boolean mine = c.schedule().equals(Schedule.SCRATCH.cliName()) ? c.criterion().equals(Cell.NO_CRITERION)
                    : c.criterion().equals(criterion);
            if (mine) {
                bySchedule.computeIfAbsent(c.schedule(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<Curve> seeds : bySchedule.values()) {
            XYSeries s = addMean(chart, seeds.get(0).schedule(), seeds, PALETTE[color++ % PALETTE.length], true);
            // Scratch's sizes are branches, not a path: its training FLOPs do not grow along them.
            if (s != null && seeds.get(0).schedule().equals(Schedule.SCRATCH.cliName())) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        return chart;
    }

    private static Map<String, List<Curve>> byCriterion(List<Curve> curves) {
        Map<String, List<Curve>> m = new LinkedHashMap<>();
        for (Curve c : curves) {
            m.computeIfAbsent(c.criterion(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    /**
     * The mean over seeds at each operating point (the seeds share them), and with several seeds
     * dashed lines at the lowest and highest seed. x is log2 compression, or log10 of the mean
     * cumulative TFLOP when {@code overFlops}. Returns the mean's series (null without points).
     */
    private static XYSeries addMean(XYChart chart, String name, List<Curve> seeds, Color color,
                                    boolean overFlops) {
        int n = seeds.stream().mapToInt(c -> c.log2Compression().length).min().orElse(0);
        if (n == 0) {
            return null;
        }
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double flops = 0;
            low[i] = Double.POSITIVE_INFINITY;
            high[i] = Double.NEGATIVE_INFINITY;
            for (Curve c : seeds) {
                sum += c.accuracy()[i];
                flops += c.cumulativeFlops()[i];
                low[i] = Math.min(low[i], c.accuracy()[i]);
                high[i] = Math.max(high[i], c.accuracy()[i]);
            }
            mean[i] = sum / seeds.size();
            x[i] = overFlops ? Math.log10(flops / seeds.size() / 1e12) : seeds.get(0).log2Compression()[i];
        }
        XYSeries line = chart.addSeries(name, x, mean);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setMarkerColor(color);
        line.setLineColor(color);
        line.setLineStyle(new BasicStroke(2f));
        // The seeds' spread in accuracy, where x is the same for all of them (not over FLOPs, a mean).
        if (seeds.size() > 1 && !overFlops) {
            Color light = new Color(color.getRed(), color.getGreen(), color.getBlue(), 70);
            for (double[] edge : List.of(low, high)) {
                XYSeries s = chart.addSeries(name + (edge == low ? " lowest seed" : " highest seed"), x, edge);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(light);
                s.setShowInLegend(false);
                s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {4f}, 0f));
            }
        }
        return line;
    }

    private static HeatMapChart overlapMap(String setting, List<OverlapRow> rows) {
        TreeMap<Integer, Integer> cycles = new TreeMap<>();
        Map<String, Integer> criteria = new LinkedHashMap<>();
        for (OverlapRow r : rows) {
            cycles.putIfAbsent(r.cycle(), 0);
            criteria.putIfAbsent(r.criterion(), criteria.size());
        }
        int c = 0;
        for (Integer cycle : cycles.keySet()) {
            cycles.put(cycle, c++);
        }
        double[][] sum = new double[cycles.size()][criteria.size()];
        int[][] count = new int[cycles.size()][criteria.size()];
        for (OverlapRow r : rows) {
            sum[cycles.get(r.cycle())][criteria.get(r.criterion())] += r.jaccard();
            count[cycles.get(r.cycle())][criteria.get(r.criterion())]++;
        }
        List<Number[]> cellsOut = new ArrayList<>();
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum[i].length; j++) {
                if (count[i][j] > 0) {
                    cellsOut.add(new Number[] {i, j, sum[i][j] / count[i][j]});
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(PANEL_WIDTH, 18 * cycles.size() + 200))
                .height(PANEL_HEIGHT).title(setting + ": Jaccard of removed sets with DTC's, on DTC's network")
                .xAxisTitle("cycle of train-compress").yAxisTitle("criterion").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x1f77b4)});
        chart.addSeries("jaccard", new ArrayList<>(cycles.keySet()), new ArrayList<>(criteria.keySet()), cellsOut);
        return chart;
    }

    private static XYChart xy(String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle("test accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    /** The panels side by side, two to a row, as one PNG and one SVG, each written whole or not at all. */
    private static String save(List<Chart<?, ?>> panels, Path dir, String name) throws IOException {
        int columns = Math.min(2, panels.size());
        int rowsOf = (panels.size() + columns - 1) / columns;
        int w = panels.stream().mapToInt(Chart::getWidth).max().orElse(PANEL_WIDTH);
        int h = panels.stream().mapToInt(Chart::getHeight).max().orElse(PANEL_HEIGHT);
        BufferedImage image = new BufferedImage(columns * w, rowsOf * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%d\" height=\"%d\">\n",
                image.getWidth(), image.getHeight()));
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % columns) * w;
            int y = (i / columns) * h;
            g.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), x, y, null);
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(panels.get(i), one, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String inner = one.toString(StandardCharsets.UTF_8);
            // Each panel is a whole SVG document: nested at its place, without its XML prologue.
            inner = inner.substring(inner.indexOf("<svg"));
            svg.append(inner.replaceFirst("<svg ", String.format(Locale.ROOT, "<svg x=\"%d\" y=\"%d\" ", x, y)))
                    .append('\n');
        }
        g.dispose();
        svg.append("</svg>\n");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        AtomicFile.write(dir.resolve(name + ".png"), png.toByteArray());
        AtomicFile.write(dir.resolve(name + ".svg"), svg.toString().getBytes(StandardCharsets.UTF_8));
        return name;
    }
}
