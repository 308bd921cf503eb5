package org.dtc.engine;

import java.util.function.Function;

/**
 * The criteria scored from a cycle's last training batches ({@link Calibration}): {@code taylor}
 * and {@code activation} remove the smallest scores, {@code apoz} the largest (the units most
 * often silent); ties to the lower index.
 */
final class CalibratedStrategy implements PruningStrategy {
    private final String name;
    private final Function<Calibration.LayerStats, double[]> score;
    private final ClipRule rule;

    private CalibratedStrategy(String name, Function<Calibration.LayerStats, double[]> score, ClipRule rule) {
        this.name = name;
        this.score = score;
        this.rule = rule;
    }

    static CalibratedStrategy taylor() {
        return new CalibratedStrategy("taylor", Calibration.LayerStats::taylor, ClipRule.REMOVE_SMALLEST);
    }

    static CalibratedStrategy apoz() {
        // Scores are fractions in [0, 1]: keeping those below the quantile removes the largest.
        return new CalibratedStrategy("apoz", Calibration.LayerStats::apoz, ClipRule.KEEP_BELOW_QUANTILE);
    }

    static CalibratedStrategy activation() {
        return new CalibratedStrategy("activation", Calibration.LayerStats::meanActivation, ClipRule.REMOVE_SMALLEST);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        double[] scores = score.apply(layer.calibration());
        return LayerDecision.ranked(scores, layer.kept(), rule);
    }
}
