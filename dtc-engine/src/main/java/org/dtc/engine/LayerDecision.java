package org.dtc.engine;

import org.dtc.cs.SolverStatus;

/**
 * A strategy's answer for one layer: the units to keep, in the order the pruned layer gets them,
 * the scores behind the choice (null for random picks) and what the solver spent (status null:
 * no solver ran).
 */
public record LayerDecision(int[] keep, double[] scores, SolverStatus solverStatus, int solverIterations,
                            double solverSeconds) {
    /** A decision made without a solver. */
    public static LayerDecision of(int[] keep, double[] scores) {
        return new LayerDecision(keep, scores, null, 0, 0);
    }
}
