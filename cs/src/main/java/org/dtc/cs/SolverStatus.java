package org.dtc.cs;

/** How a LASSO solve ended. Non-convergence is a status, never an exception. */
public enum SolverStatus {
    /** The stopping criterion was met. */
    SOLVED,
    /** The iteration limit came first; the result is the last iterate. */
    ITERATION_LIMIT,
    /** The arithmetic broke down (a non-finite value, a singular system); the result is unreliable. */
    NUMERICAL_FAILURE
}
