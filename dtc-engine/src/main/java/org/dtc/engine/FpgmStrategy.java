package org.dtc.engine;

/**
 * Filter pruning via the geometric median (He et al. 2019), on a neuron's incoming weights: a
 * neuron whose row of W_j lies close to all the others' (a small sum of Euclidean distances) is
 * the most replaceable. score_u = sum_k ||W[u,:] - W[k,:]||_2; the smallest scores go, ties by
 * the lower index.
 */
final class FpgmStrategy implements PruningStrategy {
    @Override
    public String name() {
        return "fpgm";
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        LayerWeights w = layer.weights();
        int m = w.units();
        int n = w.inputs();
        float[] rows = w.incoming();
        double[] scores = new double[m];
        // Each distance once, added to both ends: the same sum as the full m x m table.
        for (int u = 0; u < m; u++) {
            for (int k = u + 1; k < m; k++) {
                double d2 = 0;
                for (int i = 0; i < n; i++) {
                    double d = (double) rows[u * n + i] - rows[k * n + i];
                    d2 += d * d;
                }
                double d = Math.sqrt(d2);
                scores[u] += d;
                scores[k] += d;
            }
        }
        return LayerDecision.ranked(scores, layer.kept(), ClipRule.REMOVE_SMALLEST);
    }
}
