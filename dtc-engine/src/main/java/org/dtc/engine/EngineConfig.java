package org.dtc.engine;

import org.dtc.cs.DctType;
import org.dtc.nn.Init;
import org.dtc.nn.NetworkSpec;

/**
 * Every setting of a train-compress run. Where the author's notebooks and the paper's text
 * disagree, the difference is a named field; {@link #reference()} reproduces the notebooks
 * (REFERENCE.md), {@link #paper()} follows the text.
 *
 * @param network                 widths, bias and batch-norm use
 * @param batchesPerCycle         training batches before each prune
 * @param batchSize               training batch size
 * @param learningRate            Adam's learning rate
 * @param resetOptimizerEachCycle a fresh Adam every cycle (the notebooks), or moments carried over
 *                                the surgery
 * @param restartBatchesEachCycle every cycle trains from batch 0 of the epoch again (the notebooks)
 * @param shuffle                 a seeded shuffle per epoch instead of file order
 * @param batchAxisLogSoftmax     the notebooks' log-softmax over the batch axis before the loss
 * @param meanOfBatchAccuracies   test accuracy as the unweighted mean of per-batch accuracies
 * @param evalBatchSize           test batch size
 * @param basis                   the DCT of Psi
 * @param numpyMeasurementCount   n = int(m * (1.0 - s)) in double arithmetic (the notebooks), or
 *                                round(m (1 - s))
 * @param csSparsity              s of the measurement count
 * @param lambda                  LASSO weight
 * @param solver                  LASSO solver name (lars, fista, ista, admm)
 * @param scsDefaults             stop the solver on SCS's default rule, as cvxpy ran it
 * @param score                   DTC's ranking: LASSO coefficients or their reconstructions
 * @param clipRule                which end of the ranking is removed
 * @param pruneFraction           fraction of a layer's current units removed per cycle
 * @param stopSize                stop once a hidden layer has this many units or fewer
 * @param maxCycles               stop after this many cycles at the latest
 * @param reuseSeeds              Phi and the random picks re-drawn from the run's seed at every call
 *                                (the notebooks), or from streams derived per cycle and layer
 * @param init                    weight initialisation
 * @param initGain                its gain
 * @param entropyLow              histogram range of the Gibbs entropy, low edge
 * @param entropyHigh             high end (exclusive, as numpy's arange)
 * @param entropyBinWidth         bin width
 * @param entropyBasePrevious     log base for the previous-layer measurement (2: bits)
 * @param entropyBaseNext         log base for the next-layer measurement (e: nats, as the notebook)
 */
