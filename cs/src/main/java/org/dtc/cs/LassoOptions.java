package org.dtc.cs;

/**
 * Stopping and tuning of a solve.
 *
 * @param tolerance      relative duality gap to stop at (gap / objective); for ADMM with
 *                       {@code solverCriterion} also its eps_abs = eps_rel
 * @param maxIterations  iteration limit
 * @param solverCriterion stop on the solver's own criterion (ADMM: primal and dual residuals and
 *                       gap within eps_abs + eps_rel * scale, as SCS does) instead of the gap
 * @param backtracking   proximal gradient: search the step instead of using 1/L
 * @param restart        FISTA: adaptive (gradient) restart of the momentum
 */
public record LassoOptions(double tolerance, int maxIterations, boolean solverCriterion, boolean backtracking,
                           boolean restart) {
    /** Relative gap 1e-6, 100,000 iterations, FISTA with restart, fixed step. */
    public static final LassoOptions DEFAULT = new LassoOptions(1e-6, 100_000, false, false, true);

    /**
     * SCS's default settings, as cvxpy ran it for the paper: eps_abs = eps_rel = 1e-4 on its own
     * residual criterion, over-relaxation 1.5 (ADMM always uses it).
     */
    public static final LassoOptions SCS_DEFAULTS = new LassoOptions(1e-4, 100_000, true, false, true);

    public LassoOptions {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be finite and > 0, not " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be at least 1, not " + maxIterations);
        }
    }

    public LassoOptions withTolerance(double t) {
        return new LassoOptions(t, maxIterations, solverCriterion, backtracking, restart);
    }

    public LassoOptions withMaxIterations(int n) {
        return new LassoOptions(tolerance, n, solverCriterion, backtracking, restart);
    }

    public LassoOptions withBacktracking(boolean b) {
        return new LassoOptions(tolerance, maxIterations, solverCriterion, b, restart);
    }

    public LassoOptions withRestart(boolean r) {
        return new LassoOptions(tolerance, maxIterations, solverCriterion, backtracking, r);
    }
}
