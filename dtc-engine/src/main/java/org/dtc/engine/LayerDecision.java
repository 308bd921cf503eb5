package org.dtc.engine;

import org.dtc.cs.SolverStatus;

/**
 * A strategy's answer for one layer: the units to keep, in the order the pruned layer gets them,
 * the scores behind the choice and the rule that read them (both null for random picks), and
 * what the solver spent (status null: no solver ran).
 */
public record LayerDecision(int[] keep, double[] scores, ClipRule rule, SolverStatus solverStatus,
                            int solverIterations, double solverSeconds) {
    /** The {@code kept} units the rule keeps by the scores, decided without a solver. */
    public static LayerDecision ranked(double[] scores, int kept, ClipRule rule) {
        return new LayerDecision(KeepRule.keep(scores, kept, rule), scores, rule, null, 0, 0);
    }

    /** Units picked without scores. */
    public static LayerDecision picked(int[] keep) {
        return new LayerDecision(keep, null, null, null, 0, 0);
    }

    /**
     * The scores turned so that a larger value means kept sooner (|score| where the rule removes
     * the smallest, -|score| where it removes the largest), comparable across strategies; null
     * without scores.
     */
    public double[] keepPriority() {
        if (scores == null) {
            return null;
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = rule == ClipRule.REMOVE_SMALLEST ? Math.abs(scores[i]) : -Math.abs(scores[i]);
        }
        return p;
    }
}