public record EngineConfig(NetworkSpec network, int batchesPerCycle, int batchSize, double learningRate,
                           boolean resetOptimizerEachCycle, boolean restartBatchesEachCycle, boolean shuffle,
                           boolean batchAxisLogSoftmax, boolean meanOfBatchAccuracies, int evalBatchSize,
                           DctType basis, boolean numpyMeasurementCount, double csSparsity, double lambda,
                           String solver, boolean scsDefaults, ScoreKind score, ClipRule clipRule,
                           double pruneFraction, int stopSize, int maxCycles, boolean reuseSeeds, Init init,
                           double initGain, double entropyLow, double entropyHigh, double entropyBinWidth,
                           double entropyBasePrevious, double entropyBaseNext) {

    /** The author's notebooks, quirks included (see REFERENCE.md). */
    public static EngineConfig reference() {
        return new EngineConfig(NetworkSpec.parse("784-512-10"), 200, 512, 1e-3, true, true, false, true, true, 512,
                DctType.I, true, 0.9, 0.3, "lars", false, ScoreKind.COEFFICIENTS, ClipRule.KEEP_BELOW_QUANTILE,
                0.1, 10, Integer.MAX_VALUE, true, Init.XAVIER_NORMAL, 1.0, -50, 50, 0.2, 2, Math.E);
    }

    /**
     * The paper's text: batch norm on the input (the layer the author built), conventional
     * softmax cross-entropy, data shuffled per epoch and never restarted, Adam carried across
     * cycles, overall test accuracy, the conventional clipping rule (remove the smallest), a
     * DCT-II basis, fresh random streams per cycle.
     */
    public static EngineConfig paper() {
        return new EngineConfig(NetworkSpec.parse("784-512-10").withInputNorm(true), 200, 512, 1e-3, false, false,
                true, false, false, 512, DctType.II, false, 0.9, 0.3, "lars", false, ScoreKind.COEFFICIENTS,
                ClipRule.REMOVE_SMALLEST, 0.1, 10, Integer.MAX_VALUE, false, Init.XAVIER_NORMAL, 1.0, -50, 50, 0.2,
                2, Math.E);
    }

    public EngineConfig withNetwork(NetworkSpec n) {
        return new EngineConfig(n, batchesPerCycle, batchSize, learningRate, resetOptimizerEachCycle,
                restartBatchesEachCycle, shuffle, batchAxisLogSoftmax, meanOfBatchAccuracies, evalBatchSize, basis,
                numpyMeasurementCount, csSparsity, lambda, solver, scsDefaults, score, clipRule, pruneFraction,
                stopSize, maxCycles, reuseSeeds, init, initGain, entropyLow, entropyHigh, entropyBinWidth,
                entropyBasePrevious, entropyBaseNext);
    }

    public EngineConfig withSchedule(int batches, int batch, int maxCyclesLimit) {
        return new EngineConfig(network, batches, batch, learningRate, resetOptimizerEachCycle,
                restartBatchesEachCycle, shuffle, batchAxisLogSoftmax, meanOfBatchAccuracies, evalBatchSize, basis,
                numpyMeasurementCount, csSparsity, lambda, solver, scsDefaults, score, clipRule, pruneFraction,
                stopSize, maxCyclesLimit, reuseSeeds, init, initGain, entropyLow, entropyHigh, entropyBinWidth,
                entropyBasePrevious, entropyBaseNext);
    }

    public EngineConfig withSolver(String name, double weight) {
        return new EngineConfig(network, batchesPerCycle, batchSize, learningRate, resetOptimizerEachCycle,
                restartBatchesEachCycle, shuffle, batchAxisLogSoftmax, meanOfBatchAccuracies, evalBatchSize, basis,
                numpyMeasurementCount, csSparsity, weight, name, scsDefaults, score, clipRule, pruneFraction,
                stopSize, maxCycles, reuseSeeds, init, initGain, entropyLow, entropyHigh, entropyBinWidth,
                entropyBasePrevious, entropyBaseNext);
    }

    public EngineConfig withStop(int size, double fraction) {
        return new EngineConfig(network, batchesPerCycle, batchSize, learningRate, resetOptimizerEachCycle,
                restartBatchesEachCycle, shuffle, batchAxisLogSoftmax, meanOfBatchAccuracies, evalBatchSize, basis,
                numpyMeasurementCount, csSparsity, lambda, solver, scsDefaults, score, clipRule, fraction, size,
                maxCycles, reuseSeeds, init, initGain, entropyLow, entropyHigh, entropyBinWidth, entropyBasePrevious,
                entropyBaseNext);
    }

    public EngineConfig withEvalBatchSize(int size) {
        return new EngineConfig(network, batchesPerCycle, batchSize, learningRate, resetOptimizerEachCycle,
                restartBatchesEachCycle, shuffle, batchAxisLogSoftmax, meanOfBatchAccuracies, size, basis,
                numpyMeasurementCount, csSparsity, lambda, solver, scsDefaults, score, clipRule, pruneFraction,
                stopSize, maxCycles, reuseSeeds, init, initGain, entropyLow, entropyHigh, entropyBinWidth,
                entropyBasePrevious, entropyBaseNext);
    }

    /** Measurements for m unknowns under this configuration's counting. */
    public int measurementCount(int m) {
        return numpyMeasurementCount ? org.dtc.cs.Measurement.rows(m, csSparsity)
                : Math.max(1, (int) Math.round(m * (1 - csSparsity)));
    }
}
