package org.dtc.cs;

import org.dtc.core.Kernels;
import org.dtc.core.Op;

/**
 * The exact LASSO by homotopy (LARS with the LASSO modification; Osborne, Presnell and Turlach;
 * Efron, Hastie, Johnstone and Tibshirani): follow the piecewise-linear solution path from
 * lambda = 2 ||Theta^T y||_inf, where x = 0, down to the requested lambda. On the path the
 * correlations c = Theta^T (y - Theta x) equal +-lambda/2 on the active set and are smaller
 * elsewhere; between breakpoints x moves along d = (Theta_A^T Theta_A)^-1 sign(c_A). A
 * breakpoint adds the variable whose correlation reaches the bound or drops the one that crosses
 * zero. With n much smaller than m the path has about n breakpoints, each O(n m), and the result
 * is exact to rounding. The Cholesky factor of the active Gram matrix grows by a row per added
 * variable and is rebuilt when one leaves; correlations are recomputed from the residual at
 * every breakpoint so that rounding does not drift along the path.
 *
 * <p>The path always starts at zero; a warm start is used only to return at once when it is
 * already optimal to the tolerance (a re-solve of the same problem). Should the active set become
 * linearly dependent (a degenerate problem), the method hands its iterate to FISTA, which
 * finishes the solve.
 */
public final class Homotopy implements LassoSolver {
    @Override
    public String name() {
        return "lars";
    }

    @Override
    public LassoPlan plan(double[] theta, int n, int m) {
        return new Plan(theta, n, m);
    }

    private static final class Plan extends LassoPlan {
        /** Theta^T: row j is column j of Theta, contiguous. */
        private final double[] columns;
        private final double[] columnNorms;
        private final int capacity;
        private final int[] active;
        private final boolean[] isActive;
        private final double[] signs;
        private final double[] chol;
        private final double[] direction;
        private final double[] v;
        private final double[] a;
        private LassoPlan fallback;
        private int size;

        Plan(double[] theta, int n, int m) {
            super(theta, n, m);
            columns = new double[m * n];
            columnNorms = new double[m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    columns[j * n + i] = theta[i * m + j];
                }
            }
            for (int j = 0; j < m; j++) {
                columnNorms[j] = Kernels.dot(columns, j * n, columns, j * n, n);
            }
            capacity = Math.min(n, m);
            active = new int[capacity];
            isActive = new boolean[m];
            signs = new double[capacity];
            chol = new double[capacity * capacity];
            direction = new double[capacity];
            v = new double[n];
            a = new double[m];
        }

        @Override
        public String solver() {
            return "lars";
        }

        @Override
        protected void run(double[] y, double lambda, double[] x, LassoOptions options) {
            if (measure(y, lambda, x) <= options.tolerance()) {
                result.status = SolverStatus.SOLVED;
                result.iterations = 0;
                return;
            }
            java.util.Arrays.fill(x, 0);
            java.util.Arrays.fill(isActive, false);
            size = 0;
            double target = lambda / 2;
            measure(y, lambda, x); // correlation = Theta^T y
            double mu = maxInactive();
            if (mu <= target) {
                result.status = SolverStatus.SOLVED;
                result.iterations = 0;
                return;
            }
            if (!join(argmaxInactive())) {
                handOver(y, lambda, x, options, 0);
                return;
            }
            double floor = 1e-14 * mu; // steps shorter than this are rounding, not breakpoints
            for (int it = 1; it <= options.maxIterations(); it++) {
                // direction on the active set: (Theta_A^T Theta_A) d = sign(c_A)
                System.arraycopy(signs, 0, direction, 0, size);
                Cholesky.solve(chol, size, capacity, direction);
                java.util.Arrays.fill(v, 0);
                for (int i = 0; i < size; i++) {
                    Kernels.axpy(n, direction[i], columns, active[i] * n, v, 0);
                }
                Kernels.gemv(Op.T, n, m, 1.0, theta, 0, m, v, 0, 0.0, a, 0);

                double gamma = mu - target;
                int joining = -1;
                int leaving = -1;
                for (int j = 0; j < m; j++) {
                    if (isActive[j]) {
                        continue;
                    }
                    double c = correlation[j];
                    double up = a[j] < 1 ? (mu - c) / (1 - a[j]) : Double.POSITIVE_INFINITY;
                    double down = a[j] > -1 ? (mu + c) / (1 + a[j]) : Double.POSITIVE_INFINITY;
                    double g = Math.min(up > floor ? up : Double.POSITIVE_INFINITY,
                            down > floor ? down : Double.POSITIVE_INFINITY);
                    if (g < gamma) {
                        gamma = g;
                        joining = j;
                    }
                }
                for (int i = 0; i < size; i++) {
                    double xi = x[active[i]];
                    if (direction[i] != 0) {
                        double g = -xi / direction[i];
                        if (g > floor && g < gamma) {
                            gamma = g;
                            leaving = i;
                            joining = -1;
                        }
                    }
                }

                for (int i = 0; i < size; i++) {
                    x[active[i]] += gamma * direction[i];
                }
                mu -= gamma;
                if (leaving >= 0) {
                    x[active[leaving]] = 0;
                    leave(leaving);
                }
                double relativeGap = measure(y, lambda, x); // fresh correlations, no drift
                if (Double.isNaN(relativeGap)) {
                    result.status = SolverStatus.NUMERICAL_FAILURE;
                    result.iterations = it;
                    return;
                }
                if (joining < 0 && leaving < 0) {
                    result.status = SolverStatus.SOLVED;
                    result.iterations = it;
                    return;
                }
                if (joining >= 0 && !join(joining)) {
                    handOver(y, lambda, x, options, it);
                    return;
                }
                if (leaving >= 0 && !refactor()) {
                    handOver(y, lambda, x, options, it);
                    return;
                }
            }
            result.status = SolverStatus.ITERATION_LIMIT;
            result.iterations = options.maxIterations();
        }

