package org.dtc.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtc.core.Statistics;

/**
 * The numbers study.md reports, from study.csv's rows: per curve (dataset, architecture,
 * schedule, criterion, seed) the area under accuracy against log2 compression, and accuracy and
 * cumulative training FLOPs at given compression ratios, interpolated linearly in log2
 * compression between the operating points either side (none outside the points measured).
 */
public final class StudyAnalysis {
    private StudyAnalysis() {}

    /** One seed's operating points of one criterion under one schedule, by growing compression. */
    public record Curve(String dataset, String arch, String schedule, String criterion, long seed,
                        double[] log2Compression, double[] accuracy, double[] cumulativeFlops) {

        /**
         * The trapezoid area under accuracy over log2 compression, divided by the span: the mean
         * accuracy along the curve, comparable between curves over the same span. NaN for a
         * single point.
         */
        public double meanAccuracyOverLogCompression() {
            int n = log2Compression.length;
            if (n < 2) {
                return Double.NaN;
            }
            double area = 0;
            for (int i = 1; i < n; i++) {
                area += 0.5 * (accuracy[i] + accuracy[i - 1]) * (log2Compression[i] - log2Compression[i - 1]);
            }
            return area / (log2Compression[n - 1] - log2Compression[0]);
        }

        /** Accuracy at the compression ratio, NaN outside the points measured. */
        public double accuracyAt(double compression) {
            return interpolate(accuracy, compression);
        }

        /** Cumulative training FLOPs at the compression ratio, NaN outside the points measured. */
        public double flopsAt(double compression) {
            return interpolate(cumulativeFlops, compression);
        }

        private double interpolate(double[] y, double compression) {
            double x = Math.log(compression) / Math.log(2);
            int n = log2Compression.length;
            for (int i = 0; i < n; i++) {
                if (x == log2Compression[i]) {
                    return y[i];
                }
                if (i > 0 && x > log2Compression[i - 1] && x < log2Compression[i]) {
                    double t = (x - log2Compression[i - 1]) / (log2Compression[i] - log2Compression[i - 1]);
                    return y[i - 1] + t * (y[i] - y[i - 1]);
                }
            }
            return Double.NaN;
        }
    }

    /** The curves of the rows, in the order their first rows come. */
    public static List<Curve> curves(List<StudyRow> rows) {
        Map<String, List<StudyRow>> byCurve = new LinkedHashMap<>();
        for (StudyRow r : rows) {
            byCurve.computeIfAbsent(String.join("|", r.dataset(), r.arch(), r.schedule(), r.criterion(),
                    Long.toString(r.seed())), k -> new ArrayList<>()).add(r);
        }
        List<Curve> curves = new ArrayList<>();
        for (List<StudyRow> points : byCurve.values()) {
            List<StudyRow> sorted = new ArrayList<>(points);
            sorted.sort(java.util.Comparator.comparingDouble(StudyRow::compression));
            int n = sorted.size();
            double[] x = new double[n];
            double[] acc = new double[n];
            double[] flops = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.log(sorted.get(i).compression()) / Math.log(2);
                acc[i] = sorted.get(i).accuracy();
                flops[i] = sorted.get(i).cumulativeTrainingFlops();
            }
            StudyRow first = sorted.get(0);
            curves.add(new Curve(first.dataset(), first.arch(), first.schedule(), first.criterion(), first.seed(), x,
                    acc, flops));
        }
        return curves;
    }

    /**
     * The criteria the paper's claim is read for: "dtc" where the curves have it under
     * train-compress, then the other criterion with the largest mean area under train-compress
     * (the best baseline), where there is one.
     */
    public static List<String> claimCriteria(List<Curve> curves) {
        String tc = Schedule.TRAIN_COMPRESS.cliName();
        Map<String, List<Double>> areas = new LinkedHashMap<>();
        for (Curve c : curves) {
            if (c.schedule().equals(tc)) {
                areas.computeIfAbsent(c.criterion(), k -> new ArrayList<>()).add(c.meanAccuracyOverLogCompression());
            }
        }
        List<String> out = new ArrayList<>();
        if (areas.containsKey("dtc")) {
            out.add("dtc");
        }
        areas.entrySet().stream().filter(e -> !e.getKey().equals("dtc"))
                .max(java.util.Comparator.comparingDouble(e -> e.getValue().stream().mapToDouble(Double::doubleValue)
                        .average().orElse(Double.NaN)))
                .ifPresent(e -> out.add(e.getKey()));
        return out;
    }

    /** Mean and sample standard deviation over seeds (sd 0 for one seed); a NaN value makes both NaN. */
    public record MeanSd(double mean, double sd, int seeds) {
        public static MeanSd of(double[] values) {
            return new MeanSd(Statistics.mean(values), Statistics.standardDeviation(values), values.length);
        }
    }
}
