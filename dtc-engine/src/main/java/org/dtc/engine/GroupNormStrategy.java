package org.dtc.engine;

/**
 * The group-norm criteria {@code l1} and {@code l2}, as Torch-Pruning's GroupMagnitudeImportance
 * computes them for a neuron: its group is its incoming row of W_j, its outgoing column of
 * W_{j+1} and, with batch norm, its scale; each member contributes the sum of |w|^p (p = 1 or 2,
 * no root), and the score is their mean. The smallest scores go, ties by the lower index,
 * whatever the preset's clipping rule (which is DTC's).
 */
final class GroupNormStrategy implements PruningStrategy {
    private final int p;

    GroupNormStrategy(int p) {
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException("group norms are of p = 1 or 2, not " + p);
        }
        this.p = p;
    }

    @Override
    public String name() {
        return "l" + p;
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        LayerWeights w = layer.weights();
        int m = w.units();
        double[] scores = new double[m];
        int members = w.scale() == null ? 2 : 3;
        for (int u = 0; u < m; u++) {
            double in = 0;
            for (int i = 0; i < w.inputs(); i++) {
                in += power(w.incoming()[u * w.inputs() + i]);
            }
            double out = 0;
            for (int k = 0; k < w.outputs(); k++) {
                out += power(w.outgoing()[k * m + u]);
            }
            double scale = w.scale() == null ? 0 : power(w.scale()[u]);
            scores[u] = (in + out + scale) / members;
        }
        return LayerDecision.ranked(scores, layer.kept(), ClipRule.REMOVE_SMALLEST);
    }

    private double power(float v) {
        return p == 1 ? Math.abs(v) : (double) v * v;
    }
}