        private double maxInactive() {
            double best = 0;
            for (int j = 0; j < m; j++) {
                if (!isActive[j]) {
                    best = Math.max(best, Math.abs(correlation[j]));
                }
            }
            return best;
        }

        private int argmaxInactive() {
            int best = -1;
            for (int j = 0; j < m; j++) {
                if (!isActive[j] && (best < 0 || Math.abs(correlation[j]) > Math.abs(correlation[best]))) {
                    best = j;
                }
            }
            return best;
        }

        /** Adds column j with the sign of its correlation, growing the Cholesky factor by a row. */
        private boolean join(int j) {
            if (size == capacity) {
                return false;
            }
            int row = size * capacity;
            double dependent = 0;
            for (int i = 0; i < size; i++) {
                chol[row + i] = Kernels.dot(columns, active[i] * n, columns, j * n, n);
            }
            // L w = Theta_A^T theta_j, then the new diagonal is sqrt(||theta_j||^2 - ||w||^2).
            for (int i = 0; i < size; i++) {
                double s = chol[row + i];
                for (int p = 0; p < i; p++) {
                    s -= chol[i * capacity + p] * chol[row + p];
                }
                chol[row + i] = s / chol[i * capacity + i];
                dependent += chol[row + i] * chol[row + i];
            }
            double pivot = columnNorms[j] - dependent;
            if (!(pivot > 1e-12 * columnNorms[j])) {
                return false;
            }
            chol[row + size] = Math.sqrt(pivot);
            active[size] = j;
            signs[size] = Math.signum(correlation[j]);
            isActive[j] = true;
            size++;
            return true;
        }

        /** Drops active entry i, keeping the others in order. */
        private void leave(int i) {
            isActive[active[i]] = false;
            for (int k = i; k < size - 1; k++) {
                active[k] = active[k + 1];
                signs[k] = signs[k + 1];
            }
            size--;
        }

        /** Rebuilds the Cholesky factor of the active Gram matrix after a variable left. */
        private boolean refactor() {
            for (int r = 0; r < size; r++) {
                for (int c = 0; c <= r; c++) {
                    chol[r * capacity + c] = Kernels.dot(columns, active[r] * n, columns, active[c] * n, n);
                }
            }
            return Cholesky.factor(chol, size, capacity);
        }

        /** A degenerate active set: FISTA finishes from the current iterate. */
        private void handOver(double[] y, double lambda, double[] x, LassoOptions options, int done) {
            if (fallback == null) {
                fallback = ProximalGradient.fista().plan(theta, n, m);
            }
            LassoResult r = fallback.solve(y, lambda, x, options);
            result.status = r.status();
            result.iterations = done + r.iterations();
            result.objective = r.objective();
            result.gap = r.gap();
        }
    }
}
