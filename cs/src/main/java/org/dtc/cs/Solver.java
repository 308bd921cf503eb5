package org.dtc.cs;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** The LASSO methods by name; the command line spells them in lower case. */
public enum Solver {
    ISTA(ProximalGradient::ista),
    FISTA(ProximalGradient::fista),
    ADMM(Admm::new),
    /** The homotopy (LARS-LASSO) path: exact up to rounding. */
    LARS(Homotopy::new);

    private final Supplier<LassoSolver> make;

    Solver(Supplier<LassoSolver> make) {
        this.make = make;
    }

    /** A new solver of this kind. */
    public LassoSolver create() {
        return make.get();
    }

    /** The name the command line and the result files use: "lars", "fista", ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method of that name, in any case. */
    public static Solver named(String name) {
        for (Solver s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown solver '" + name + "': known are "
                + String.join(", ", Arrays.stream(values()).map(Solver::cliName).toList()));
    }
}
