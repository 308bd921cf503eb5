package org.dtc.engine;

/**
 * Which neurons go at each prune and when the run ends.
 *
 * @param score         DTC's ranking: LASSO coefficients or their reconstructions
 * @param clipRule      which end of the ranking is removed
 * @param pruneFraction fraction of a layer's current units removed per cycle
 * @param stopSize      stop once a hidden layer has this many units or fewer
 * @param maxCycles     stop after this many cycles at the latest
 * @param calibrationBatches the last training batches of a cycle whose gradients and activations
 *                      the data-driven criteria (taylor, apoz, activation) score from
 */
public record Pruning(ScoreKind score, ClipRule clipRule, double pruneFraction, int stopSize, int maxCycles,
                      int calibrationBatches) {
    /** The paper's text: remove the 10% of smallest scores per cycle until a layer has 10 units or fewer. */
    public static final Pruning PAPER = new Pruning(ScoreKind.COEFFICIENTS, ClipRule.REMOVE_SMALLEST, 0.1, 10,
            Integer.MAX_VALUE, 10);

    public Pruning {
        if (!(pruneFraction > 0 && pruneFraction < 1)) {
            throw new IllegalArgumentException("prune fraction must lie in (0, 1), not " + pruneFraction);
        }
        if (stopSize < 1) {
            throw new IllegalArgumentException("stop size must be at least 1, not " + stopSize);
        }
        if (maxCycles < 1) {
            throw new IllegalArgumentException("the cycle limit must be at least 1, not " + maxCycles);
        }
        if (calibrationBatches < 1) {
            throw new IllegalArgumentException("calibration batches must be at least 1, not " + calibrationBatches);
        }
    }

    public Pruning withScore(ScoreKind v) {
        return new Pruning(v, clipRule, pruneFraction, stopSize, maxCycles, calibrationBatches);
    }

    public Pruning withClipRule(ClipRule v) {
        return new Pruning(score, v, pruneFraction, stopSize, maxCycles, calibrationBatches);
    }

    public Pruning withPruneFraction(double v) {
        return new Pruning(score, clipRule, v, stopSize, maxCycles, calibrationBatches);
    }

    public Pruning withStopSize(int v) {
        return new Pruning(score, clipRule, pruneFraction, v, maxCycles, calibrationBatches);
    }

    public Pruning withMaxCycles(int v) {
        return new Pruning(score, clipRule, pruneFraction, stopSize, v, calibrationBatches);
    }

    public Pruning withCalibrationBatches(int v) {
        return new Pruning(score, clipRule, pruneFraction, stopSize, maxCycles, v);
    }
}
