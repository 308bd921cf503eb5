package org.dtc.cs;

import org.dtc.core.Kernels;
import org.dtc.core.Op;

/**
 * A solver prepared for one Theta: whatever depends on Theta alone (step sizes, factorisations,
 * work buffers) is computed once here and reused by every {@link #solve}, which then allocates
 * nothing. Not thread-safe: one plan per thread.
 */
public abstract class LassoPlan {
    protected final double[] theta;
    protected final int n;
    protected final int m;
    protected final LassoResult result = new LassoResult();
    /** y - Theta x for the last {@link #measure}. */
    protected final double[] residual;
    /** Theta^T (y - Theta x) for the last {@link #measure}. */
    protected final double[] correlation;

    protected LassoPlan(double[] theta, int n, int m) {
        LassoProblem.checkTheta(theta, n, m);
        this.theta = theta;
        this.n = n;
        this.m = m;
        this.residual = new double[n];
        this.correlation = new double[m];
    }

    /** The solver's name as the command line spells it. */
    public abstract String solver();

    /**
     * Solves for this y and lambda. On entry x holds the warm start (zeros for a cold start), on
     * return the solution. The result is this plan's own object, overwritten by the next solve.
     */
    public final LassoResult solve(double[] y, double lambda, double[] x, LassoOptions options) {
        LassoProblem.checkRightHandSide(y, n, lambda);
        if (x == null || x.length != m) {
            throw new IllegalArgumentException("x has " + (x == null ? "no" : x.length) + " entries, Theta has "
                    + m + " columns");
        }
        LassoProblem.checkFinite("warm start x", x);
        long start = System.nanoTime();
        result.solver = solver();
        result.primalResidual = 0;
        result.dualResidual = 0;
        run(y, lambda, x, options);
        result.seconds = (System.nanoTime() - start) * 1e-9;
        return result;
    }

    /** Runs the method, leaving status, iterations, objective and gap in {@link #result}. */
    protected abstract void run(double[] y, double lambda, double[] x, LassoOptions options);

    /**
     * Objective and duality gap at x into {@link #result}. The dual of the problem is
     * max over nu of nu^T y - ||nu||^2 / 4 subject to ||Theta^T nu||_inf <= lambda; from
     * r = y - Theta x the point nu = 2 s r with s = min(1, lambda / ||2 Theta^T r||_inf) is
     * feasible, and its value 2 s r^T y - s^2 ||r||^2 bounds the optimum from below.
     *
     * @return the relative gap, or NaN when the arithmetic failed
     */
    protected final double measure(double[] y, double lambda, double[] x) {
        System.arraycopy(y, 0, residual, 0, n);
        Kernels.gemv(Op.N, n, m, -1.0, theta, 0, m, x, 0, 1.0, residual, 0);
        Kernels.gemv(Op.T, n, m, 1.0, theta, 0, m, residual, 0, 0.0, correlation, 0);
        double rr = Kernels.dot(residual, 0, residual, 0, n);
        double objective = rr + lambda * l1(x);
        double maxCorrelation = 0;
        for (int j = 0; j < m; j++) {
            maxCorrelation = Math.max(maxCorrelation, Math.abs(correlation[j]));
        }
        double s = maxCorrelation == 0 ? 1 : Math.min(1, lambda / (2 * maxCorrelation));
        double dual = 2 * s * Kernels.dot(residual, 0, y, 0, n) - s * s * rr;
        result.objective = objective;
        result.gap = Math.max(objective - dual, 0);
        if (!Double.isFinite(objective) || !Double.isFinite(dual)) {
            return Double.NaN;
        }
        return objective > 0 ? result.gap / objective : result.gap;
    }

    protected static double l1(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    /**
     * The largest eigenvalue of Theta^T Theta, by power iteration on the n x n matrix
     * Theta Theta^T (same nonzero eigenvalues, n <= m here), to 1e-12 relative.
     */
    static double largestEigenvalue(double[] theta, int n, int m) {
        double[] gram = gram(theta, n, m);
        double[] v = new double[n];
        double[] w = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        double estimate = 0;
        for (int it = 0; it < 10_000; it++) {
            Kernels.gemv(Op.N, n, n, 1.0, gram, 0, n, v, 0, 0.0, w, 0);
            double next = Kernels.dot(v, 0, w, 0, n); // Rayleigh quotient, v of unit length
            double norm = Math.sqrt(Kernels.dot(w, 0, w, 0, n));
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
            if (Math.abs(next - estimate) <= 1e-12 * next) {
                return Math.max(next, norm);
            }
            estimate = next;
        }
        return estimate;
    }

    /** Theta Theta^T, n x n. */
    static double[] gram(double[] theta, int n, int m) {
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double d = Kernels.dot(theta, i * m, theta, j * m, m);
                g[i * n + j] = d;
                g[j * n + i] = d;
            }
        }
        return g;
    }
}
