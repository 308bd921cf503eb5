package org.dtc.engine;

import org.dtc.nn.Init;

/**
 * How the network learns between prunes, and how it is tested.
 *
 * @param batchesPerCycle training batches before each prune (the paper's 200)
 * @param batchSize       training batch size
 * @param learningRate    Adam's learning rate
 * @param shuffle         a seeded shuffle per epoch instead of file order
 * @param init            weight initialisation
 * @param initGain        its gain
 * @param evalBatchSize   test batch size
 */
public record Training(int batchesPerCycle, int batchSize, double learningRate, boolean shuffle, Init init,
                       double initGain, int evalBatchSize) {
    /** The paper's: 200 batches of 512 in file order, Adam at 1e-3, Xavier normal (gain 1), tests in 512s. */
    public static final Training PAPER = new Training(200, 512, 1e-3, false, Init.XAVIER_NORMAL, 1.0, 512);

    public Training {
        if (batchesPerCycle < 1 || batchSize < 1 || evalBatchSize < 1) {
            throw new IllegalArgumentException("batches per cycle and batch sizes must be at least 1");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, not " + learningRate);
        }
        if (!(initGain > 0) || Double.isInfinite(initGain)) {
            throw new IllegalArgumentException("initialisation gain must be finite and > 0, not " + initGain);
        }
    }

    public Training withBatchesPerCycle(int v) {
        return new Training(v, batchSize, learningRate, shuffle, init, initGain, evalBatchSize);
    }

    public Training withBatchSize(int v) {
        return new Training(batchesPerCycle, v, learningRate, shuffle, init, initGain, evalBatchSize);
    }

    public Training withLearningRate(double v) {
        return new Training(batchesPerCycle, batchSize, v, shuffle, init, initGain, evalBatchSize);
    }

    public Training withShuffle(boolean v) {
        return new Training(batchesPerCycle, batchSize, learningRate, v, init, initGain, evalBatchSize);
    }

    public Training withInit(Init v) {
        return new Training(batchesPerCycle, batchSize, learningRate, shuffle, v, initGain, evalBatchSize);
    }

    public Training withEvalBatchSize(int v) {
        return new Training(batchesPerCycle, batchSize, learningRate, shuffle, init, initGain, v);
    }
}
