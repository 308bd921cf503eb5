package org.dtc.core;

import java.util.Arrays;

/**
 * Statistics the analysis needs, each computed the way numpy computes it so that results can be
 * compared with the paper's notebooks number for number.
 */
public final class Statistics {
    private Statistics() {}

    /**
     * numpy's {@code quantile(values, q)} with its default linear method: on the sorted values,
     * the virtual index h = (n - 1) q splits into i = floor(h) and t = h - i; the result is
     * a + (b - a) t for t < 0.5 and b - (b - a)(1 - t) otherwise (a, b the i-th and next values),
     * numpy's own two-sided interpolation.
     */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile level must lie in [0, 1], not " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double t = h - i;
        double a = sorted[i];
        double b = sorted[i + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /**
     * numpy's {@code arange(start, stop, step)} for doubles: length ceil((stop - start) / step),
     * element i = start + i * delta with delta = (start + step) - start, as numpy fills it (so
     * arange(-50, 50, 0.2) ends at 49.8000000000014, not 49.8).
     */
    public static double[] arange(double start, double stop, double step) {
        long n = (long) Math.ceil((stop - start) / step);
        if (n <= 0) {
            return new double[0];
        }
        double[] a = new double[(int) n];
        a[0] = start;
        if (n > 1) {
            double delta = (start + step) - start;
            for (int i = 1; i < n; i++) {
                a[i] = start + i * delta;
            }
        }
        return a;
    }

    /**
     * numpy's {@code histogram(values, bins=edges)}: bin i counts edges[i] <= v < edges[i+1], the
     * last bin also its right edge; values outside the edges (and NaN) are not counted.
     */
    public static long[] histogram(double[] values, double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least two edges, not " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] >= edges[i - 1])) {
                throw new IllegalArgumentException("histogram edges must increase: edge " + i + " is " + edges[i]
                        + " after " + edges[i - 1]);
            }
        }
        long[] counts = new long[edges.length - 1];
        int last = edges.length - 1;
        for (double v : values) {
            if (!(v >= edges[0] && v <= edges[last])) {
                continue;
            }
            // The bin is the number of edges <= v, minus one ("right" search), last edge inclusive.
            int bin = v == edges[last] ? last - 1 : upperBound(edges, v) - 1;
            counts[bin]++;
        }
        return counts;
    }

    /** Number of edges <= v. */
    private static int upperBound(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The paper's Gibbs entropy of a histogram: p = counts / (their sum), G = -sum p log(p + 1e-10)
     * in the given log base (2 for bits, e for nats). NaN when nothing was counted, as numpy's 0/0.
     */
    public static double gibbsEntropy(long[] counts, double logBase) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double logOfBase = Math.log(logBase);
        double g = 0;
        for (long c : counts) {
            double p = (double) c / total;
            g -= p * (Math.log(p + 1e-10) / logOfBase);
        }
        return total == 0 ? Double.NaN : g;
    }

    /** Pearson's correlation coefficient of two equally long series (NaN when one is constant). */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("Pearson's r needs two series of the same length >= 2, not " + x.length
                    + " and " + y.length);
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * The sample standard deviation (numpy's {@code std(x, ddof=1)}): two passes, the mean first,
     * then the squared deviations from it. 0 for a single value, where the spread is unknown rather
     * than undefined for a summary of one seed.
     */
    public static double standardDeviation(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("standard deviation of no values");
        }
        if (x.length == 1) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /**
     * Spearman's rank correlation (scipy's {@code spearmanr}): Pearson's correlation of the ranks,
     * tied values sharing the mean of their ranks. How alike two criteria's rankings of the same
     * units are.
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("spearman of " + x.length + " and " + y.length + " values");
        }
        return pearson(ranks(x), ranks(y));
    }

    /** 1-based ranks, ties given the mean of the ranks they span. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] ranks = new double[v.length];
        for (int start = 0; start < v.length; ) {
            int end = start;
            while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
