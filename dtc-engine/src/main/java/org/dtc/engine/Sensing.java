package org.dtc.engine;

import org.dtc.cs.DctType;
import org.dtc.cs.Solver;

/**
 * DTC's inverse compressed sensing of a layer's weight rays: n = m (1 - csSparsity) Gaussian
 * measurements over the DCT basis, and the LASSO that reconstructs the rays from them.
 *
 * @param basis       the DCT of Psi
 * @param csSparsity  s of the measurement count
 * @param lambda      LASSO weight (the objective is ||Theta s - y||^2 + lambda ||s||_1, no 1/2)
 * @param solver      the LASSO method
 * @param scsDefaults stop the solver on SCS's default rule (about 1e-4), as cvxpy ran it, instead
 *                    of solving to the solver's own tight tolerance
 */
public record Sensing(DctType basis, double csSparsity, double lambda, Solver solver, boolean scsDefaults) {
    /** The paper's: 10% of m measurements, lambda 0.3, over the DCT-II, solved exactly. */
    public static final Sensing PAPER = new Sensing(DctType.II, 0.9, 0.3, Solver.LARS, false);

    public Sensing {
        if (!(csSparsity >= 0 && csSparsity < 1)) {
            throw new IllegalArgumentException("CS sparsity must lie in [0, 1), not " + csSparsity);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, not " + lambda
                    + " (at 0 the LASSO is plain least squares, which has no unique solution with fewer "
                    + "measurements than unknowns)");
        }
    }

    public Sensing withBasis(DctType v) {
        return new Sensing(v, csSparsity, lambda, solver, scsDefaults);
    }

    public Sensing withCsSparsity(double v) {
        return new Sensing(basis, v, lambda, solver, scsDefaults);
    }

    public Sensing withLambda(double v) {
        return new Sensing(basis, csSparsity, v, solver, scsDefaults);
    }

    public Sensing withSolver(Solver v) {
        return new Sensing(basis, csSparsity, lambda, v, scsDefaults);
    }

    public Sensing withScsDefaults(boolean v) {
        return new Sensing(basis, csSparsity, lambda, solver, v);
    }
}
