package org.dtc.engine;

/** Magnitude pruning on the raw weight rays: score = incoming sum + outgoing sum. */
public final class MagnitudeStrategy implements PruningStrategy {
    @Override
    public String name() {
        return "magnitude";
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        double[] scores = new double[layer.units()];
        for (int u = 0; u < scores.length; u++) {
            scores[u] = layer.incoming()[u] + layer.outgoing()[u];
        }
        return LayerDecision.ranked(scores, layer.kept(), layer.config().pruning().clipRule());
    }
}
