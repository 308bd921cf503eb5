package org.dtc.cs;

import org.dtc.core.Kernels;
import org.dtc.core.Op;

/**
 * ISTA and FISTA: x+ = soft(v - t grad f(v), lambda t) with f = ||Theta x - y||^2, grad f =
 * 2 Theta^T (Theta x - y), step t = 1/L where L = 2 lambda_max(Theta^T Theta) (power iteration,
 * once per plan), or searched by backtracking. FISTA extrapolates v from the last two iterates
 * (Beck and Teboulle) and, with restart on, resets the momentum whenever it points uphill
 * (O'Donoghue and Candes' gradient scheme). The gap is checked every {@link #CHECK_EVERY}
 * iterations.
 */
public final class ProximalGradient implements LassoSolver {
    /** Gap checks cost two more matrix-vector products; every tenth iteration keeps that small. */
    static final int CHECK_EVERY = 10;

    private final boolean accelerated;

    private ProximalGradient(boolean accelerated) {
        this.accelerated = accelerated;
    }

    public static ProximalGradient ista() {
        return new ProximalGradient(false);
    }

    public static ProximalGradient fista() {
        return new ProximalGradient(true);
    }

    @Override
    public String name() {
        return accelerated ? "fista" : "ista";
    }

    @Override
    public LassoPlan plan(double[] theta, int n, int m) {
        return new Plan(theta, n, m);
    }

    private final class Plan extends LassoPlan {
        /** Lipschitz constant of grad f, with a hair of margin for the power iteration's error. */
        private final double lipschitz;
        private final double[] v;
        private final double[] next;
        private final double[] r;
        private final double[] grad;

        Plan(double[] theta, int n, int m) {
            super(theta, n, m);
            lipschitz = 2 * largestEigenvalue(theta, n, m) * (1 + 1e-9);
            v = new double[m];
            next = new double[m];
            r = new double[n];
            grad = new double[m];
        }

        @Override
        public String solver() {
            return name();
        }

        @Override
        protected void run(double[] y, double lambda, double[] x, LassoOptions options) {
            if (lipschitz == 0) { // Theta = 0: x = 0 is optimal
                java.util.Arrays.fill(x, 0);
                finish(y, lambda, x, SolverStatus.SOLVED, 0);
                return;
            }
            double L = options.backtracking() ? lipschitz / 8 : lipschitz;
            double momentum = 1;
            System.arraycopy(x, 0, v, 0, m);
            for (int it = 1; it <= options.maxIterations(); it++) {
                // r = y - Theta v, grad = -2 Theta^T r
                System.arraycopy(y, 0, r, 0, n);
                Kernels.gemv(Op.N, n, m, -1.0, theta, 0, m, v, 0, 1.0, r, 0);
                Kernels.gemv(Op.T, n, m, -2.0, theta, 0, m, r, 0, 0.0, grad, 0);
                double fv = Kernels.dot(r, 0, r, 0, n);
                while (true) {
                    step(v, grad, 1 / L, lambda / L, next);
                    if (!options.backtracking() || sufficientDecrease(y, fv, L)) {
                        break;
                    }
                    L *= 2;
                }
                if (accelerated) {
                    double nextMomentum = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
                    double beta = (momentum - 1) / nextMomentum;
                    momentum = nextMomentum;
                    if (options.restart() && uphill(x)) {
                        momentum = 1;
                        beta = 0;
                    }
                    for (int j = 0; j < m; j++) {
                        double xj = next[j];
                        v[j] = xj + beta * (xj - x[j]);
                        x[j] = xj;
                    }
                } else {
                    System.arraycopy(next, 0, x, 0, m);
                    System.arraycopy(next, 0, v, 0, m);
                }
                if (it % CHECK_EVERY == 0 || it == options.maxIterations()) {
                    double relativeGap = measure(y, lambda, x);
                    if (Double.isNaN(relativeGap)) {
                        finish(y, lambda, x, SolverStatus.NUMERICAL_FAILURE, it);
                        return;
                    }
                    if (relativeGap <= options.tolerance()) {
                        result.status = SolverStatus.SOLVED;
                        result.iterations = it;
                        return;
                    }
                }
            }
            result.status = SolverStatus.ITERATION_LIMIT;
            result.iterations = options.maxIterations();
        }

        /** out = soft(v - t grad, threshold). */
        private void step(double[] point, double[] gradient, double t, double threshold, double[] out) {
            System.arraycopy(point, 0, out, 0, m);
            Kernels.axpy(m, -t, gradient, 0, out, 0);
            Kernels.softThreshold(m, threshold, out, 0, out, 0);
        }

        /** FISTA's restart test: (v - x_new)^T (x_new - x) > 0, the momentum points uphill. */
        private boolean uphill(double[] x) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += (v[j] - next[j]) * (next[j] - x[j]);
            }
            return s > 0;
        }

        /** Backtracking's test: f(next) <= f(v) + grad^T (next - v) + L/2 ||next - v||^2. */
        private boolean sufficientDecrease(double[] y, double fv, double L) {
            System.arraycopy(y, 0, r, 0, n);
            Kernels.gemv(Op.N, n, m, -1.0, theta, 0, m, next, 0, 1.0, r, 0);
            double fNext = Kernels.dot(r, 0, r, 0, n);
            double linear = 0;
            double quadratic = 0;
            for (int j = 0; j < m; j++) {
                double d = next[j] - v[j];
                linear += grad[j] * d;
                quadratic += d * d;
            }
            // Near the optimum both sides agree to rounding; without a few ulps of slack the
            // test fails on noise and doubles L until the steps stall.
            return fNext <= fv + linear + L / 2 * quadratic + 64 * Math.ulp(fv);
        }

        private void finish(double[] y, double lambda, double[] x, SolverStatus status, int iterations) {
            measure(y, lambda, x);
            result.status = status;
            result.iterations = iterations;
        }
    }
}
