package org.dtc.cs;

import java.util.Arrays;
import java.util.List;

/** A LASSO method. {@link #plan} prepares it for one Theta; the plan then solves for any y and lambda. */
public interface LassoSolver {
    /** The name the command line uses. */
    String name();

    /** Everything that depends on Theta (n x m, row-major) alone, computed once. */
    LassoPlan plan(double[] theta, int n, int m);

    /** The solvers, by name: ista, fista, admm, lars (see {@link Solver}). */
    static LassoSolver named(String name) {
        return Solver.named(name).create();
    }

    /** Every solver name. */
    List<String> NAMES = Arrays.stream(Solver.values()).map(Solver::cliName).toList();
}
