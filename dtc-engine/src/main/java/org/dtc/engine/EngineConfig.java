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

    public EngineConfig {
        if (batchesPerCycle < 1 || batchSize < 1 || evalBatchSize < 1 || maxCycles < 1) {
            throw new IllegalArgumentException("batches per cycle, batch sizes and the cycle limit must be at least 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, not " + learningRate);
        }
        if (!(csSparsity >= 0 && csSparsity < 1)) {
            throw new IllegalArgumentException("CS sparsity must lie in [0, 1), not " + csSparsity);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, not " + lambda);
        }
        if (!(pruneFraction > 0 && pruneFraction < 1)) {
            throw new IllegalArgumentException("prune fraction must lie in (0, 1), not " + pruneFraction);
        }
        if (stopSize < 1) {
            throw new IllegalArgumentException("stop size must be at least 1, not " + stopSize);
        }
        for (int j = 0; j < network.hiddenLayers(); j++) {
            if (network.size(j + 1) <= stopSize) {
                throw new IllegalArgumentException("hidden layer " + j + " of " + network + " has " + network.size(j + 1)
                        + " units, not more than the stop size " + stopSize + ": there is nothing to compress");
            }
        }
        for (int l = 0; l < network.layers(); l++) {
            long weights = (long) network.size(l) * network.size(l + 1);
            if (weights < init.minimumWeights()) {
                throw new IllegalArgumentException("layer " + l + " of " + network + " has " + weights + " weights; "
                        + init + " draws only layers of " + init.minimumWeights() + " or more, as torch's normal_ does"
                        + " (--init XAVIER_NORMAL draws any)");
            }
        }
        org.dtc.cs.LassoSolver.named(solver); // refuses unknown names
    }

    /**
     * The author's notebooks, quirks included (see REFERENCE.md), the initial weights drawn as
     * their torch.Generator draws them.
     */
    public static EngineConfig reference() {
        return new EngineConfig(NetworkSpec.parse("784-512-10"), 200, 512, 1e-3, true, true, false, true, true, 512,
                DctType.I, true, 0.9, 0.3, "lars", false, ScoreKind.COEFFICIENTS, ClipRule.KEEP_BELOW_QUANTILE,
                0.1, 10, Integer.MAX_VALUE, true, Init.XAVIER_NORMAL_TORCH, 1.0, -50, 50, 0.2, 2, Math.E);
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
        return toBuilder().network(n).build();
    }

    public EngineConfig withSchedule(int batches, int batch, int maxCyclesLimit) {
        return toBuilder().batchesPerCycle(batches).batchSize(batch).maxCycles(maxCyclesLimit).build();
    }

    public EngineConfig withSolver(String name, double weight) {
        return toBuilder().solver(name).lambda(weight).build();
    }

    public EngineConfig withStop(int size, double fraction) {
        return toBuilder().stopSize(size).pruneFraction(fraction).build();
    }

    public EngineConfig withEvalBatchSize(int size) {
        return toBuilder().evalBatchSize(size).build();
    }

    /** A builder holding this configuration's settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.network = network;
        b.batchesPerCycle = batchesPerCycle;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.resetOptimizerEachCycle = resetOptimizerEachCycle;
        b.restartBatchesEachCycle = restartBatchesEachCycle;
        b.shuffle = shuffle;
        b.batchAxisLogSoftmax = batchAxisLogSoftmax;
        b.meanOfBatchAccuracies = meanOfBatchAccuracies;
        b.evalBatchSize = evalBatchSize;
        b.basis = basis;
        b.numpyMeasurementCount = numpyMeasurementCount;
        b.csSparsity = csSparsity;
        b.lambda = lambda;
        b.solver = solver;
        b.scsDefaults = scsDefaults;
        b.score = score;
        b.clipRule = clipRule;
        b.pruneFraction = pruneFraction;
        b.stopSize = stopSize;
        b.maxCycles = maxCycles;
        b.reuseSeeds = reuseSeeds;
        b.init = init;
        b.initGain = initGain;
        b.entropyLow = entropyLow;
        b.entropyHigh = entropyHigh;
        b.entropyBinWidth = entropyBinWidth;
        b.entropyBasePrevious = entropyBasePrevious;
        b.entropyBaseNext = entropyBaseNext;
        return b;
    }

    /** Settings one by one; {@link #build} checks them. */
    public static final class Builder {
        private NetworkSpec network;
        private int batchesPerCycle;
        private int batchSize;
        private double learningRate;
        private boolean resetOptimizerEachCycle;
        private boolean restartBatchesEachCycle;
        private boolean shuffle;
        private boolean batchAxisLogSoftmax;
        private boolean meanOfBatchAccuracies;
        private int evalBatchSize;
        private DctType basis;
        private boolean numpyMeasurementCount;
        private double csSparsity;
        private double lambda;
        private String solver;
        private boolean scsDefaults;
        private ScoreKind score;
        private ClipRule clipRule;
        private double pruneFraction;
        private int stopSize;
        private int maxCycles;
        private boolean reuseSeeds;
        private Init init;
        private double initGain;
        private double entropyLow;
        private double entropyHigh;
        private double entropyBinWidth;
        private double entropyBasePrevious;
        private double entropyBaseNext;

        public Builder network(NetworkSpec value) {
            network = value;
            return this;
        }

        public Builder batchesPerCycle(int value) {
            batchesPerCycle = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder resetOptimizerEachCycle(boolean value) {
            resetOptimizerEachCycle = value;
            return this;
        }

        public Builder restartBatchesEachCycle(boolean value) {
            restartBatchesEachCycle = value;
            return this;
        }

        public Builder shuffle(boolean value) {
            shuffle = value;
            return this;
        }

        public Builder batchAxisLogSoftmax(boolean value) {
            batchAxisLogSoftmax = value;
            return this;
        }

        public Builder meanOfBatchAccuracies(boolean value) {
            meanOfBatchAccuracies = value;
            return this;
        }

        public Builder evalBatchSize(int value) {
            evalBatchSize = value;
            return this;
        }

        public Builder basis(DctType value) {
            basis = value;
            return this;
        }

        public Builder numpyMeasurementCount(boolean value) {
            numpyMeasurementCount = value;
            return this;
        }

        public Builder csSparsity(double value) {
            csSparsity = value;
            return this;
        }

        public Builder lambda(double value) {
            lambda = value;
            return this;
        }

        public Builder solver(String value) {
            solver = value;
            return this;
        }

        public Builder scsDefaults(boolean value) {
            scsDefaults = value;
            return this;
        }

        public Builder score(ScoreKind value) {
            score = value;
            return this;
        }

        public Builder clipRule(ClipRule value) {
            clipRule = value;
            return this;
        }

        public Builder pruneFraction(double value) {
            pruneFraction = value;
            return this;
        }

        public Builder stopSize(int value) {
            stopSize = value;
            return this;
        }

        public Builder maxCycles(int value) {
            maxCycles = value;
            return this;
        }

        public Builder reuseSeeds(boolean value) {
            reuseSeeds = value;
            return this;
        }

        public Builder init(Init value) {
            init = value;
            return this;
        }

        public Builder initGain(double value) {
            initGain = value;
            return this;
        }

        public Builder entropyLow(double value) {
            entropyLow = value;
            return this;
        }

        public Builder entropyHigh(double value) {
            entropyHigh = value;
            return this;
        }

        public Builder entropyBinWidth(double value) {
            entropyBinWidth = value;
            return this;
        }

        public Builder entropyBasePrevious(double value) {
            entropyBasePrevious = value;
            return this;
        }

        public Builder entropyBaseNext(double value) {
            entropyBaseNext = value;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(network, batchesPerCycle, batchSize, learningRate, resetOptimizerEachCycle, restartBatchesEachCycle, shuffle, batchAxisLogSoftmax, meanOfBatchAccuracies, evalBatchSize, basis, numpyMeasurementCount, csSparsity, lambda, solver, scsDefaults, score, clipRule, pruneFraction, stopSize, maxCycles, reuseSeeds, init, initGain, entropyLow, entropyHigh, entropyBinWidth, entropyBasePrevious, entropyBaseNext);
        }
    }

    /** Measurements for m unknowns under this configuration's counting. */
    public int measurementCount(int m) {
        return numpyMeasurementCount ? org.dtc.cs.Measurement.rows(m, csSparsity)
                : Math.max(1, (int) Math.round(m * (1 - csSparsity)));
    }
}
