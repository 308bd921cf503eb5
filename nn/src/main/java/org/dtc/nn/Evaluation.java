package org.dtc.nn;

/**
 * Loss and accuracy of a network over a dataset in evaluation mode. {@code loss} and
 * {@code accuracy} weigh every sample equally; {@code meanBatchAccuracy} is the unweighted mean
 * of the per-batch accuracies (what the paper's code records). {@code confusion[t][p]} counts the
 * samples of label t predicted as p.
 */
public record Evaluation(double loss, double accuracy, double meanBatchAccuracy, int samples, long[][] confusion) {
    /** Per label, the fraction of its samples predicted right (NaN for a label with no samples). */
    public double[] perClassAccuracy() {
        double[] a = new double[confusion.length];
        for (int t = 0; t < a.length; t++) {
            long total = 0;
            for (long c : confusion[t]) {
                total += c;
            }
            a[t] = total == 0 ? Double.NaN : (double) confusion[t][t] / total;
        }
        return a;
    }
}
