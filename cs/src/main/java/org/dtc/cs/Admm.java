package org.dtc.cs;

import org.dtc.core.Kernels;
import org.dtc.core.Op;

/**
 * ADMM in the style of SCS (O'Donoghue, Chu, Parikh and Boyd; the solver the paper ran through
 * cvxpy), specialised to the LASSO split x = z with f(x) = ||Theta x - y||^2, g(z) = lambda ||z||_1:
 *
 * <pre>
 *   x    = (2 Theta^T Theta + rho I)^-1 (2 Theta^T y + rho (z - u))
 *   xhat = alpha x + (1 - alpha) z                 over-relaxation, alpha = 1.5 as in SCS
 *   z    = soft(xhat + u, lambda / rho)
 *   u    = u + xhat - z
 * </pre>
 *
 * The m x m system is solved through the matrix-inversion lemma with a Cholesky factor of the
 * n x n matrix rho I + 2 Theta Theta^T (n much smaller than m here), refactored only when rho
 * changes. rho is rebalanced (Boyd et al., section 3.4.1) while the primal residual ||x - z|| and
 * the dual residual rho ||z - z_prev|| differ by more than a factor 10. It stops on the relative
 * duality gap at z, or, with the solver criterion, when both residuals and the gap are within
 * eps_abs + eps_rel * scale as SCS does. The solution returned is z, whose zeros are exact.
 */
public final class Admm implements LassoSolver {
    static final double ALPHA = 1.5;
    private static final double IMBALANCE = 10;
    private static final double RHO_FACTOR = 2;
    private static final int REBALANCE_EVERY = 10;
    /** Rebalancing stops after this many iterations, so that the method provably converges. */
    private static final int REBALANCE_UNTIL = 5_000;

    @Override
    public String name() {
        return "admm";
    }

    @Override
    public LassoPlan plan(double[] theta, int n, int m) {
        return new Plan(theta, n, m);
    }

    private static final class Plan extends LassoPlan {
        private final double[] gram;
        private final double[] factor;
        private final double[] q;
        private final double[] b;
        private final double[] t;
        private final double[] xk;
        private final double[] z;
        private final double[] zPrevious;
        private final double[] u;
        private double factoredRho = Double.NaN;

        Plan(double[] theta, int n, int m) {
            super(theta, n, m);
            gram = gram(theta, n, m);
            factor = new double[n * n];
            q = new double[m];
            b = new double[m];
            t = new double[n];
            xk = new double[m];
            z = new double[m];
            zPrevious = new double[m];
            u = new double[m];
        }

        @Override
        public String solver() {
            return "admm";
        }

        @Override
        protected void run(double[] y, double lambda, double[] x, LassoOptions options) {
            double rho = lambda > 0 ? lambda : 1;
            Kernels.gemv(Op.T, n, m, 2.0, theta, 0, m, y, 0, 0.0, q, 0);
            // Warm start: z = x, and u where the fixed point puts it, u = -grad f(x) / rho.
            System.arraycopy(x, 0, z, 0, m);
            measure(y, lambda, z);
            for (int j = 0; j < m; j++) {
                u[j] = 2 * correlation[j] / rho;
            }
            double eps = options.tolerance();
            for (int it = 1; it <= options.maxIterations(); it++) {
                if (rho != factoredRho && !refactor(rho)) {
                    finish(y, lambda, x, SolverStatus.NUMERICAL_FAILURE, it);
                    return;
                }
                // x = (b - 2 Theta^T (rho I + 2 Theta Theta^T)^-1 Theta b) / rho, b = q + rho (z - u)
                for (int j = 0; j < m; j++) {
                    b[j] = q[j] + rho * (z[j] - u[j]);
                }
                Kernels.gemv(Op.N, n, m, 1.0, theta, 0, m, b, 0, 0.0, t, 0);
                Cholesky.solve(factor, n, n, t);
                System.arraycopy(b, 0, xk, 0, m);
                Kernels.gemv(Op.T, n, m, -2.0, theta, 0, m, t, 0, 1.0, xk, 0);
                Kernels.scale(m, 1 / rho, xk, 0);

                System.arraycopy(z, 0, zPrevious, 0, m);
                double primal = 0;
                double dual = 0;
                double xNorm = 0;
                double zNorm = 0;
                double uNorm = 0;
                for (int j = 0; j < m; j++) {
                    double relaxed = ALPHA * xk[j] + (1 - ALPHA) * zPrevious[j];
                    double v = relaxed + u[j];
                    double threshold = lambda / rho;
                    double zj = Math.abs(v) <= threshold ? 0 : v > 0 ? v - threshold : v + threshold;
                    z[j] = zj;
                    u[j] = v - zj;
                    primal += (xk[j] - zj) * (xk[j] - zj);
                    dual += (zj - zPrevious[j]) * (zj - zPrevious[j]);
                    xNorm += xk[j] * xk[j];
                    zNorm += zj * zj;
                    uNorm += u[j] * u[j];
                }
                primal = Math.sqrt(primal);
                dual = rho * Math.sqrt(dual);
                result.primalResidual = primal;
                result.dualResidual = dual;
                if (!Double.isFinite(primal) || !Double.isFinite(dual)) {
                    finish(y, lambda, x, SolverStatus.NUMERICAL_FAILURE, it);
                    return;
                }

                boolean check = options.solverCriterion()
                        ? primal <= eps * Math.sqrt(m) + eps * Math.sqrt(Math.max(xNorm, zNorm))
                                && dual <= eps * Math.sqrt(m) + eps * rho * Math.sqrt(uNorm)
                        : it % ProximalGradient.CHECK_EVERY == 0;
                if (check || it == options.maxIterations()) {
                    double relativeGap = measure(y, lambda, z);
                    if (relativeGap <= eps) {
                        System.arraycopy(z, 0, x, 0, m);
                        result.status = SolverStatus.SOLVED;
                        result.iterations = it;
                        return;
                    }
                }
                if (it % REBALANCE_EVERY == 0 && it <= REBALANCE_UNTIL) {
                    // Scaled dual variable u = y / rho: rescale it with rho.
                    if (primal > IMBALANCE * dual) {
                        rho *= RHO_FACTOR;
                        Kernels.scale(m, 1 / RHO_FACTOR, u, 0);
                    } else if (dual > IMBALANCE * primal) {
                        rho /= RHO_FACTOR;
                        Kernels.scale(m, RHO_FACTOR, u, 0);
                    }
                }
            }
            System.arraycopy(z, 0, x, 0, m);
            measure(y, lambda, x);
            result.status = SolverStatus.ITERATION_LIMIT;
            result.iterations = options.maxIterations();
        }

        /** Factors rho I + 2 Theta Theta^T. */
        private boolean refactor(double rho) {
            for (int i = 0; i < n * n; i++) {
                factor[i] = 2 * gram[i];
            }
            for (int i = 0; i < n; i++) {
                factor[i * n + i] += rho;
            }
            factoredRho = rho;
            return Cholesky.factor(factor, n, n);
        }

        private void finish(double[] y, double lambda, double[] x, SolverStatus status, int iterations) {
            System.arraycopy(z, 0, x, 0, m);
            measure(y, lambda, x);
            result.status = status;
            result.iterations = iterations;
        }
    }
}
