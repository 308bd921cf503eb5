package org.dtc.engine;

/** Which neurons a cycle keeps, given their scores. */
public enum ClipRule {
    /**
     * The paper's code: keep the neurons whose |score| lies strictly below numpy's
     * linear-interpolated (1 - fraction)-quantile of |score|, i.e. remove the largest scores.
     */
    KEEP_BELOW_QUANTILE,
    /** The conventional rule (and the paper's text): remove the smallest |score|. */
    REMOVE_SMALLEST
}
