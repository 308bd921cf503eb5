package org.dtc.core;

import java.util.Arrays;

/**
 * LOWESS smoothing as statsmodels' {@code lowess(y, x, frac, it, delta=0)} computes it (its
 * Cython implementation, with x sorted ascending): each point is fitted by a weighted local line
 * through its k = int(frac n + 1e-10) nearest neighbours, tricube distance weights times
 * robustness weights; then {@code it} robustifying passes reweight by the bisquare of the
 * residuals over six median absolute residuals.
 */
public final class Lowess {
    private Lowess() {}

    /** The smoothed values at each x; x must be sorted ascending, y of the same length. */
    public static double[] smooth(double[] x, double[] y, double frac, int iterations) {
        int n = x.length;
        if (y.length != n || n == 0) {
            throw new IllegalArgumentException("LOWESS needs x and y of one length >= 1, not " + n + " and " + y.length);
        }
        for (int i = 1; i < n; i++) {
            if (!(x[i] >= x[i - 1])) {
                throw new IllegalArgumentException("LOWESS needs x sorted ascending: x[" + i + "] = " + x[i]
                        + " after " + x[i - 1]);
            }
        }
        int k = (int) (frac * n + 1e-10);
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("LOWESS with frac " + frac + " takes " + k + " of " + n
                    + " points; it needs 2 or more");
        }
        double[] fitted = new double[n];
        double[] robustness = new double[n];
        Arrays.fill(robustness, 1.0);
        double[] weights = new double[n];
        double[] residuals = new double[n];
        for (int pass = 0; pass <= iterations; pass++) {
            int left = 0;
            int right = k; // exclusive
            for (int i = 0; i < n; i++) {
                // Slide the window of k points right while that centres it better on x_i.
                while (right < n && x[i] > (x[left] + x[right]) / 2) {
                    left++;
                    right++;
                }
                double radius = Math.max(x[i] - x[left], x[right - 1] - x[i]);
                fitted[i] = fitAt(x, y, i, left, right, radius, robustness, weights);
            }
            if (pass == iterations) {
                break;
            }
            for (int i = 0; i < n; i++) {
                residuals[i] = Math.abs(y[i] - fitted[i]);
            }
            double median = median(residuals);
            if (median <= 1e-7) {
                break; // statsmodels stops once the fit is (nearly) exact
            }
            for (int i = 0; i < n; i++) {
                double u = Math.min(residuals[i] / (6.0 * median), 1.0);
                double b = 1 - u * u;
                robustness[i] = b * b;
            }
        }
        return fitted;
    }

    /** The weighted local linear fit at x_i over points left .. right-1. */
    private static double fitAt(double[] x, double[] y, int i, int left, int right, double radius,
                                double[] robustness, double[] w) {
        double sum = 0;
        int positive = 0;
        for (int j = left; j < right; j++) {
            double d = radius > 0 ? Math.abs(x[j] - x[i]) / radius : 0;
            double tricube = d < 1 ? Math.pow(1 - d * d * d, 3) : 0;
            w[j] = tricube * robustness[j];
            sum += w[j];
        }
        if (sum <= 0) {
            return y[i];
        }
        for (int j = left; j < right; j++) {
            w[j] /= sum;
            if (w[j] > 1e-12) {
                positive++;
            }
        }
        if (positive < 2) {
            return y[i];
        }
        double xMean = 0;
        double yMean = 0;
        for (int j = left; j < right; j++) {
            xMean += w[j] * x[j];
            yMean += w[j] * y[j];
        }
        double sxx = 0;
        double sxy = 0;
        for (int j = left; j < right; j++) {
            double dx = x[j] - xMean;
            sxx += w[j] * dx * dx;
            sxy += w[j] * dx * (y[j] - yMean);
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return yMean + slope * (x[i] - xMean);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
