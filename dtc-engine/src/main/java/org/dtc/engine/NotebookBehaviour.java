package org.dtc.engine;

/**
 * What the author's notebooks do that the paper's text does not say (docs/experiment.md). The
 * reference preset turns them all on; the paper preset none.
 */
public enum NotebookBehaviour {
    /** A fresh Adam every cycle, instead of moments that follow the surgery. */
    FRESH_OPTIMIZER_EACH_CYCLE,
    /** Every cycle trains from the epoch's first batch again. */
    RESTART_BATCHES_EACH_CYCLE,
    /** A log-softmax over the batch axis before the cross-entropy (predictions depend on the batch). */
    BATCH_AXIS_LOG_SOFTMAX,
    /** Test accuracy as the unweighted mean of per-batch accuracies. */
    MEAN_OF_BATCH_ACCURACIES,
    /** n = int(m * (1.0 - s)) in double arithmetic (45 for m = 460), instead of rounding m (1 - s). */
    NUMPY_MEASUREMENT_COUNT,
    /** Phi and the random picks re-drawn from the run's seed at every call, not per cycle and layer. */
    REUSE_SEEDS
}
