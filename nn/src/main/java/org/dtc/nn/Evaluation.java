package org.dtc.nn;

/**
 * Loss and accuracy of a network over a dataset in evaluation mode. {@code loss} and
 * {@code accuracy} weigh every sample equally; {@code meanBatchAccuracy} is the unweighted mean
 * of the per-batch accuracies (what the paper's code records).
 */
public record Evaluation(double loss, double accuracy, double meanBatchAccuracy, int samples) {}
