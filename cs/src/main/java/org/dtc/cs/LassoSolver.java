package org.dtc.cs;

import java.util.List;
import java.util.Locale;

/** A LASSO method. {@link #plan} prepares it for one Theta; the plan then solves for any y and lambda. */
public interface LassoSolver {
    /** The name the command line uses. */
    String name();

    /** Everything that depends on Theta (n x m, row-major) alone, computed once. */
    LassoPlan plan(double[] theta, int n, int m);

    /** The solvers, by name: ista, fista, admm, lars. */
    static LassoSolver named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ista" -> ProximalGradient.ista();
            case "fista" -> ProximalGradient.fista();
            case "admm" -> new Admm();
            case "lars" -> new Homotopy();
            default -> throw new IllegalArgumentException("unknown solver '" + name + "': known are "
                    + String.join(", ", NAMES));
        };
    }

    /** Every solver name. */
    List<String> NAMES = List.of("ista", "fista", "admm", "lars");
}
