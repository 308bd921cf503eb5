package org.dtc.cs;

/**
 * What a solve reports. The object belongs to its plan and is overwritten by the plan's next
 * solve (so solving allocates nothing); copy what you keep. The solution itself is written into
 * the caller's x.
 */
public final class LassoResult {
    String solver;
    SolverStatus status;
    int iterations;
    double objective;
    double gap;
    double primalResidual;
    double dualResidual;
    double seconds;

    public String solver() {
        return solver;
    }

    public SolverStatus status() {
        return status;
    }

    public int iterations() {
        return iterations;
    }

    /** ||Theta x - y||^2 + lambda ||x||_1 at the returned x. */
    public double objective() {
        return objective;
    }

    /** Duality gap at the returned x (objective minus the best dual bound it yields), >= 0. */
    public double gap() {
        return gap;
    }

    /** Gap relative to the objective. */
    public double relativeGap() {
        return objective > 0 ? gap / objective : gap;
    }

    /** ADMM's ||x - z||; 0 for the other solvers. */
    public double primalResidual() {
        return primalResidual;
    }

    /** ADMM's rho ||z - z_prev||; 0 for the other solvers. */
    public double dualResidual() {
        return dualResidual;
    }

    public double seconds() {
        return seconds;
    }

    /** The fields as JSON would name them, for {@link org.dtc.core.Json}. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("solver", solver);
        m.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        m.put("iterations", iterations);
        m.put("objective", objective);
        m.put("gap", gap);
        m.put("relative_gap", relativeGap());
        m.put("primal_residual", primalResidual);
        m.put("dual_residual", dualResidual);
        m.put("seconds", seconds);
        return m;
    }

    /** One JSON object on one line. */
    public String toJson() {
        return org.dtc.core.Json.line(toMap());
    }
}
