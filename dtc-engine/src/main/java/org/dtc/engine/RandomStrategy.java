package org.dtc.engine;

import org.dtc.core.RandomStream;

/**
 * Random pruning: numpy's legacy {@code choice(m, kept, replace=False)} from this call's seed,
 * the kept units in the order drawn (so, as in the notebooks, surviving units are permuted).
 */
public final class RandomStrategy implements PruningStrategy {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        return LayerDecision.picked(new RandomStream(layer.seed()).choice(layer.units(), layer.kept()));
    }
}
