package org.dtc.engine;

import org.dtc.cs.Dct;
import org.dtc.cs.LassoOptions;
import org.dtc.cs.LassoPlan;
import org.dtc.cs.LassoResult;
import org.dtc.cs.SolverStatus;

/**
 * Dual Tomographic Compression: reconstruct both weight rays of the layer by inverse compressed
 * sensing (LASSO over the DCT basis from their measurements) and rank the neurons by the sum of
 * the two solutions (coefficient j read as neuron j, as the paper's code does) or of their
 * reconstructions Psi s.
 */
public final class DtcStrategy implements PruningStrategy {
    @Override
    public String name() {
        return "dtc";
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        EngineConfig config = layer.config();
        Sensing sensing = config.sensing();
        int m = layer.units();
        var measurement = layer.measurement();
        LassoPlan plan = sensing.solver().create().plan(measurement.theta(), measurement.n(), m);
        LassoOptions options = sensing.scsDefaults() ? LassoOptions.SCS_DEFAULTS : LassoOptions.DEFAULT;
        double[] previous = new double[m];
        double[] next = new double[m];
        LassoResult a = plan.solve(layer.measuredIncoming(), sensing.lambda(), previous, options);
        SolverStatus statusA = a.status();
        int iterations = a.iterations();
        double seconds = a.seconds();
        LassoResult b = plan.solve(layer.measuredOutgoing(), sensing.lambda(), next, options);
        SolverStatus status = worse(statusA, b.status());
        iterations += b.iterations();
        seconds += b.seconds();
        if (config.pruning().score() == ScoreKind.RECONSTRUCTION) {
            Dct dct = new Dct(sensing.basis(), m);
            dct.apply(previous, 0, previous, 0);
            dct.apply(next, 0, next, 0);
        }
        double[] scores = new double[m];
        for (int u = 0; u < m; u++) {
            scores[u] = previous[u] + next[u];
        }
        return new LayerDecision(KeepRule.keep(scores, layer.kept(), config.pruning().clipRule()), scores,
                config.pruning().clipRule(), status, iterations,
                seconds);
    }

    private static SolverStatus worse(SolverStatus a, SolverStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
