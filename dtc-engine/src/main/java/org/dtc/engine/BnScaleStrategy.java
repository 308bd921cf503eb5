package org.dtc.engine;

/**
 * Network slimming's criterion (Liu et al. 2017): |gamma|, the batch-norm scale of each unit of
 * the layer; the smallest go, ties to the lower index. Only for networks with learnable batch
 * norm after the hidden layers.
 */
final class BnScaleStrategy implements PruningStrategy {
    @Override
    public String name() {
        return "bn-scale";
    }

    @Override
    public void check(EngineConfig config) {
        if (!config.network().hiddenNorm() || !config.network().affine()) {
            throw new IllegalArgumentException("bn-scale ranks units by their batch-norm scale, and the network "
                    + config.network() + " has no learnable batch norm after its hidden layers (--hidden-norm true)");
        }
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        float[] gamma = layer.weights().scale();
        double[] scores = new double[gamma.length];
        for (int u = 0; u < scores.length; u++) {
            scores[u] = Math.abs(gamma[u]);
        }
        return LayerDecision.ranked(scores, layer.kept(), ClipRule.REMOVE_SMALLEST);
    }
}
